"""The one reading of a date or time written by staff.

Accepted, always day first:

- ISO 8601: 2026-11-03, 2026-11-03 10:00, 2026-11-03T10:00:00, 2026-11-03 10:00+01:00
- Polish with dots: 3.11.2026, 03.11.2026 10:00, 3.11.2026 r., 3.11.2026 r., godz. 10:00
- the month written out: 3 listopada 2026, 3 listopada 2026 r., 10:00 (also
  without Polish letters, "pazdziernika", and in Roman numerals: 3 XI 2026)

Everything else is refused, above all the forms a reader from another country
could take month first (11/03/2026, 3-11-2026, 11.03.26): a post published on
the wrong day is worse than a build that stops and says why.
"""

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

# Genitive ("3 listopada") and nominative ("listopad 2026"), without Polish letters.
_MONTHS = {
    "stycznia": 1, "styczen": 1, "lutego": 2, "luty": 2, "marca": 3, "marzec": 3,
    "kwietnia": 4, "kwiecien": 4, "maja": 5, "maj": 5, "czerwca": 6, "czerwiec": 6,
    "lipca": 7, "lipiec": 7, "sierpnia": 8, "sierpien": 8, "wrzesnia": 9, "wrzesien": 9,
    "pazdziernika": 10, "pazdziernik": 10, "listopada": 11, "listopad": 11,
    "grudnia": 12, "grudzien": 12,
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
          "ix": 9, "x": 10, "xi": 11, "xii": 12}
_MONTH_NAMES = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
                "sierpnia", "września", "października", "listopada", "grudnia"]

_TIME = r"(?:(?:,\s*|\s+)(?:godz(?:ina|\.)?\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?)"
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:(?:[ T]|\s+)(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)
_DOTS = re.compile(
    r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?:\s*r\.)?" + _TIME + r"?"
)
_WORDS = re.compile(
    r"(?P<day>\d{1,2})\.?\s+(?P<month>[^\W\d_]+)\s+(?P<year>\d{4})(?:\s*r\.)?" + _TIME + r"?"
)

FORMS_HINT = "wpisz 2026-11-03 albo 3.11.2026 (z godziną: 2026-11-03 10:00 albo 3.11.2026 10:00)"


class DateProblem(ValueError):
    """What is wrong with a written date and how to write it, in Polish."""

    def __init__(self, value, reason, hint=FORMS_HINT):
        value = str(value).strip()
        self.value = value
        self.message = f"„{value}”: {reason}" if value else reason
        self.hint = hint
        super().__init__(self.message)


@dataclass(frozen=True)
class Moment:
    """A date as written: `value` is a naive datetime (midnight when no time
    was given), `has_time` says whether a time was written, `offset` is the
    UTC offset written in ISO form, or None."""

    value: dt.datetime
    has_time: bool
    offset: dt.timezone | None = None

    @property
    def date(self):
        return self.value.date()


def parse_moment(text):
    """Read a date (and optional time) written by staff; raise DateProblem."""
    return _parse("" if text is None else str(text))


@lru_cache(maxsize=4096)
def _parse(raw):
    """parse_moment of a text: a post's date is read by the header's check and
    by the reader (a Moment cannot change, so both get the same one)."""
    value = " ".join(raw.replace("\u00a0", " ").split())
    if not value:
        raise DateProblem(raw, "pusta data")
    for pattern, kind in ((_ISO, "iso"), (_DOTS, "dots"), (_WORDS, "words")):
        match = pattern.fullmatch(value)
        if match:
            return _build(raw, match, kind)
    raise DateProblem(raw, _why_not(value))


def _build(raw, match, kind):
    parts = match.groupdict()
    year, day = int(parts["year"]), int(parts["day"])
    if kind == "words":
        word = unidecode(parts["month"]).lower()
        month = _MONTHS.get(word) or _ROMAN.get(word)
        if month is None:
            raise DateProblem(raw, f"„{parts['month']}” to nie jest nazwa miesiąca",
                              "napisz miesiąc tak: 3 listopada 2026, albo wpisz 2026-11-03 lub 3.11.2026")
    else:
        month = int(parts["month"])
    if not 1 <= month <= 12:
        raise DateProblem(raw, f"miesiąc {month} nie istnieje (miesiące mają numery od 1 do 12)")
    if not 1900 <= year <= 2200:
        raise DateProblem(raw, f"rok {year} wygląda na pomyłkę")
    try:
        day_value = dt.date(year, month, day)
    except ValueError:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        raise DateProblem(
            raw, f"{day} {_MONTH_NAMES[month - 1]} {year} nie istnieje: ten miesiąc ma {last} dni"
        ) from None
    has_time = parts.get("hour") is not None
    hour, minute, second = (int(parts.get(k) or 0) for k in ("hour", "minute", "second"))
    if hour > 23 or minute > 59 or second > 59:
        raise DateProblem(
            raw,
            f"godzina {parts['hour']}:{parts['minute']} nie istnieje",
            "wpisz godzinę od 0:00 do 23:59, np. 2026-11-03 10:00 albo 3.11.2026 10:00",
        )
    offset = None
    if parts.get("offset"):
        text = parts["offset"].replace(":", "")
        if text == "Z":
            offset = dt.UTC
        else:
            sign = -1 if text[0] == "-" else 1
            offset = dt.timezone(sign * dt.timedelta(hours=int(text[1:3]), minutes=int(text[3:5])))
    moment = dt.datetime.combine(day_value, dt.time(hour, minute, second))
    return Moment(moment, has_time, offset)


def _why_not(value):
    """The most useful reason a date was refused."""
    if re.search(r"\d\s*/\s*\d", value):
        return "w zapisie z ukośnikiem dzień i miesiąc łatwo zamienić (11/03 to 11 marca albo 3 listopada)"
    if re.fullmatch(r"\d{1,2}[.-]\d{1,2}[.-]\d{2}(\s.*)?", value):
        return "rok trzeba podać w całości (cztery cyfry)"
    if re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}(\s.*)?", value):
        return "w zapisie z myślnikami najpierw rok, potem miesiąc i dzień"
    if re.fullmatch(r"\d{4}\.\d{1,2}\.\d{1,2}(\s.*)?", value):
        return "w zapisie z kropkami najpierw dzień, potem miesiąc i rok"
    return "to nie jest data w znanej postaci"


def aware(moment, tz):
    """The moment as an aware datetime in `tz` (its written offset wins)."""
    if moment.offset is not None:
        return moment.value.replace(tzinfo=moment.offset).astimezone(tz)
    return moment.value.replace(tzinfo=tz)
