"""Start a post from a template: `python -m authoring.new post|training|appeal "Tytuł"`.

The file is created in the right folder, named from today's date and the title,
with every field filled in or explained; an existing file is never overwritten.
"""

import argparse
import datetime as dt
import os
import sys
import uuid
from zoneinfo import ZoneInfo

from pelican.utils import slugify

KINDS = {
    "post": ("aktualnosci", "wpis"),
    "training": ("szkolenia", "szkolenie"),
    "appeal": ("wesprzyj", "apel"),
}
SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]

COMMON_NOTES = """\
<!--
Ten komentarz nie pojawi się na stronie. Możesz go usunąć.

* Wpis jest szkicem (Status: draft): widać go w podglądzie (make devserver),
  a nie na stronie publicznej. Gdy jest gotowy, usuń wiersz "Status: draft".
* Data w przyszłości (Date:) = publikacja zaplanowana na ten dzień.
* Tags: słowa kluczowe rozdzielone przecinkami.
* Summary: jedno-dwa zdania do list wpisów i wyników wyszukiwania.
* Obrazek: wrzuć plik do content/images/ i wstaw go tak:
  ![Opis tego, co widać na zdjęciu]({static}/images/nazwa-pliku.jpg)
* Link do innego wpisu: [tekst]({filename}/aktualnosci/nazwa-pliku.md)
* Wezwanie do wsparcia w środku tekstu: osobny wiersz [[wesprzyj]].
  Bez wezwania pod wpisem: dodaj w nagłówku wiersz "Donation: off".
* Sprawdź wpis poleceniem: make check
-->
"""

TRAINING_NOTES = """\
<!--
Pola szkolenia (nagłówek na górze pliku). Godziny są czasem polskim.

Event-Start            początek: RRRR-MM-DD GG:MM; sama data = wydarzenie całodniowe
Event-End              koniec (albo zamiast niego Event-Duration: 5h, 1h30m)
                       dla kilkudniowego całodniowego: data ostatniego dnia
Event-Location         nazwa, ulica i numer, kod pocztowy i miasto; "online" dla webinarium
Event-Online-URL       link do spotkania online (https://…), także dla hybrydy
Event-Status           scheduled | cancelled (odwołane) | postponed (przełożone)
                       | rescheduled (nowy termin) | moved-online (przeniesione do internetu)
Event-UID              nie zmieniaj: dzięki niemu kalendarze uczestników się aktualizują
Event-Sequence         zwiększ o 1 po każdej zmianie terminu lub miejsca
Event-Price            cena w zł; 0 = bezpłatne
Event-Audience         dla kogo jest szkolenie
Event-Accessibility    dostępność sali i udogodnienia na życzenie (PJM, pętla indukcyjna)
Event-Contact          osoba do kontaktu
Registration-URL       link do formularza (https://…) albo mailto:…
Registration-Email     adres, na który przyjdą zgłoszenia (gotowy e-mail z tematem)
Registration-Deadline  koniec zapisów: RRRR-MM-DD GG:MM (przed Event-Start)
Capacity               liczba miejsc;  Seats-Left: ile zostało wolnych
Registration-Status    open (otwarte) | waitlist (lista rezerwowa) | closed (zamknięte)
-->
"""


def body(kind, title, now, uid_domain):
    date = now.strftime("%Y-%m-%d %H:%M")
    header = [f"Title: {title}", f"Date: {date}", "Status: draft", "Tags: ", "Summary: "]
    if kind == "training":
        start = (now + dt.timedelta(days=30)).replace(hour=10, minute=0)
        header += [
            f"Event-Start: {start:%Y-%m-%d %H:%M}",
            f"Event-End: {start.replace(hour=15):%Y-%m-%d %H:%M}",
            "Event-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź",
            "Event-Status: scheduled",
            f"Event-UID: {uuid.uuid4()}@{uid_domain}",
            "Event-Sequence: 0",
            "Event-Price: 0",
            "Event-Audience: ",
            "Event-Accessibility: sala na parterze, wejście bez progów; na życzenie tłumacz PJM lub pętla indukcyjna",
            "Event-Contact: ",
            "Registration-Email: szkolenia@instytutsprawobywatelskich.pl",
            f"Registration-Deadline: {(start - dt.timedelta(days=4)).replace(hour=23, minute=59):%Y-%m-%d %H:%M}",
            "Capacity: 20",
            "Seats-Left: 20",
            "Registration-Status: open",
        ]
        text = "Napisz, czego dotyczy szkolenie i co uczestnicy z niego wyniosą.\n\n## Program\n\n1. …\n"
        notes = TRAINING_NOTES + COMMON_NOTES
    elif kind == "appeal":
        header.append("Donation: dodaj-nam-mocy")
        text = "Napisz, na co zbieramy i dlaczego to ważne. Pole wsparcia z przyciskami pojawi się nad tekstem.\n"
        notes = COMMON_NOTES
    else:
        text = "Treść wpisu.\n"
        notes = COMMON_NOTES
    return "\n".join(line.rstrip() for line in header) + "\n\n" + notes + "\n" + text


def create(kind, title, content_dir, now=None, uid_domain="klucz.instytutsprawobywatelskich.pl"):
    """Create the file and return its path; raise FileExistsError if it exists."""
    title = " ".join(title.split())
    if not title:
        raise ValueError("podaj tytuł, np. make newpost TITLE=\"Relacja ze szkolenia\"")
    now = now or dt.datetime.now(ZoneInfo("Europe/Warsaw"))
    folder, _ = KINDS[kind]
    slug = slugify(title, regex_subs=SLUG_SUBS)
    path = os.path.join(content_dir, folder, f"{now:%Y-%m-%d}-{slug}.md")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as f:  # "x": never overwrite
        f.write(body(kind, title, now, uid_domain))
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description="Nowy wpis z szablonu")
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("title", nargs="?", default="")
    parser.add_argument("--content", default="content")
    args = parser.parse_args(argv)
    try:
        path = create(args.kind, args.title, args.content)
    except FileExistsError as error:
        print(f"Plik {error.filename} już istnieje – nic nie zmieniono. Wybierz inny tytuł.", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"Brak tytułu: {error}", file=sys.stderr)
        return 2
    print(f"Utworzono {path}")
    print("Otwórz go w edytorze, uzupełnij pola i treść, a potem sprawdź: make check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
