"""What a visitor reads about a training: Polish date ranges, sign-up state,
"add to calendar" links, the prefilled e-mail and schema.org JSON-LD."""

import datetime as dt
import json
import re
from urllib.parse import quote, urlencode

from babel.dates import format_date

from klucz.polish_dates import babel_locale, format_date_pl, format_pln, format_time_pl
from klucz.typography import plain_text

NBSP = "\u00a0"
EN_DASH = "\u2013"
def _day_month(d, locale):
    return format_date(d, "d MMMM", locale=babel_locale(locale))


def date_range_pl(t):
    """'14 stycznia 2027 r., 10:00–15:00', '14–16 stycznia 2027 r.' and the like
    (in the training's locale, POLISH_DATES_LOCALE)."""
    loc = t.locale
    if t.all_day:
        first, last = t.start, t.end
        if first == last:
            return format_date_pl(first, loc)
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}{EN_DASH}{format_date_pl(last, loc)}"
        if first.year == last.year:
            return f"{_day_month(first, loc)} {EN_DASH} {format_date_pl(last, loc)}"
        return f"{format_date_pl(first, loc)} {EN_DASH} {format_date_pl(last, loc)}"
    start, end = t.start, t.end
    if start.date() == end.date():
        return f"{format_date_pl(start, loc)}, {format_time_pl(start, loc)}{EN_DASH}{format_time_pl(end, loc)}"
    return (
        f"{format_date_pl(start, loc)}, {format_time_pl(start, loc)} {EN_DASH} "
        f"{format_date_pl(end, loc)}, {format_time_pl(end, loc)}"
    )


def price_pl(t):
    if t.is_free:
        return "bezpłatne"
    return format_pln(t.price, t.locale)


SIGNUP_LABELS = {
    "open": "Zapisy otwarte",
    "waitlist": "Lista rezerwowa",
    "full": "Brak wolnych miejsc",
    "closed": "Zapisy zamknięte",
    "deadline": "Zapisy zakończone",
    "cancelled": "Szkolenie odwołane",
    "postponed": "Szkolenie przełożone",
    "past": "Szkolenie już się odbyło",
}


def signup_state(t, now):
    """The sign-up state at `now`: one of SIGNUP_LABELS' keys."""
    if t.status == "cancelled":
        return "cancelled"
    if now >= t.start_at:
        return "past"
    if t.status == "postponed":
        return "postponed"
    if t.registration_status == "closed":
        return "closed"
    if t.deadline is not None and now > t.deadline:
        return "deadline"
    if t.registration_status == "waitlist":
        return "waitlist"
    if t.seats_left == 0:
        return "full"
    return "open"


def mail_parts(address, t, body_lines, waitlist=False):
    """The sign-up e-mail: address, subject and text, shown in the box too
    (so it works without a mail program) and put into the mailto: link."""
    what = "Lista rezerwowa" if waitlist else "Zgłoszenie"
    subject = f"{what}: {t.title}, {date_range_pl(t)}".replace(NBSP, " ").replace("\u2060", "")
    lines = (["Proszę o wpisanie mnie na listę rezerwową.", ""] if waitlist else []) + list(body_lines)
    return {"to": address, "subject": subject, "body": "\n".join(lines)}


def mailto(mail):
    """The mailto: link of an e-mail from mail_parts()."""
    body = mail["body"].replace("\n", "\r\n") + "\r\n"
    return f"mailto:{mail['to']}?subject={quote(mail['subject'], safe='')}&body={quote(body, safe='')}"


SIGNUP_BUTTONS = {
    "open": "Zapisz się",
    "waitlist": "Zapisz się na listę rezerwową",
    # Full: no button to the form, but a way onto the waiting list by e-mail.
    "full": "Napisz, aby trafić na listę rezerwową",
}


