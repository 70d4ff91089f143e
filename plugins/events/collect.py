"""Read every training post once per build and prepare what templates need."""

import datetime as dt
import os
from zoneinfo import ZoneInfo

from klucz.build_clock import build_now
from klucz.polish_dates import date_locale
from klucz.strict_build import Problem, field_line, relative_path, report

from .model import read_training
from .present import (
    SIGNUP_LABELS,
    calendar_links,
    date_range_pl,
    json_ld,
    price_pl,
    signup_action,
    signup_state,
)
from .releases import previous_release, sequence
from .settings import setting


def origin(settings):
    return (settings.get("SITE_ORIGIN") or settings.get("SITEURL") or "").rstrip("/")


def is_training(article, settings):
    category = getattr(article, "category", None)
    return category is not None and category.slug == setting(settings, "EVENTS_CATEGORY")


# Who gets the home page's few slots first: trainings one can sign up for,
# then those with a waiting list, then the rest; a cancelled one never.
_HOME_RANK = {"open": 0, "waitlist": 1}


def home_trainings(upcoming, count):
    """The next trainings for the home page, in date order."""
    chosen = sorted((a for a in upcoming if a.signup["state"] != "cancelled"),
                    key=lambda a: (_HOME_RANK.get(a.signup["state"], 2), a.training.start_at, a.title))[:count]
    return sorted(chosen, key=lambda a: (a.training.start_at, a.title))


def prepare(generator):
    """article_generator_finalized: attach `.training` and friends to each training."""
    settings = generator.settings
    tz = ZoneInfo(setting(settings, "EVENTS_TIMEZONE"))
    now = build_now(settings)
    site = origin(settings)
    org = settings.get("ORGANIZATION", {})
    body_lines = setting(settings, "EVENTS_MAILTO_BODY")
    service = setting(settings, "EVENTS_SIGNUPS_URL")
    previous = previous_release(settings)
    trainings = []
    uids = {}  # UID -> the file that has it first
    published = {id(article) for article in generator.articles}
    for article in sorted(list(generator.articles) + list(getattr(generator, "drafts", [])),
                          key=lambda a: a.source_path or ""):
        if not is_training(article, settings):
            continue
        display = relative_path(article, settings)
        training, problems = read_training(
            article, display, tz, setting(settings, "EVENTS_UID_DOMAIN"),
            date_locale(settings),
        )
        for problem in problems:
            report(problem)
        if training is None:
            continue
        # The calendar's change number: raised when the date, place or status changed since the last release.
        training.sequence = sequence(training, previous)
        first = uids.setdefault(training.uid, display)
        if first != display:
            # A copied file keeps its Event-UID: one calendar entry would overwrite the other.
            line = field_line(article.source_path, "Event-UID") or 1
            report(Problem(display, "Event-UID", f"ten sam identyfikator w kalendarzach ma już szkolenie {first}",
                           "usuń wiersz Event-UID z kopii (strona nada jej własny) albo wpisz inny", line))
        page_url = f"{site}/{article.url}"
        ics_url = f"{article.url}{setting(settings, 'EVENTS_TRAINING_ICS_NAME')}"
        # The sign-up service takes this training's sign-ups (its form on the
        # page; the e-mail stays as what the page offers when it is down). It
        # counts the seats: a typed Seats-Left neither reaches the page nor
        # decides its state ("Brak wolnych miejsc" from a stale 0).
        form = None
        if service and not training.registration_url and id(article) in published:
            form = f"{service.rstrip('/')}/s/{training.uid}/"
            if training.seats_left is not None:
                report(Problem(display, "Seats-Left", "wolne miejsca liczy teraz serwis zapisów: ta liczba nie "
                               "trafi na stronę", "usuń pole Seats-Left (zostaw Capacity)",
                               field_line(article.source_path, "Seats-Left") or 1, severity="warning"))
                training.seats_left = None
        state = signup_state(training, now)
        action_url, action_label, mail = signup_action(
            training, state, org.get("email"), body_lines
        )
        description = article.summary or ""
        article.training = training
        article.template = "training"
        article.training_when = date_range_pl(training)
        article.training_price = price_pl(training)
        article.signup = {
            "state": state,
            "label": SIGNUP_LABELS[state],
            "url": action_url,
            "button": action_label,
            "deadline_label": SIGNUP_LABELS["deadline"],
            # The e-mail behind a mailto: button, shown in full in the box.
            "mail": mail,
            # Where the form posts (the sign-up service), or None.
            "form": form if state in ("open", "waitlist", "full") else None,
        }
        article.training_links = calendar_links(training, page_url, ics_url, description)
        image = f"{site}/{article.image}" if getattr(article, "image", None) else None
        article.training_json_ld = json_ld(
            training,
            page_url,
            description,
            org.get("name", settings.get("SITENAME")),
            site + "/",
            image,
            state,
        )
        if id(article) in published:
            trainings.append(article)

    # Soonest first; a cancelled one after all that take place (never the
    # first thing a visitor reads under "upcoming").
    upcoming = sorted(
        (a for a in trainings if a.training.end_at > now),
        key=lambda a: (a.training.status == "cancelled", a.training.start_at, a.title),
    )
    past = sorted(
        (a for a in trainings if a.training.end_at <= now),
        key=lambda a: (a.training.start_at, a.title),
        reverse=True,
    )
    context = generator.context
    context["trainings"] = sorted(trainings, key=lambda a: a.training.start_at)
    context["upcoming_trainings"] = upcoming
    context["home_trainings"] = home_trainings(upcoming, setting(settings, "EVENTS_HOME_COUNT"))
    context["past_trainings"] = past
    context["trainings_ics_url"] = setting(settings, "EVENTS_ICS_PATH")
    context["trainings_webcal_url"] = _webcal(site, setting(settings, "EVENTS_ICS_PATH"))
    context["trainings_now"] = now
    context["events_rodo_mail_notice"] = setting(settings, "EVENTS_RODO_MAIL_NOTICE")
    context["events_rodo_notice"] = setting(settings, "EVENTS_RODO_NOTICE").format(
        name=org.get("name", ""),
        address=f"{org.get('street', '')}, {org.get('postal_code', '')} {org.get('city', '')}",
        krs=org.get("krs", ""),
        email=settings.get("PRIVACY_CONTACT_EMAIL") or org.get("email", ""),
    )
    # /szkolenia/ is the trainings page this plugin writes, not Pelican's
    # category list: give that one category an empty SAVE_AS so Pelican skips it.
    for category, _ in generator.categories:
        if category.slug == setting(settings, "EVENTS_CATEGORY"):
            category.settings = {**category.settings, "CATEGORY_SAVE_AS": ""}


def _webcal(site, path):
    host = site.split("://", 1)[-1]
    return f"webcal://{host}/{path}"


def month_key(day):
    return (day.year, day.month)


def training_stamp(article):
    """DTSTAMP: when the post last changed (Modified:, else Date:)."""
    when = getattr(article, "modified", None) or article.date
    return when


def within_calendar_window(article, now, past_days):
    return article.training.end_at > now - dt.timedelta(days=past_days)


def out_path(output_path, relative):
    return os.path.join(output_path, *relative.split("/"))
