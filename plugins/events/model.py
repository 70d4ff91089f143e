"""A training read from a post's header fields, with every problem found.

Field names are the staff's interface (README and docs/ list them). Parsing
never stops at the first mistake: all problems of a file are returned.
"""

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from klucz.polish_dates import DateProblem, aware, parse_moment
from klucz.strict_build import Problem, Rule, field_line

# Event-Status -> (iCalendar STATUS, schema.org eventStatus, Polish badge)
STATUSES = {
    "scheduled": ("CONFIRMED", "EventScheduled", None),
    "cancelled": ("CANCELLED", "EventCancelled", "Odwołane"),
    "postponed": ("TENTATIVE", "EventPostponed", "Przełożone"),
    "rescheduled": ("CONFIRMED", "EventRescheduled", "Nowy termin"),
    "moved-online": ("CONFIRMED", "EventMovedOnline", "Przeniesione do internetu"),
}
# Polish words staff may type instead of the English values.
STATUS_ALIASES = {
    "zaplanowane": "scheduled",
    "odwołane": "cancelled",
    "odwolane": "cancelled",
    "przełożone": "postponed",
    "przelozone": "postponed",
    "nowy termin": "rescheduled",
    "online": "moved-online",
    "canceled": "cancelled",
}

@dataclass(frozen=True)
class Kind:
    """What kind of event a training post announces, with the Polish forms a
    sentence about it needs: "Dyżur doradczy odwołany", "miał się odbyć"."""

    name: str  # as a sentence names it, lower case
    cancelled: str  # "odwołany" / "odwołana" / "odwołane"
    was_to: str  # "miał" / "miała" / "miało" / "miały"

    @property
    def title(self):
        return self.name[:1].upper() + self.name[1:]

    @property
    def took_place(self):
        """"odbył" / "odbyła" / "odbyło" / "odbyły", in the form of was_to."""
        return "odby" + self.was_to[3:]


# Event-Kind -> its Polish forms; the value is also the first word of a title
# that leaves the field out ("Dyżur doradczy w Zgierzu" is a dyżur).
KINDS = {
    "szkolenie": Kind("szkolenie", "odwołane", "miało"),
    "warsztaty": Kind("warsztaty", "odwołane", "miały"),
    "webinarium": Kind("webinarium", "odwołane", "miało"),
    "dyżur": Kind("dyżur doradczy", "odwołany", "miał"),
    "spotkanie": Kind("spotkanie", "odwołane", "miało"),
    "konferencja": Kind("konferencja", "odwołana", "miała"),
    "konsultacje": Kind("konsultacje", "odwołane", "miały"),
}
KIND_ALIASES = {
    "dyzur": "dyżur",
    "dyżur doradczy": "dyżur",
    "dyzur doradczy": "dyżur",
    "webinar": "webinarium",
    "warsztat": "warsztaty",
    "spotkanie informacyjne": "spotkanie",
}


def kind_from_title(title):
    """The kind a title's first word names ("Webinar: …" -> webinarium), else szkolenie."""
    first = re.split(r"[\s:–-]+", (title or "").strip().lower(), maxsplit=1)[0]
    first = KIND_ALIASES.get(first, first)
    return first if first in KINDS else "szkolenie"


REGISTRATION_STATUSES = ("open", "waitlist", "closed")
REGISTRATION_ALIASES = {
    "otwarte": "open",
    "lista rezerwowa": "waitlist",
    "zamknięte": "closed",
    "zamkniete": "closed",
}
END_AFTER_START = Rule("Event-End", "after", "Event-Start", "{value} jest wcześniej niż {other} {other_value}",
                       "koniec szkolenia musi być po jego początku")
DEADLINE_BEFORE_START = Rule("Registration-Deadline", "not_after", "Event-Start",
                             "termin zgłoszeń {value} jest po rozpoczęciu szkolenia ({other_value})",
                             "ustaw termin zgłoszeń przed {other}")

ONLINE_WORDS = {"online", "on-line", "internet", "zdalnie", "webinar", "webinarium"}