def signup_action(t, state, fallback_email, body_lines):
    """(URL, button label, e-mail or None) for the states that invite a
    sign-up, else (None, None, None); the e-mail (mail_parts) when the
    button is a mailto: link, to be written out in the box too."""
    if state not in SIGNUP_BUTTONS:
        return None, None, None
    if t.registration_url and state != "full":
        return t.registration_url, SIGNUP_BUTTONS[state], None
    mail = mail_parts(t.registration_email or fallback_email, t, body_lines, waitlist=state != "open")
    return mailto(mail), SIGNUP_BUTTONS[state], mail


def _utc_stamp(moment):
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_links(t, page_url, ics_url, description):
    """Google and Outlook "add to calendar" links and the .ics download."""
    details = f"{plain_text(description)}\n\nSzczegóły i zapisy: {page_url}"
    where = t.location or ("Online" if t.online_url else "")
    if t.all_day:
        google_dates = f"{t.start:%Y%m%d}/{t.end + dt.timedelta(days=1):%Y%m%d}"
        outlook_times = {
            "startdt": t.start.isoformat(),
            "enddt": (t.end + dt.timedelta(days=1)).isoformat(),
            "allday": "true",
        }
    else:
        google_dates = f"{_utc_stamp(t.start)}/{_utc_stamp(t.end)}"
        outlook_times = {
            "startdt": t.start.isoformat(timespec="seconds"),
            "enddt": t.end.isoformat(timespec="seconds"),
        }
    google = "https://calendar.google.com/calendar/render?" + urlencode(
        {
            "action": "TEMPLATE",
            "text": t.title,
            "dates": google_dates,
            "ctz": str(t.tz),
            "details": details,
            "location": where,
        },
        quote_via=quote,
    )
    outlook = "https://outlook.live.com/calendar/deeplink/compose?" + urlencode(
        {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            **outlook_times,
            "subject": t.title,
            "body": details,
            "location": where,
        },
        quote_via=quote,
    )
    return {"google": google, "outlook": outlook, "ics": ics_url}


def _place(location):
    """'Name, ul. X 1, 91-408 Łódź' -> schema.org Place with a PostalAddress."""
    parts = [p.strip() for p in location.split(",") if p.strip()]
    address = {"@type": "PostalAddress", "addressCountry": "PL"}
    name = None
    for i, part in enumerate(parts):
        match = re.match(r"^(\d{2}-\d{3})\s+(.+)$", part)
        if match:
            address["postalCode"], address["addressLocality"] = match.groups()
            street = parts[i - 1] if i >= 1 else None
            if street:
                address["streetAddress"] = street
            if i >= 2:
                name = ", ".join(parts[: i - 1])
            break
    else:
        address["streetAddress"] = location
    place = {"@type": "Place", "name": name or location, "address": address}
    return place


def json_ld(t, page_url, description, organizer, organizer_url, image=None, state=None):
    """schema.org Event as Google documents it."""
    def when(value):
        return value.isoformat() if t.all_day else value.isoformat(timespec="seconds")

    locations = []
    if t.location and t.status != "moved-online":
        locations.append(_place(t.location))
    if t.online_url:  # the meeting link itself goes only to those signed up
        locations.append({"@type": "VirtualLocation", "url": page_url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": t.title,
        "description": plain_text(description),
        "startDate": when(t.start),
        "endDate": when(t.end),
        "eventStatus": f"https://schema.org/{t.schema_status}",
        "eventAttendanceMode": f"https://schema.org/{t.attendance_mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": organizer, "url": organizer_url},
        "url": page_url,
        "inLanguage": "pl",
        "isAccessibleForFree": t.is_free,
        "offers": {
            "@type": "Offer",
            "price": str(t.price.normalize() if t.price else 0),
            "priceCurrency": "PLN",
            "url": page_url,
            "availability": "https://schema.org/"
            + ("SoldOut" if state == "full" else "InStock" if state in ("open", "waitlist") else "Discontinued"),
        },
    }
    if t.audience:
        data["audience"] = {"@type": "Audience", "audienceType": t.audience}
    if image:
        data["image"] = [image]
    text = json.dumps(data, ensure_ascii=False)  # one line: indent would take Python's slow encoder
    return text.replace("</", "<\\/")
