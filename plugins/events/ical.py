"""iCalendar (RFC 5545 / 7986) files for trainings, written with `icalendar`
(imported when a calendar is made: a rebuild that keeps the last build's
calendars does not load it)."""

import datetime as dt

from klucz.typography import plain_text


def _utc(moment):
    return moment.astimezone(dt.UTC)


def new_calendar(name, description, refresh_hours, timezone="Europe/Warsaw"):
    from icalendar import Calendar, vDuration

    cal = Calendar()
    cal.add("prodid", "-//Centrum KLUCZ//Szkolenia//PL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("description", description)
    cal.add("x-wr-caldesc", description)
    cal.add("x-wr-timezone", timezone)
    cal.add("refresh-interval", dt.timedelta(hours=refresh_hours), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(dt.timedelta(hours=refresh_hours)))
    return cal


def vevent(t, page_url, description, stamp, created, organizer_name, organizer_email):
    """One VEVENT; its UID never depends on title, time or place."""
    from icalendar import Event, vUri

    event = Event()
    event.add("uid", t.uid)
    event.add("dtstamp", _utc(stamp))
    event.add("created", _utc(created))
    event.add("last-modified", _utc(stamp))
    event.add("sequence", t.sequence)
    if t.all_day:
        event.add("dtstart", t.start)
        event.add("dtend", t.end + dt.timedelta(days=1))  # exclusive end
        event.add("x-microsoft-cdo-alldayevent", "TRUE")
    else:
        event.add("dtstart", t.start)
        event.add("dtend", t.end)
    summary = plain_text(t.title)
    if t.status == "cancelled":
        summary = f"ODWOŁANE: {summary}"
    event.add("summary", summary)
    body = plain_text(description)
    lines = [body] if body else []
    # The meeting link goes to those signed up (the sign-up service's e-mail), never into public files.
    if t.online_url:
        lines.append("Link do spotkania wyślemy osobom zapisanym.")
    lines.append(f"Szczegóły i zapisy: {page_url}")
    event.add("description", "\n\n".join(lines))
    if t.location and t.status != "moved-online":
        event.add("location", f"{t.location} oraz online" if t.online_url else t.location)
    elif t.online_url:
        event.add("location", "Online")
    event.add("url", vUri(page_url), parameters={"VALUE": "URI"})
    event.add("status", t.ical_status)
    event.add("transp", "OPAQUE")
    event.add("class", "PUBLIC")
    if t.tags:
        event.add("categories", t.tags)
    if organizer_email:
        event.add(
            "organizer", f"mailto:{organizer_email}", parameters={"CN": organizer_name}
        )
    return event


_zones = {}


def zone_bytes(tz, first, last):
    """VTIMEZONE of `tz` for the years first..last, serialised once per process."""
    key = (str(tz), first.year, last.year)
    if key not in _zones:
        from icalendar import Timezone

        zone = Timezone.from_tzinfo(
            tz, first_date=dt.date(first.year, 1, 1), last_date=dt.date(last.year + 1, 12, 31)
        )
        _zones[key] = zone.to_ical()
    return _zones[key]


def to_bytes(head, events, zone):
    """A calendar: `head` (a serialised VCALENDAR with its properties only),
    `zone` (zone_bytes: the VTIMEZONE) and the serialised VEVENTs."""
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    return head[: -len(end)] + zone + b"".join(events) + end
