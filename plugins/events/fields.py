"""The header fields of a training (content/szkolenia/), with the help staff
see in the guide, in `make newtraining` and in the messages."""

from klucz.strict_build import Field

from .model import DEADLINE_BEFORE_START, END_AFTER_START, KINDS, REGISTRATION_STATUSES, STATUSES

FIELDS = (
    Field(
        "Event-Start",
        "początek: 2027-01-14 10:00 albo 14.01.2027 10:00; sama data = wydarzenie całodniowe",
        kind="date",
        required=True,
        aliases=("poczatek", "start", "termin", "data szkolenia", "kiedy", "od", "rozpoczecie", "data wydarzenia"),
        label="Początek",
    ),
    Field(
        "Event-End",
        "koniec (albo zamiast niego Event-Duration: 5h, 1h30m); dla kilkudniowego całodniowego: data ostatniego dnia",
        kind="date",
        aliases=("koniec", "do", "zakonczenie"),
        label="Koniec",
    ),
    Field(
        "Event-Duration",
        "czas trwania zamiast Event-End: 5h, 1h30m, 90min",
        aliases=("czas trwania", "czas"),
        label="Czas trwania",
    ),
    Field(
        "Event-Location",
        "nazwa, ulica i numer, kod pocztowy i miasto; „online” dla webinarium",
        aliases=("miejsce", "lokalizacja", "gdzie", "adres szkolenia", "sala"),
        label="Miejsce",
    ),
    Field(
        "Event-Online-URL",
        "link do spotkania online (https://…), także dla szkolenia hybrydowego",
        kind="url",
        aliases=("link do spotkania", "online", "spotkanie", "webinar"),
        label="Link do spotkania online",
    ),
    Field(
        "Event-Status",
        "scheduled | cancelled (odwołane) | postponed (przełożone) | rescheduled (nowy termin) "
        "| moved-online (przeniesione do internetu)",
        kind="choice",
        choices=tuple(STATUSES),
        aliases=("status szkolenia", "odwolane"),
        label="Status szkolenia",
        labels=(
            ("scheduled", "odbędzie się zgodnie z planem"),
            ("cancelled", "odwołane"),
            ("postponed", "przełożone"),
            ("rescheduled", "nowy termin"),
            ("moved-online", "przeniesione do internetu"),
        ),
    ),
    Field(
        "Event-Kind",
        "rodzaj: " + " | ".join(KINDS) + "; bez tego pola rodzaj wynika z pierwszego słowa tytułu, "
        "a gdy go nie ma – szkolenie",
        kind="choice",
        choices=tuple(KINDS),
        aliases=("rodzaj", "typ", "rodzaj wydarzenia"),
        label="Rodzaj",
        labels=tuple((value, kind.name) for value, kind in KINDS.items()),
    ),
    Field(
        "Event-UID",
        "nie zmieniaj: dzięki niemu kalendarze uczestników się aktualizują",
        aliases=("uid", "identyfikator"),
        label="Identyfikator w kalendarzach",
        copied=False,
    ),
    Field(
        "Event-Sequence",
        "nie wpisuj: strona sama podnosi numer zmiany, gdy zmienisz termin, miejsce lub status "
        "(wpisana liczba to minimum)",
        kind="number",
        aliases=("wersja", "numer zmiany"),
        label="Numer zmiany",
        copied=False,
    ),
    Field(
        "Event-Price",
        "cena w zł; 0 = bezpłatne",
        kind="number",
        aliases=("cena", "koszt", "odplatnosc", "oplata"),
        label="Cena (zł)",
    ),
    Field(
        "Event-Audience",
        "dla kogo jest szkolenie",
        aliases=("dla kogo", "adresaci", "grupa docelowa", "uczestnicy"),
        label="Dla kogo",
    ),
    Field(
        "Event-Accessibility",
        "dostępność sali i udogodnienia na życzenie (PJM, pętla indukcyjna)",
        aliases=("dostepnosc", "udogodnienia"),
        label="Dostępność",
    ),
    Field(
        "Event-Contact",
        "osoba do kontaktu",
        aliases=("kontakt", "osoba kontaktowa", "prowadzacy"),
        label="Osoba do kontaktu",
    ),
    Field(
        "Registration-URL",
        "link do formularza zapisów (https://…) albo mailto:…",
        kind="url",
        aliases=("zapisy", "formularz", "rejestracja", "link do zapisow", "zgloszenia"),
        label="Link do formularza zapisów",
    ),
    Field(
        "Registration-Email",
        "adres, na który przyjdą zgłoszenia (gotowy e-mail z tematem)",
        kind="email",
        aliases=("e-mail", "email", "mail", "adres e-mail"),
        label="Adres e-mail na zgłoszenia",
    ),
    Field(
        "Registration-Deadline",
        "koniec zapisów: 2027-01-10 23:59 albo 10.01.2027 23:59 (przed Event-Start)",
        kind="date",
        aliases=("termin zgloszen", "zapisy do", "termin zapisow", "zgloszenia do"),
        label="Koniec zapisów",
    ),
    Field(
        "Capacity",
        "liczba miejsc",
        kind="number",
        aliases=("miejsca", "liczba miejsc", "limit", "limit miejsc"),
        label="Liczba miejsc",
    ),
    Field(
        "Seats-Left",
        "ile miejsc zostało wolnych",
        kind="number",
        aliases=("wolne miejsca", "wolne", "pozostalo", "zostalo"),
        label="Wolne miejsca",
        copied=False,
    ),
    Field(
        "Registration-Status",
        "open (otwarte) | waitlist (lista rezerwowa) | closed (zamknięte)",
        kind="choice",
        choices=REGISTRATION_STATUSES,
        aliases=("status zapisow", "stan zapisow"),
        label="Stan zapisów",
        labels=(("open", "otwarte"), ("waitlist", "lista rezerwowa"), ("closed", "zamknięte")),
    ),
)


# Checks between two dates (declared in the model, which makes them): the
# build and the web editor (before saving) say them in the same words.
RULES = (END_AFTER_START, DEADLINE_BEFORE_START)
