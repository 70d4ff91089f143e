"""The header fields of Pelican that this site uses (the plugins declare their
own), and what staff are told about fields the site does not use."""

from klucz.strict_build import Field

FIELDS = (
    Field("Title", "tytuł wpisu lub strony", required=True, aliases=("tytul", "nazwa", "naglowek"), label="Tytuł"),
    Field(
        "Date",
        "data publikacji: 2026-11-03 10:00 albo 3.11.2026 10:00; data w przyszłości = publikacja zaplanowana",
        kind="date",
        required=True,
        aliases=("data", "data publikacji", "opublikowano", "publikacja"),
        label="Data publikacji",
    ),
    Field(
        "Modified",
        "data ostatniej ważnej zmiany (jak Date)",
        kind="date",
        aliases=("zmieniono", "zmiana", "aktualizacja", "data zmiany", "zaktualizowano", "modyfikacja"),
        label="Data ostatniej zmiany",
    ),
    Field(
        "Tags",
        "słowa kluczowe rozdzielone przecinkami",
        kind="list",
        aliases=("tagi", "tag", "slowa kluczowe", "etykiety"),
        label="Tagi (słowa kluczowe)",
    ),
    Field(
        "Summary",
        "jedno-dwa zdania do list wpisów i wyników wyszukiwania",
        aliases=("podsumowanie", "streszczenie", "zajawka", "lead", "wstep", "opis"),
        label="Zajawka",
    ),
    Field(
        "Slug",
        "końcówka adresu strony: małe litery bez polskich znaków, cyfry i myślniki",
        aliases=("adres", "link", "url strony"),
        label="Końcówka adresu",
    ),
    Field(
        "Status",
        "draft = szkic (widoczny tylko w podglądzie); hidden = strona bez miejsca w menu",
        kind="choice",
        choices=("draft", "hidden", "published"),
        aliases=("stan", "szkic"),
        label="Stan",
        labels=(
            ("draft", "szkic (widoczny tylko w podglądzie)"),
            ("hidden", "ukryta (strona bez miejsca w menu)"),
            ("published", "opublikowany"),
        ),
    ),
    Field(
        "Template",
        "szablon strony (tylko strony specjalne, ustawia opiekun strony)",
        aliases=("szablon",),
        label="Szablon",
    ),
    Field("URL", "adres strony specjalnej (ustawia opiekun strony)", label="Adres strony"),
    Field("Save_as", "plik strony specjalnej (ustawia opiekun strony)", label="Plik strony"),
)

# Fields Pelican knows but this site does not use, with what to do instead.
NOT_USED = {
    "category": (
        "dział wpisu wynika z folderu, w którym leży plik",
        "usuń ten wiersz i przenieś plik do właściwego folderu: content/aktualnosci/, "
        "content/szkolenia/ albo content/wesprzyj/",
    ),
    "kategoria": None,
    "dzial": None,
    "author": ("strona nie pokazuje autorów wpisów", "usuń ten wiersz; podpis możesz dodać na końcu tekstu"),
    "authors": None,
    "autor": None,
    "autorzy": None,
}
for _alias, _target in (
    ("kategoria", "category"),
    ("dzial", "category"),
    ("authors", "author"),
    ("autor", "author"),
    ("autorzy", "author"),
):
    NOT_USED[_alias] = NOT_USED[_target]
