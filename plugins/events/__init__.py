"""Trainings: calendar pages, .ics feeds, sign-up and JSON-LD for posts in
content/szkolenia/ described by Event-* and Registration-* header fields."""

from urllib.parse import urlparse

from feedgenerator import Atom1Feed
from markupsafe import escape
from pelican import signals

from klucz.polish_dates import format_date_pl, format_time_pl
from klucz.typography import plain_text

from .collect import prepare
from .fields import FIELDS, RULES  # noqa: F401
from .model import KIND_ALIASES, KINDS, ONLINE_WORDS, REGISTRATION_ALIASES, STATUS_ALIASES, STATUSES
from .pages import TrainingsGenerator
from .present import SIGNUP_BUTTONS, SIGNUP_LABELS
from .settings import SETTINGS, setting  # noqa: F401 (SETTINGS: the declared settings)


def ics_refresh_hours(settings):
    """How often calendar apps are told to fetch the .ics files again, in
    hours (EVENTS_ICS_REFRESH_HOURS): the serving plugin caches them as long."""
    return setting(settings, "EVENTS_ICS_REFRESH_HOURS")


def editor_hidden_fields(settings):
    """The fields the web editor does not offer under these settings: with
    the sign-up service the seats left are counted by it (Seats-Left)."""
    return {"Seats-Left"} if setting(settings, "EVENTS_SIGNUPS_URL") else set()


def signups_proxy(settings):
    """The sign-up service when there is one, else None: `prefix` (its
    address on the site), `upstream` (its own address) and `unavailable`
    (a Polish page for when it does not answer). The serving plugin passes
    the prefix on to the service (nginx's proxy)."""
    url = setting(settings, "EVENTS_SIGNUPS_URL")
    if not url:
        return None
    email = (settings.get("ORGANIZATION") or {}).get("email")
    by_mail = f" albo napisz na <a href=\"mailto:{email}\">{email}</a>" if email else ""
    unavailable = (
        "<!DOCTYPE html><html lang=\"pl\"><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Zapisy chwilowo niedostępne</title><h1>Zapisy chwilowo niedostępne</h1>"
        f"<p>Serwis zapisów nie odpowiada. Spróbuj za kilka minut{by_mail}: podaj tytuł i datę szkolenia, "
        "imię i nazwisko. Twoje zgłoszenie nie zostało zapisane.</p>"
        f"<p><a href=\"/{setting(settings, 'EVENTS_CATEGORY')}/\">Szkolenia</a></p></html>"
    )
    return {"prefix": "/" + url.strip("/") + "/", "upstream": setting(settings, "EVENTS_SIGNUPS_UPSTREAM").rstrip("/"),
            "unavailable": unavailable,
            # The service's file (meeting links inside): on the server, never served.
            "private": "/" + setting(settings, "EVENTS_SIGNUPS_FILE").lstrip("/")}


def editor_preview(settings, context):
    """What the web editor's preview needs to show a training as its page
    does (its sign-up box, facts and cancellation), as data: the words of the
    states, kinds and statuses, the sign-up e-mail's parts and the RODO notice
    of this build. The preview's script (the cms plugin's) lays them out as
    training.html does."""
    org = settings.get("ORGANIZATION", {})
    return {
        "category": setting(settings, "EVENTS_CATEGORY"),
        "labels": SIGNUP_LABELS,
        "buttons": SIGNUP_BUTTONS,
        "kinds": {key: {"name": k.name, "cancelled": k.cancelled, "was_to": k.was_to} for key, k in KINDS.items()},
        "kind_aliases": KIND_ALIASES,
        "statuses": {key: badge for key, (_ical, _schema, badge) in STATUSES.items()},
        "status_aliases": STATUS_ALIASES,
        "registration_aliases": REGISTRATION_ALIASES,
        "online_words": sorted(ONLINE_WORDS),
        "mail_body": setting(settings, "EVENTS_MAILTO_BODY"),
        "fallback_email": org.get("email"),
        "rodo_mail_notice": context.get("events_rodo_mail_notice", ""),
        "rodo_notice": context.get("events_rodo_notice", ""),
        "service": bool(setting(settings, "EVENTS_SIGNUPS_URL")),
    }


def feed_facts(context, feed):
    """feed_generated: a training's entry in the feeds starts with when,
    where and until when one can sign up (a reader shows it in the list)."""
    trainings = {a.url: a for a in context.get("trainings", [])}
    for item in feed.items:
        article = trainings.get(urlparse(item["link"]).path.lstrip("/"))
        if article is None:
            continue
        t = article.training
        facts = [("Termin", plain_text(article.training_when).replace("\u2060", "")), ("Forma", t.form)]
        if t.location and t.status != "moved-online":
            facts.append(("Miejsce", t.location))
        if t.badge:
            facts.insert(0, ("Stan", t.badge))
        if t.deadline and article.signup["state"] in ("open", "waitlist", "full"):
            until = f"{format_date_pl(t.deadline, t.locale)}, godz. {format_time_pl(t.deadline, t.locale)}"
            facts.append(("Zapisy do", until))
        html = "<p>" + "<br>".join(f"<strong>{name}:</strong> {escape(value)}" for name, value in facts) + "</p>"
        text = " ".join(f"{name}: {value}" + ("" if value.endswith(".") else ".") for name, value in facts)
        if isinstance(feed, Atom1Feed):
            item["content"] = html + (item.get("content") or "")
            item["description"] = text + (" " + item["description"] if item.get("description") else "")
        else:  # RSS: one description, the whole text
            item["description"] = html + (item.get("description") or "")


def add_generator(pelican):
    return TrainingsGenerator


def register():
    signals.article_generator_finalized.connect(prepare)
    signals.get_generators.connect(add_generator)
    signals.feed_generated.connect(feed_facts)
