"""Write /szkolenia/ (upcoming and archive), the month grids and the .ics files."""

import calendar
import datetime as dt
import json
import os
from typing import NamedTuple

from pelican.generators import Generator
from pelican.paginator import Paginator

from klucz.polish_dates import date_locale, format_month_pl
from klucz.typography import plain_text

from . import ical
from .collect import (
    month_key,
    origin,
    out_path,
    training_stamp,
    within_calendar_window,
)
from .kept import Kept, training_facts
from .releases import release
from .settings import setting

WEEKDAYS = [
    ("Pn", "poniedziałek"),
    ("Wt", "wtorek"),
    ("Śr", "środa"),
    ("Cz", "czwartek"),
    ("Pt", "piątek"),
    ("So", "sobota"),
    ("Nd", "niedziela"),
]


class CalendarDay(NamedTuple):
    """A day of a month's calendar page: its date, whether it is of the month
    shown (the weeks begin and end with the neighbours' days) and its trainings."""

    date: dt.date
    in_month: bool
    trainings: list

class TrainingsGenerator(Generator):
    """Pages and calendars that stock Pelican cannot make."""

    def generate_output(self, writer):
        if "trainings" not in self.context:
            return
        category = setting(self.settings, "EVENTS_CATEGORY")
        self._write_list(writer, category)
        self._write_months(writer, category)
        self._write_calendars()
        if setting(self.settings, "EVENTS_SIGNUPS_URL"):
            self._write_signups()
        # This release's change numbers, for the next build (releases.py).
        self._write_bytes(setting(self.settings, "EVENTS_RELEASES_FILE"),
                          json.dumps(release(self.context["trainings"]), indent=1).encode("utf-8"))

    def _write_list(self, writer, category):
        """/szkolenia/ and the archive's further pages (/szkolenia/strona/2/…),
        EVENTS_ARCHIVE_PER_PAGE past trainings each, paged by Pelican's
        Paginator as its own lists are (the same names in the template)."""
        paginator = Paginator(f"{category}/index.html", f"{category}/", self.context["past_trainings"],
                              self.settings, setting(self.settings, "EVENTS_ARCHIVE_PER_PAGE"))
        pages = [paginator.page(number) for number in paginator.page_range]
        for number, page in enumerate(pages):
            writer.write_file(
                page.save_as,
                self.get_template("trainings"),
                self.context,
                url=page.url,
                page_name=category,
                past_trainings_paginator=paginator,
                past_trainings_page=page,
                past_trainings_previous_page=pages[number - 1] if number else None,
                past_trainings_next_page=pages[number + 1] if number + 1 < len(pages) else None,
            )

    def month_grid(self, year, month, by_day):
        """The month's weeks, Monday first, each day a CalendarDay."""
        return [
            [CalendarDay(day, day.month == month, by_day.get(day, []) if day.month == month else [])
             for day in week]
            for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        ]

    def _write_months(self, writer, category):
        """A page for each month that has a training, and /szkolenia/kalendarz/
        on the month of the build (today), whether it has one or not.

        "Previous" and "next" step to the nearest month with a training, so no
        page is empty but today's, and none goes into the sitemap for nothing."""
        trainings = self.context["trainings"]
        today = self.context["trainings_now"].date()
        by_day, by_month = {}, {}
        for article in trainings:
            for day in article.training.days:
                by_day.setdefault(day, []).append(article)
            for key in {month_key(day) for day in article.training.days}:
                by_month.setdefault(key, []).append(article)
        busy = sorted(by_month)
        this_month = month_key(today)
        pattern = setting(self.settings, "EVENTS_MONTH_URL")
        locale = date_locale(self.settings)

        def link(key):
            return key and {
                "url": pattern.format(year=key[0], month=key[1]),
                "title": format_month_pl(dt.date(*key, 1), locale),
            }

        def page(key):
            before = [m for m in busy if m < key]
            after = [m for m in busy if m > key]
            return {
                "month_title": link(key)["title"],
                "month_date": dt.date(*key, 1),
                "weeks": self.month_grid(*key, by_day),
                "weekdays": WEEKDAYS,
                "month_trainings": by_month.get(key, []),
                "previous_month": link(before[-1] if before else None),
                "next_month": link(after[0] if after else None),
                "today": today,
            }

        template = self.get_template("trainings_month")
        for key in busy:
            url = pattern.format(year=key[0], month=key[1])
            writer.write_file(url + "index.html", template, self.context, url=url, page_name=category,
                              month_url=url, **page(key))
        # The calendar's own address: this month, its page's twin (the
        # canonical address is the month's) or, in a month without trainings,
        # the only page that shows it.
        own = pattern.format(year=this_month[0], month=this_month[1])
        opening = own.rsplit("/", 3)[0] + "/"
        writer.write_file(opening + "index.html", template, self.context, url=opening, page_name=category,
                          month_url=own if this_month in by_month else opening, **page(this_month))

    def _write_calendars(self):
        settings = self.settings
        site = origin(settings)
        org = settings.get("ORGANIZATION", {})
        now = self.context["trainings_now"]
        refresh = setting(settings, "EVENTS_ICS_REFRESH_HOURS")
        past_days = setting(settings, "EVENTS_ICS_PAST_DAYS")
        name = f"{settings.get('SITENAME', '')}: szkolenia"

        def event_for(article):
            return ical.vevent(
                article.training,
                f"{site}/{article.url}",
                article.summary or "",
                training_stamp(article),
                article.date,
                org.get("name", settings.get("SITENAME", "")),
                org.get("email"),
            )

        timezone = setting(settings, "EVENTS_TIMEZONE")
        # What icalendar serialises is kept between builds by what it is made
        # from (kept.py): the headers, each training's entry, the time zone.
        kept = Kept(settings)
        description = "Szkolenia i wydarzenia Centrum KLUCZ"
        site_head = kept.get(
            ("calendar", name, description, refresh, timezone),
            lambda: ical.new_calendar(name, description, refresh, timezone).to_ical(),
        )
        site_events = []
        # The calendar beside each training: one header for all of them.
        single_name = f"{settings.get('SITENAME', '')}: szkolenie"
        single = kept.get(
            ("calendar", single_name, name, refresh, timezone),
            lambda: ical.new_calendar(single_name, name, refresh, timezone).to_ical(),
        )
        for article in self.context["trainings"]:
            t = article.training
            # Serialised once, used twice (in the site's calendar and beside the training).
            event, own = kept.get(
                ("event", training_facts(t), site, article.url, article.summary or "", training_stamp(article),
                 article.date, org.get("name", settings.get("SITENAME", "")), org.get("email"), single),
                lambda article=article, t=t: _pair(event_for(article).to_ical(), single, t),
            )
            if within_calendar_window(article, now, past_days):
                site_events.append(event)
            self._write_bytes(article.url + setting(settings, "EVENTS_TRAINING_ICS_NAME"), own)
        starts = [a.training.start_at for a in self.context["trainings"]] or [now]
        ends = [a.training.end_at for a in self.context["trainings"]] or [now]
        first, last, tz = min(starts), max(ends), starts[0].tzinfo
        zone = kept.get(("zone", str(tz), first.year, last.year), lambda: ical.zone_bytes(tz, first, last))
        self._write_bytes(setting(settings, "EVENTS_ICS_PATH"), ical.to_bytes(site_head, site_events, zone))
        kept.save()

    def _write_signups(self):
        """The trainings whose sign-ups the service takes, as it reads them
        (`klucz-signups load`): what it needs to count seats and write e-mails."""
        site = origin(self.settings)
        trainings = []
        for article in self.context["trainings"]:
            t = article.training
            if t.registration_url:
                continue
            trainings.append({
                "uid": t.uid,
                "url": f"{site}/{article.url}",
                "title": article.title,
                "start": t.start_at.isoformat(),
                "end": t.end_at.isoformat(),
                "all_day": t.all_day,
                "when": plain_text(article.training_when).replace("\u2060", ""),
                "location": t.location if t.location and t.status != "moved-online" else
                ("online" if t.online_url else ""),
                # Private: for the confirmation e-mail (the file is never served, see signups_proxy()).
                "online_url": t.online_url or "",
                "capacity": t.capacity,
                "deadline": t.deadline.isoformat() if t.deadline else None,
                "status": t.status,
                "registration_status": t.registration_status,
                "registration_email": t.registration_email or "",
                # The calendar's change number (releases.py), for the service's .ics.
                "sequence": t.sequence,
            })
        data = {"version": 1, "clause": plain_text(self.context["events_rodo_notice"]), "trainings": trainings}
        self._write_bytes(setting(self.settings, "EVENTS_SIGNUPS_FILE"),
                          json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    def _write_bytes(self, relative, data):
        path = out_path(self.output_path, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def _pair(event, single, t):
    """(the training's VEVENT, the whole .ics beside the training)."""
    return event, ical.to_bytes(single, [event], ical.zone_bytes(t.tz, t.start_at, t.end_at))

