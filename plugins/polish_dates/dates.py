"""Babel-based date formatting, exposed to templates as Jinja filters."""

import datetime as dt
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from pelican import signals

from klucz.strict_build import Setting, declare

NBSP = "\u00a0"
DEFAULT_LOCALE = "pl_PL"

SETTINGS = declare(Setting("POLISH_DATES_LOCALE", DEFAULT_LOCALE, "Babel locale of the date filters."))


def date_locale(settings):
    """The Babel locale every Polish date of the site is written in."""
    return SETTINGS.get(settings, "POLISH_DATES_LOCALE")


@cache
def babel_locale(name):
    """Babel's Locale for a locale name, parsed once (Babel parses a name
    given as text again on every call)."""
    return Locale.parse(name)


@lru_cache(maxsize=4096)
def format_date_pl(value, locale=DEFAULT_LOCALE, with_year_suffix=True):
    """Date as "15 maja 2016 r." (genitive month; non-breaking spaces after the
    day and before r., so neither is left alone at the end of a line)."""
    text = format_date(_as_date(value), "d MMMM y", locale=babel_locale(locale)).replace(" ", NBSP, 1)
    return f"{text}{NBSP}r." if with_year_suffix else text


@lru_cache(maxsize=1024)
def format_month_pl(value, locale=DEFAULT_LOCALE):
    """Month heading in the nominative: "maj 2016"."""
    return format_date(_as_date(value), "LLLL y", locale=babel_locale(locale))


@lru_cache(maxsize=1024)
def format_month_short_pl(value, locale=DEFAULT_LOCALE):
    """Short month for a date tile: "sty", "paź"."""
    return format_date(_as_date(value), "LLL", locale=babel_locale(locale))


@lru_cache(maxsize=1024)
def format_time_pl(value, locale=DEFAULT_LOCALE):
    """Time of day as "10:00"."""
    return format_time(value, "H:mm", locale=babel_locale(locale))


def format_pln(value, locale=DEFAULT_LOCALE):
    """An amount in złoty: "20 000 zł", "12,50 zł" (non-breaking spaces)."""
    pattern = "#,##0" if value == int(value) else "#,##0.00"
    return f"{format_decimal(value, format=pattern, locale=babel_locale(locale))}{NBSP}zł"


def format_iso(value):
    """Machine-readable value for <time datetime="...">."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def day_iso(value):
    """A date written by staff (any accepted form) as RRRR-MM-DD."""
    from .parse import parse_moment

    if isinstance(value, (dt.date, dt.datetime)):
        return _as_date(value).isoformat()
    return parse_moment(value).date.isoformat()


def _as_date(value):
    return value.date() if isinstance(value, dt.datetime) else value


def add_filters(generator):
    locale = date_locale(generator.settings)
    generator.env.filters.update(
        {
            "data_pl": lambda v, year_suffix=True: format_date_pl(v, locale, year_suffix),
            "miesiac_pl": lambda v: format_month_pl(v, locale),
            "miesiac_skrot": lambda v: format_month_short_pl(v, locale),
            "godzina_pl": lambda v: format_time_pl(v, locale),
            "iso": format_iso,
            "dzien_iso": day_iso,
            "kwota": lambda v: format_pln(v, locale),
        }
    )


def register():
    signals.generator_init.connect(add_filters)
