"""The events plugin's settings with their defaults (documented in README.md)."""

from klucz.strict_build import Setting, declare

SETTINGS = declare(
    Setting("EVENTS_CATEGORY", "szkolenia", "Folder (= category slug) whose posts are trainings."),
    Setting("EVENTS_TIMEZONE", "Europe/Warsaw", "Time zone of every Event-* time."),
    Setting("EVENTS_ARCHIVE_PER_PAGE", 10, "How many past trainings per archive page."),
    Setting("EVENTS_HOME_COUNT", 3, "How many upcoming trainings the home page shows."),
    Setting("EVENTS_ICS_PAST_DAYS", 90, "The site-wide calendar keeps trainings that ended up to this many days ago."),
    Setting(
        "EVENTS_ICS_REFRESH_HOURS", 12, "Suggested refresh interval for calendar subscriptions, in hours.", kind=float
    ),
    Setting(
        "EVENTS_ICS_PATH",
        "szkolenia/kalendarz.ics",
        "Where the site-wide calendar file and the month grids are written.",
    ),
    Setting(
        "EVENTS_TRAINING_ICS_NAME",
        "kalendarz.ics",
        "File name of the one-training calendar written beside each training's page.",
    ),
    Setting(
        "EVENTS_MONTH_URL",
        "szkolenia/kalendarz/{year}/{month:02d}/",
        "Address of a month's calendar grid.",
    ),
    Setting(
        "EVENTS_SIGNUPS_URL",
        "",
        "Address of the sign-up service on the site (\"/zapisy/\"): trainings without a Registration-URL get "
        "its form. Empty: no service, the sign-up goes by e-mail.",
    ),
    Setting(
        "EVENTS_SIGNUPS_UPSTREAM",
        "http://127.0.0.1:8001",
        "Where the web server passes EVENTS_SIGNUPS_URL on to (the service's own address).",
    ),
    Setting(
        "EVENTS_RELEASES_FILE",
        "szkolenia/wersje.json",
        "In the output: each training's calendar change number (SEQUENCE) and what it was given for, read by the "
        "next build to raise the number when a date, place or status changes.",
    ),
    Setting(
        "EVENTS_PREVIOUS_RELEASE",
        None,
        "The last release: the live site's address (publishconf.py: SITEURL), a built site's folder or its "
        "EVENTS_RELEASES_FILE. None (development): change numbers come from Event-Sequence only.",
        kind=str,
    ),
    Setting(
        "EVENTS_SIGNUPS_FILE",
        "szkolenia/zapisy.json",
        "The trainings the sign-up service reads (written when EVENTS_SIGNUPS_URL is set).",
    ),
    Setting(
        "EVENTS_UID_DOMAIN",
        "klucz.instytutsprawobywatelskich.pl",
        "Domain part of generated UIDs (a UID is <uuid>@<domain>).",
    ),
    Setting(
        "EVENTS_MAILTO_BODY",
        [
            "Zgłaszam udział w szkoleniu.",
            "",
            "Imię i nazwisko:",
            "Organizacja lub instytucja (jeśli dotyczy):",
            "Telefon:",
            "Potrzeby związane z dostępnością (np. tłumacz PJM, pętla indukcyjna, dieta):",
        ],
        "The prefilled body of a sign-up e-mail, one line each.",
    ),
    Setting(
        "EVENTS_RODO_MAIL_NOTICE",
        "Zgłoszenie wysłane e-mailem trafia tylko do skrzynki {to}: ta strona go nie zapisuje ani nie widzi. "
        "Zespół szkoleń przepisuje dane na listę uczestników i odpowiada, czy jest miejsce.",
        "The RODO (GDPR art. 13) notice shown next to every sign-up; {name}, {address}, {krs} and {email} come from "
        "ORGANIZATION. What happens to a sign-up sent by e-mail ({to}: the address), before EVENTS_RODO_NOTICE.",
    ),
    Setting(
        "EVENTS_RODO_NOTICE",
        "Administratorem danych podanych w zgłoszeniu jest {name}, {address}, KRS {krs}. "
        "Przetwarzamy je, aby zorganizować szkolenie i rozliczyć projekt "
        "(art. 6 ust. 1 lit. b i c RODO). Odbiorcami mogą być nasz dostawca poczty "
        "(i formularza, jeśli zapisy prowadzimy formularzem) oraz instytucja finansująca projekt. Dane "
        "przechowujemy "
        "przez okres "
        "wymagany umową o dofinansowanie. Masz prawo dostępu do danych, ich sprostowania, "
        "usunięcia, ograniczenia przetwarzania, przenoszenia i sprzeciwu oraz skargi do "
        "Prezesa UODO. Kontakt w sprawie danych: {email}.",
        "The RODO (GDPR art. 13) notice shown next to every sign-up; {name}, {address}, {krs} and {email} come from "
        "ORGANIZATION. What happens to a sign-up sent by e-mail ({to}: the address), before EVENTS_RODO_NOTICE.",
    ),
)


setting = SETTINGS.get