_DURATION = re.compile(
    r"^\s*(?:(\d+)\s*(?:d|dni|dzień|dzien)\s*)?(?:(\d+)\s*(?:h|godz\.?|godzin[ya]?)\s*)?"
    r"(?:(\d+)\s*(?:m|min\.?|minut[y]?)\s*)?$",
    re.I,
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class Training:
    """Everything the pages, calendars and search engines need about one training."""

    title: str
    url: str
    source: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date  # all-day: the last day, inclusive
    all_day: bool
    tz: dt.tzinfo
    uid: str
    sequence: int = 0
    status: str = "scheduled"
    location: str | None = None
    online_url: str | None = None
    price: Decimal = Decimal(0)
    audience: str | None = None
    accessibility: str | None = None
    contact: str | None = None
    registration_url: str | None = None
    registration_email: str | None = None
    deadline: dt.datetime | None = None
    capacity: int | None = None
    seats_left: int | None = None
    registration_status: str = "open"
    kind: str = "szkolenie"  # KINDS
    tags: list = field(default_factory=list)
    locale: str = "pl_PL"  # POLISH_DATES_LOCALE: how its dates are written

    @property
    def start_at(self):
        """Start as an aware datetime (midnight for all-day events)."""
        return _at(self.start, self.tz)

    @property
    def end_at(self):
        """End as an aware datetime (the midnight after the last day for all-day)."""
        if self.all_day:
            return _at(self.end + dt.timedelta(days=1), self.tz)
        return _at(self.end, self.tz)

    @property
    def days(self):
        """Every calendar day the training takes place on."""
        first = self.start if self.all_day else self.start.date()
        last = self.end if self.all_day else (self.end - dt.timedelta(microseconds=1)).date()
        last = max(first, last)
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]

    @property
    def ical_status(self):
        return STATUSES[self.status][0]

    @property
    def schema_status(self):
        return STATUSES[self.status][1]

    @property
    def badge(self):
        return STATUSES[self.status][2]

    @property
    def kind_forms(self):
        return KINDS[self.kind]

    @property
    def attendance_mode(self):
        if self.status == "moved-online" or (self.online_url and not self.location):
            return "OnlineEventAttendanceMode"
        if self.online_url and self.location:
            return "MixedEventAttendanceMode"
        return "OfflineEventAttendanceMode"

    @property
    def form(self):
        """What and how, as the facts say it: "szkolenie online", "warsztaty
        na miejscu i online" (the first words of a search for it)."""
        how = {"OnlineEventAttendanceMode": "online", "MixedEventAttendanceMode": "na miejscu i online"}
        return f"{self.kind_forms.name} {how.get(self.attendance_mode, 'na miejscu')}"

    @property
    def is_free(self):
        return self.price == 0


def _at(value, tz):
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time(0, 0), tzinfo=tz)


class _Reader:
    """Reads one post's fields, collecting problems instead of raising."""

    def __init__(self, metadata, source_path, display_path):
        self.meta = metadata
        self.source_path = source_path
        self.display_path = display_path
        self.problems = []

    def raw(self, name):
        value = self.meta.get(name.lower())
        if value is None:
            return None
        value = str(value).strip()
        return value or None

    def problem(self, name, message, hint=""):
        self.problems.append(
            Problem(
                path=self.display_path,
                field=name,
                message=message,
                hint=hint,
                line=field_line(self.source_path, name) or 1,
            )
        )

    def moment(self, name, tz):
        """A date (all-day) or an aware datetime, read the one way the site
        reads dates (polish_dates.parse_moment)."""
        value = self.raw(name)
        if value is None:
            return None
        try:
            moment = parse_moment(value)
        except DateProblem as problem:
            self.problem(name, problem.message, problem.hint)
            return None
        return aware(moment, tz) if moment.has_time else moment.date

    def choice(self, name, default, allowed, aliases, what):
        """One of `allowed` (Polish `aliases` accepted); else a problem and the default."""
        text = (self.raw(name) or default).lower()
        value = aliases.get(text, text)
        if value not in allowed:
            self.problem(name, f"{what} „{text}”", "wpisz jedno z: " + ", ".join(allowed))
            return default
        return value

    def integer(self, name):
        value = self.raw(name)
        if value is None:
            return None
        try:
            number = int(value)
        except ValueError:
            self.problem(name, f"„{value}” to nie jest liczba", "wpisz liczbę całkowitą, np. 20")
            return None
        if number < 0:
            self.problem(name, f"{number} to liczba ujemna", "wpisz 0 lub więcej")
            return None
        return number

    def link(self, name, schemes):
        value = self.raw(name)
        if value is None:
            return None
        if not value.lower().startswith(tuple(f"{s}:" for s in schemes)):
            allowed = " albo ".join(f"{s}:" for s in schemes)
            self.problem(
                name,
                f"„{value}” nie jest bezpiecznym adresem",
                f"podaj pełny adres zaczynający się od {allowed}",
            )
            return None
        return value


