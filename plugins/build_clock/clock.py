"""Resolve the build's "now" once; every plugin asks build_now() for it."""

import datetime as dt
import os
from zoneinfo import ZoneInfo

from pelican import signals

from klucz.strict_build import Setting, declare

SETTINGS = declare(
    Setting(
        "BUILD_NOW",
        None,
        "The moment the site is built for, ISO 8601 (None: env BUILD_NOW, then SOURCE_DATE_EPOCH, then the clock).",
        kind=(str, dt.datetime),
    ),
)

# The moment this build is for, with the settings of the build it belongs
# to (a plugin asking with other settings, say `make new*`, gets its own).
_RESOLVED = {"settings": None, "moment": None}


class BadBuildNow(ValueError):
    pass


def _parse(value, tz):
    if isinstance(value, dt.datetime):
        moment = value
    else:
        try:
            moment = dt.datetime.fromisoformat(str(value).strip())
        except ValueError as error:
            raise BadBuildNow(
                f"BUILD_NOW: „{value}” to nie jest data i godzina; "
                "podaj ją jako RRRR-MM-DDTGG:MM, np. 2027-01-10T12:00+01:00"
            ) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def build_now(settings):
    """The moment the site is built for, timezone-aware."""
    if _RESOLVED["settings"] is settings:
        return _RESOLVED["moment"]
    tz = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    if settings.get("BUILD_NOW"):
        moment = _parse(settings["BUILD_NOW"], tz)
    elif os.environ.get("BUILD_NOW"):
        moment = _parse(os.environ["BUILD_NOW"], tz)
    elif os.environ.get("SOURCE_DATE_EPOCH"):
        moment = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz)
    else:
        moment = dt.datetime.now(tz)
    return moment.astimezone(tz)


def resolve(pelican):
    """Fix "now" once per build so every plugin sees the same moment."""
    _RESOLVED.update(settings=None, moment=None)
    moment = build_now(pelican.settings)
    _RESOLVED.update(settings=pelican.settings, moment=moment)


def register():
    signals.initialized.connect(resolve)
