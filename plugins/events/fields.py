"""The header fields of a training (content/szkolenia/), with the help staff
see in the guide, in `make newtraining` and in the messages."""

from strict_build import Field

from .model import REGISTRATION_STATUSES, STATUSES

FIELDS = (
    Field("Event-Start", "początek: 2027-01-14 10:00 albo 14.01.2027 10:00; sama data = wydarzenie całodniowe",
          kind="date", required=True,
          aliases=("poczatek", "start", "termin", "data szkolenia", "kiedy", "od", "rozpoczecie", "data wydarzenia")),
    Field("Event-End", "koniec (albo zamiast niego Event-Duration: 5h, 1h30m); "
          "dla kilkudniowego całodniowego: data ostatniego dnia", kind="date",
          aliases=("koniec", "do", "zakonczenie")),
    Field("Event-Duration", "czas trwania zamiast Event-End: 5h, 1h30m, 90min", aliases=("czas trwania", "czas")),
    Field("Event-Location", "nazwa, ulica i numer, kod pocztowy i miasto; „online” dla webinarium",
          aliases=("miejsce", "lokalizacja", "gdzie", "adres szkolenia", "sala")),
    Field("Event-Online-URL", "link do spotkania online (https://…), także dla szkolenia hybrydowego", kind="url",
          aliases=("link do spotkania", "online", "spotkanie", "webinar")),
    Field("Event-Status", "scheduled | cancelled (odwołane) | postponed (przełożone) | rescheduled (nowy termin) "
          "| moved-online (przeniesione do internetu)", kind="choice", choices=tuple(STATUSES),
          aliases=("status szkolenia", "odwolane")),
    Field("Event-UID", "nie zmieniaj: dzięki niemu kalendarze uczestników się aktualizują",
          aliases=("uid", "identyfikator")),
    Field("Event-Sequence", "zwiększ o 1 po każdej zmianie terminu lub miejsca", kind="number",
          aliases=("wersja", "numer zmiany")),
    Field("Event-Price", "cena w zł; 0 = bezpłatne", kind="number", aliases=("cena", "koszt", "odplatnosc", "oplata")),
    Field("Event-Audience", "dla kogo jest szkolenie", aliases=("dla kogo", "adresaci", "grupa docelowa", "uczestnicy")),
    Field("Event-Accessibility", "dostępność sali i udogodnienia na życzenie (PJM, pętla indukcyjna)",
          aliases=("dostepnosc", "udogodnienia")),
    Field("Event-Contact", "osoba do kontaktu", aliases=("kontakt", "osoba kontaktowa", "prowadzacy")),
    Field("Registration-URL", "link do formularza zapisów (https://…) albo mailto:…", kind="url",
          aliases=("zapisy", "formularz", "rejestracja", "link do zapisow", "zgloszenia")),
    Field("Registration-Email", "adres, na który przyjdą zgłoszenia (gotowy e-mail z tematem)", kind="email",
          aliases=("e-mail", "email", "mail", "adres e-mail")),
    Field("Registration-Deadline", "koniec zapisów: 2027-01-10 23:59 albo 10.01.2027 23:59 (przed Event-Start)",
          kind="date", aliases=("termin zgloszen", "zapisy do", "termin zapisow", "zgloszenia do")),
    Field("Capacity", "liczba miejsc", kind="number", aliases=("miejsca", "liczba miejsc", "limit", "limit miejsc")),
    Field("Seats-Left", "ile miejsc zostało wolnych", kind="number",
          aliases=("wolne miejsca", "wolne", "pozostalo", "zostalo")),
    Field("Registration-Status", "open (otwarte) | waitlist (lista rezerwowa) | closed (zamknięte)",
          kind="choice", choices=REGISTRATION_STATUSES, aliases=("status zapisow", "stan zapisow")),
)
