"""Trainings: calendar pages, .ics feeds, sign-up and JSON-LD for posts in
content/szkolenia/ described by Event-* and Registration-* header fields."""

from pelican import signals

from .collect import prepare
from .fields import FIELDS  # noqa: F401
from .pages import TrainingsGenerator
from .settings import SETTINGS, setting  # noqa: F401 (SETTINGS: the declared settings)


def ics_refresh_hours(settings):
    """How often calendar apps are told to fetch the .ics files again, in
    hours (EVENTS_ICS_REFRESH_HOURS): the serving plugin caches them as long."""
    return setting(settings, "EVENTS_ICS_REFRESH_HOURS")


def signups_proxy(settings):
    """(address on the site, the service's own address) of the sign-up
    service when there is one, else None: the serving plugin passes that
    address on to the service (nginx's proxy, `make serve`)."""
    url = setting(settings, "EVENTS_SIGNUPS_URL")
    if not url:
        return None
    return "/" + url.strip("/") + "/", setting(settings, "EVENTS_SIGNUPS_UPSTREAM").rstrip("/")


def add_generator(pelican):
    return TrainingsGenerator


def register():
    signals.article_generator_finalized.connect(prepare)
    signals.get_generators.connect(add_generator)