def parse_duration(text):
    """'5h', '2h30m', '90 min', '1d', '2 godz.' -> timedelta, or None."""
    match = _DURATION.match(text or "")
    if not match or not any(match.groups()):
        return None
    days, hours, minutes = (int(g or 0) for g in match.groups())
    return dt.timedelta(days=days, hours=hours, minutes=minutes)


def parse_price(text):
    cleaned = re.sub(r"\s|zł|pln", "", text.lower()).replace(",", ".")
    if cleaned in ("bezpłatne", "bezplatne", "bezpłatnie", "darmowe"):
        return Decimal(0)
    return Decimal(cleaned)


def default_uid(relative_source, domain):
    """A UID that depends only on the file, never on title, time or place."""
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, 'szkolenie:' + relative_source)}@{domain}"


def read_training(content, display_path, tz, uid_domain, locale="pl_PL"):
    """Return (Training or None, [Problem, ...]) for one training post."""
    r = _Reader(content.metadata, getattr(content, "source_path", None), display_path)

    start = r.moment("Event-Start", tz)
    if r.raw("Event-Start") is None:
        r.problem(
            "Event-Start",
            "brak daty rozpoczęcia szkolenia",
            "dodaj w nagłówku wiersz Event-Start: 2027-01-14 10:00 "
            "(albo przenieś wpis do content/aktualnosci/, jeśli to nie jest zapowiedź szkolenia)",
        )
    end = r.moment("Event-End", tz)
    duration_text = r.raw("Event-Duration")
    duration = None
    if duration_text is not None:
        duration = parse_duration(duration_text)
        if duration is None or duration <= dt.timedelta(0):
            r.problem(
                "Event-Duration",
                f"„{duration_text}” to nie jest czas trwania",
                "wpisz np. 5h, 1h30m albo 90min",
            )
    if r.raw("Event-End") is not None and duration_text is not None:
        r.problem(
            "Event-Duration",
            "podano jednocześnie Event-End i Event-Duration",
            "zostaw tylko jedno z nich",
        )

    all_day = isinstance(start, dt.date) and not isinstance(start, dt.datetime)
    if start is not None:
        if end is None and duration is not None and r.raw("Event-End") is None:
            if all_day:
                end = start + dt.timedelta(days=max(duration.days, 1) - 1)
            else:
                # A duration is elapsed time, also across a DST change.
                end = (start.astimezone(dt.UTC) + duration).astimezone(tz)
        elif end is None and r.raw("Event-End") is None:
            end = start if all_day else None
            if end is None:
                r.problem(
                    "Event-End",
                    "brak godziny zakończenia",
                    "dodaj Event-End: 2027-01-14 15:00 albo Event-Duration: 5h",
                )
        if end is not None:
            end_all_day = isinstance(end, dt.date) and not isinstance(end, dt.datetime)
            if end_all_day != all_day:
                r.problem(
                    "Event-End",
                    f"„{r.raw('Event-End')}” i Event-Start „{r.raw('Event-Start')}” mają różną postać",
                    "podaj obie daty z godziną albo obie bez godziny (wydarzenie całodniowe)",
                )
                end = None
            elif end < start or (not all_day and end == start):
                r.problem("Event-End", *END_AFTER_START.say(r.raw("Event-End"), "Event-Start", r.raw("Event-Start")))
                end = None

    status = r.choice("Event-Status", "scheduled", STATUSES, STATUS_ALIASES, "nieznany status")

    location = r.raw("Event-Location")
    online_url = r.link("Event-Online-URL", ("https",))
    location_says_online = location is not None and location.lower() in ONLINE_WORDS
    if location_says_online:
        location = None
        if online_url is None and r.raw("Event-Online-URL") is None:
            r.problem(
                "Event-Online-URL",
                "szkolenie online nie ma adresu spotkania",
                "dodaj Event-Online-URL: https://… (link do spotkania)",
            )
    elif status == "moved-online" and online_url is None and r.raw("Event-Online-URL") is None:
        r.problem(
            "Event-Online-URL",
            "szkolenie przeniesione do internetu nie ma adresu spotkania",
            "dodaj Event-Online-URL: https://…",
        )
    elif location is None and r.raw("Event-Online-URL") is None:
        r.problem(
            "Event-Location",
            "szkolenie stacjonarne nie ma miejsca",
            "dodaj Event-Location: nazwa, ulica i numer, kod pocztowy i miasto "
            "(albo Event-Online-URL dla szkolenia online)",
        )

    price = Decimal(0)
    price_text = r.raw("Event-Price")
    if price_text is not None:
        try:
            price = parse_price(price_text)
            if price < 0:
                raise InvalidOperation
        except InvalidOperation:
            r.problem("Event-Price", f"„{price_text}” to nie jest cena", "wpisz kwotę w złotych, np. 0 albo 150")

    sequence = r.integer("Event-Sequence") or 0
    capacity = r.integer("Capacity")
    seats_left = r.integer("Seats-Left")
    if capacity is not None and seats_left is not None and seats_left > capacity:
        r.problem(
            "Seats-Left",
            f"wolnych miejsc ({seats_left}) jest więcej niż wszystkich (Capacity: {capacity})",
            "popraw Seats-Left albo Capacity",
        )

    registration_url = r.link("Registration-URL", ("https", "mailto"))
    registration_email = r.raw("Registration-Email")
    if registration_email is not None and not _EMAIL.match(registration_email):
        r.problem(
            "Registration-Email",
            f"„{registration_email}” to nie jest adres e-mail",
            "wpisz adres w postaci nazwa@domena.pl",
        )
        registration_email = None
    deadline = r.moment("Registration-Deadline", tz)
    if isinstance(deadline, dt.date) and not isinstance(deadline, dt.datetime):
        deadline = dt.datetime.combine(deadline, dt.time(23, 59), tzinfo=tz)
    if deadline is not None and start is not None and deadline > _at(start, tz):
        r.problem("Registration-Deadline",
                  *DEADLINE_BEFORE_START.say(r.raw("Registration-Deadline"), "Event-Start", r.raw("Event-Start")))

    registration_status = r.choice(
        "Registration-Status", "open", REGISTRATION_STATUSES, REGISTRATION_ALIASES,
        "nieznany stan zapisów",
    )

    uid = r.raw("Event-UID") or default_uid(display_path, uid_domain)
    kind = r.choice("Event-Kind", kind_from_title(content.title), KINDS, KIND_ALIASES, "nieznany rodzaj wydarzenia")

    if r.problems or start is None or end is None:
        return None, r.problems
    training = Training(
        title=content.title,
        url=content.url,
        source=display_path,
        start=start,
        end=end,
        all_day=all_day,
        tz=tz,
        uid=uid,
        sequence=sequence,
        status=status,
        location=location,
        online_url=online_url,
        price=price,
        audience=r.raw("Event-Audience"),
        accessibility=r.raw("Event-Accessibility"),
        contact=r.raw("Event-Contact"),
        registration_url=registration_url,
        registration_email=registration_email,
        deadline=deadline,
        capacity=capacity,
        seats_left=seats_left,
        registration_status=registration_status,
        kind=kind,
        tags=[t.name for t in getattr(content, "tags", [])],
        locale=locale,
    )
    return training, []
