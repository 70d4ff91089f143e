"""Trainings as visitors, calendar apps and search engines get them."""

import datetime as dt
import json
import re
import shutil
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from klucz_harness.sitebuild import DATA, build, html_pages, make_check, scenario, site_files, soup
from klucz_harness.sitebuild import visible_text as text  # as a reader sees it

NBSP = "\u00a0"
WARSAW = ZoneInfo("Europe/Warsaw")
ORIGIN = "http://localhost:8000"


def slug_page(site, slug):
    return soup(site / "szkolenia" / slug / "index.html")


def read_ics(path):
    return Calendar.from_ical(path.read_bytes())


def events_by_summary(cal):
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def json_ld(page):
    script = page.find("script", type="application/ld+json")
    return json.loads(script.string)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("trainings")
    # Without the sign-up service: the e-mail sign-up (the service: test_signups.py).
    return build(tmp / "out", content=scenario(tmp, "trainings"), EVENTS_ARCHIVE_PER_PAGE=2, EVENTS_SIGNUPS_URL="")


# --- pages -------------------------------------------------------------------

def test_trainings_page_lists_upcoming_soonest_first_then_archive(site):
    page = soup(site / "szkolenia/index.html")
    upcoming = page.find("section", attrs={"aria-labelledby": "nadchodzace"})
    titles = [text(h) for h in upcoming.select(".card__title")]
    assert titles[:3] == [
        "Szkolenie po terminie zgłoszeń",
        "Szkolenie z terminem jutro",
        "Szkolenie jednodniowe z godzinami",
    ]
    # The cancelled one after all that take place.
    assert titles[-2:] == ["Szkolenie przez zmianę czasu w październiku", "Szkolenie odwołane"]
    assert len(titles) == 12
    archive = page.find("section", attrs={"aria-labelledby": "archiwum-szkolen"})
    # Newest first, EVENTS_ARCHIVE_PER_PAGE (2) to a page.
    assert [text(h) for h in archive.select(".card__title")] == [
        "Szkolenie sprzed miesiąca",
        "Szkolenie sprzed lat",
    ]


def test_archive_is_paginated_newest_first(tmp_path):
    content = scenario(tmp_path, "trainings")
    for year in (2019, 2020, 2021):
        (content / "szkolenia" / f"old_{year}.md").write_text(
            f"Title: Archiwalne {year}\nDate: {year}-01-01 10:00\n"
            f"Event-Start: {year}-02-01 10:00\nEvent-End: {year}-02-01 12:00\n"
            "Event-Location: Sala, ul. Krótka 1, 90-001 Łódź\n\nDawne.\n",
            encoding="utf-8",
        )
    out = build(tmp_path / "out", content=content, EVENTS_ARCHIVE_PER_PAGE=2)
    pages = [soup(out / "szkolenia/index.html")]
    while pages[-1].find("a", rel="next"):
        href = pages[-1].find("a", rel="next")["href"]
        pages.append(soup(out / href.strip("/") / "index.html"))
    assert len(pages) == 3
    listed = []
    for page in pages:
        archive = page.find("section", attrs={"aria-labelledby": "archiwum-szkolen"})
        listed += [text(h) for h in archive.select(".card__title")]
    assert listed == [
        "Szkolenie sprzed miesiąca", "Archiwalne 2021", "Archiwalne 2020",
        "Archiwalne 2019", "Szkolenie sprzed lat",
    ]
    # Later archive pages do not repeat the upcoming list.
    assert not pages[1].find("section", attrs={"aria-labelledby": "nadchodzace"})


def test_training_page_shows_the_facts(site):
    page = slug_page(site, "szkolenie-jednodniowe-z-godzinami")
    facts = {text(dt_): text(dt_.find_next_sibling("dd")) for dt_ in page.select("dl.facts dt")}
    assert facts["Termin"] == "14 stycznia 2027 r., 10:00–15:00"
    assert facts["Miejsce"] == "Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź"
    assert facts["Koszt"] == "bezpłatne"
    assert facts["Dla kogo"] == "osoby planujące spółdzielnię socjalną"
    assert facts["Dostępność"] == "sala na parterze, pętla indukcyjna"
    assert page.select_one("dl.facts time")["datetime"] == "2027-01-14T10:00:00+01:00"


@pytest.mark.parametrize(
    "slug, when",
    [
        ("dzien-otwarty", "10 maja 2027 r."),
        ("warsztaty-trzydniowe", "12–14 maja 2027 r."),
        ("szkolenie-przez-zmiane-czasu-w-marcu", "27 marca 2027 r., 10:00 – 28 marca 2027 r., 14:00"),
        ("webinarium-online", "4 marca 2027 r., 17:00–18:30"),
    ],
)
def test_polish_date_ranges(site, slug, when):
    page = slug_page(site, slug)
    assert text(page.select_one("dl.facts dd")) == when


def test_price_and_online_link(site):
    page = slug_page(site, "dzien-otwarty")
    assert "150 zł" in text(page.select_one("dl.facts"))
    online = slug_page(site, "webinarium-online")
    # The meeting link goes only to those signed up: not on the page.
    assert "meet.example.org" not in str(online)
    assert "link do spotkania wyślemy osobom zapisanym" in text(online.select_one("dl.facts"))
    # Nor in any calendar file, feed or page of the site.
    leaks = [p for p in site.rglob("*") if p.is_file() and b"meet.example.org/webinar" in p.read_bytes()]
    assert leaks == []
    assert "Miejsce" not in [text(d) for d in online.select("dl.facts dt")]


def test_cancelled_training_is_said_once_with_the_date_it_was_meant_for(site):
    page = slug_page(site, "szkolenie-odwolane")
    box = page.find("section", class_="signup")
    assert text(box.find("h2")) == "Szkolenie odwołane"
    assert text(box.find("p")) == "Miało się odbyć 1 lutego 2027 r., 10:00–12:00 (Urząd Miasta, pl. Wolności 1, " \
        "95-100 Zgierz)."
    assert not box.select("a.button")
    # Nothing else on the page says it again, offers a calendar or asks for money.
    article = page.find("article")
    for hidden in article.select("[hidden]"):  # what the search result shows (search.js), not the page
        hidden.decompose()
    assert text(article).lower().count("odwoł") == text(page.find("h1")).lower().count("odwoł") + 1
    assert not page.select(".training-facts, .add-to-calendar, .donation")
    listing = soup(site / "szkolenia/index.html")
    upcoming = listing.find("section", attrs={"aria-labelledby": "nadchodzace"})
    cards = upcoming.select(".training-card")
    card = [c for c in cards if "Szkolenie odwołane" in text(c)][0]
    assert cards[-1] is card  # after every training that takes place
    assert text(card.select_one(".training-card__when")).startswith("Odwołane Miało się odbyć 1 lutego 2027 r.")


def test_the_kind_of_event_names_it_when_cancelled(tmp_path):
    """Event-Kind, or the title's first word, gives the sentence its forms."""
    header = ("Date: 2026-11-01 10:00\nEvent-Start: 2027-02-03 10:00\nEvent-End: 2027-02-03 12:00\n"
              "Event-Location: Sala, ul. Pomorska 40, 91-408 Łódź\nEvent-Status: odwołane\n")
    files = {
        "szkolenia/dyzur.md": "Title: Dyżur doradczy w Zgierzu\n" + header + "\nTekst.\n",
        "szkolenia/konf.md": "Title: Ekonomia społeczna w regionie\nEvent-Kind: konferencja\n" + header + "\nTekst.\n",
        "szkolenia/warsztat.md": "Title: Warsztaty: biznesplan\n" + header + "\nTekst.\n",
    }
    out = build(tmp_path / "out", content=scenario(tmp_path, "clean", files), EVENTS_SIGNUPS_URL="")
    said = {}
    for slug in ("dyzur-doradczy-w-zgierzu", "ekonomia-spoleczna-w-regionie", "warsztaty-biznesplan"):
        box = slug_page(out, slug).find("section", class_="signup")
        said[slug] = (text(box.find("h2")), text(box.find("p")).split(" 3 lutego")[0])
    assert said == {
        "dyzur-doradczy-w-zgierzu": ("Dyżur doradczy odwołany", "Miał się odbyć"),
        "ekonomia-spoleczna-w-regionie": ("Konferencja odwołana", "Miała się odbyć"),
        "warsztaty-biznesplan": ("Warsztaty odwołane", "Miały się odbyć"),
    }
    bad = scenario(tmp_path, "clean", {"szkolenia/x.md": "Title: X\nEvent-Kind: kurs\n" + header + "\nTekst.\n"})
    result, errors = make_check(bad)
    assert result.returncode != 0
    assert [e for e in errors if "Event-Kind" in e and "wpisz jedno z: szkolenie, warsztaty" in e], errors


@pytest.mark.parametrize(
    "slug, label, button",
    [
        ("szkolenie-jednodniowe-z-godzinami", "Zapisy otwarte", "Zapisz się"),
        ("szkolenie-bez-wolnych-miejsc", "Brak wolnych miejsc", "Napisz, aby trafić na listę rezerwową"),
        ("szkolenie-z-lista-rezerwowa", "Lista rezerwowa", "Zapisz się na listę rezerwową"),
        ("szkolenie-po-terminie-zgloszen", "Zapisy zakończone", None),
        ("szkolenie-sprzed-lat", "Szkolenie już się odbyło", None),
    ],
)
def test_sign_up_states(site, slug, label, button):
    box = slug_page(site, slug).find("section", class_="signup")
    assert text(box.select_one("[data-signup-label]")) == label
    buttons = [text(a) for a in box.select("a.button")]
    assert buttons == ([button] if button else [])


def test_open_sign_up_box(site):
    box = slug_page(site, "szkolenie-jednodniowe-z-godzinami").find("section", class_="signup")
    assert "Wolne miejsca: 5 z 20" in text(box)
    assert "10 stycznia 2027 r., godz. 23:59" in text(box)
    assert box["data-signup-deadline"] == "2027-01-10T23:59:00+01:00"
    href = box.select_one("a.button")["href"]
    assert href.startswith("mailto:zapisy@example.org?")
    query = parse_qs(urlparse(href).query)
    assert query["subject"] == ["Zgłoszenie: Szkolenie jednodniowe z godzinami, 14 stycznia 2027 r., 10:00–15:00"]
    assert "%0D%0A" in href
    assert "Imię i nazwisko:" in query["body"][0]
    rodo = box.select_one(".rodo-notice")
    assert "Administratorem danych" in text(rodo) and "Prezesa UODO" in text(rodo)
    assert rodo.find_all("a")[-1]["href"] == "/polityka-prywatnosci/"
    # Its e-mails are links too (the e-mail the sign-up goes to, the one for data questions).
    assert {a["href"] for a in rodo.find_all("a")[:-1]} >= {"mailto:zapisy@example.org"}


def test_form_link_is_used_when_given(site):
    box = slug_page(site, "szkolenie-z-lista-rezerwowa").find("section", class_="signup")
    assert box.select_one("a.button")["href"] == "https://forms.example.org/rezerwa"
    hybrid = slug_page(site, "spotkanie-hybrydowe").find("section", class_="signup")
    assert hybrid.select_one("a.button")["href"] == "mailto:zapisy@example.org?subject=Hybryda"


def test_home_page_shows_the_next_three_one_can_sign_up_for(site):
    """Open trainings first (the one whose deadline has passed, the full,
    waiting-list and cancelled ones lose their slots to them), in date order."""
    home = soup(site / "index.html")
    block = home.find("section", attrs={"aria-labelledby": "najblizsze-szkolenia"})
    titles = [text(h) for h in block.select(".card__title")]
    assert len(titles) == 3
    assert "Szkolenie po terminie zgłoszeń" not in titles
    assert not any("odwołane" in t.lower() or "pełne" in t.lower() for t in titles)
    assert [text(s) for s in block.select(".signup-label")] == ["Zapisy otwarte"] * 3
    starts = [t["datetime"] for t in block.select(".training-card__when time")]
    assert starts == sorted(starts)


def test_month_grid(site):
    page = soup(site / "szkolenia/kalendarz/2027/05/index.html")
    table = page.find("table", class_="month")
    # The month is said once: the page's heading names the table too.
    assert text(page.find(id=table["aria-labelledby"])) == "Kalendarz szkoleń: maj 2027"
    assert table.caption is None
    assert [text(h) for h in page.select("h1, h2") if "maj" in text(h)] == ["Kalendarz szkoleń: maj 2027"]
    headers = table.select("thead th")
    assert [th["scope"] for th in headers] == ["col"] * 7
    assert headers[0].abbr["title"] == "poniedziałek"
    days = {}
    for td in table.select("td.month__day"):
        number = td.select_one(".month__number")
        if number:
            days[int(number.get_text())] = [a["href"] for a in td.select("a")]
    assert days[10] == ["/szkolenia/dzien-otwarty/"]
    for day in (12, 13, 14):
        assert days[day] == ["/szkolenia/warsztaty-trzydniowe/"]
    assert days[11] == [] and days[15] == []
    assert len(days) == 31
    # Previous and next: the nearest months with a training (none from June
    # to September 2027).
    previous = page.find("a", rel="prev")
    assert previous["href"] == "/szkolenia/kalendarz/2027/04/"
    following = page.find("a", rel="next")
    assert following["href"] == "/szkolenia/kalendarz/2027/10/"
    assert text(following) == "październik 2027 →"


def test_calendar_opens_on_this_month_and_makes_no_empty_pages(site, tmp_path):
    """The build's day is 28 November 2026, a month without trainings: the
    calendar shows it (today marked) and points on; no month without a
    training has a page of its own or a place in the sitemap."""
    current = soup(site / "szkolenia/kalendarz/index.html")
    assert text(current.find("h1")) == "Kalendarz szkoleń: listopad 2026"
    assert current.find("td", attrs={"aria-current": "date"}).select_one(".month__number").get_text() == "28"
    assert current.find("link", rel="canonical")["href"].endswith("/szkolenia/kalendarz/")
    assert current.find("a", rel="prev")["href"] == "/szkolenia/kalendarz/2026/10/"
    assert current.find("a", rel="next")["href"] == "/szkolenia/kalendarz/2026/12/"
    said = text(current.find("section", attrs={"aria-labelledby": "w-tym-miesiacu"}))
    assert "W tym miesiącu Nie ma szkoleń. Najbliższy miesiąc ze szkoleniami: grudzień 2026" in said
    months = sorted(str(p.parent.relative_to(site / "szkolenia/kalendarz"))
                    for p in (site / "szkolenia/kalendarz").glob("*/*/index.html"))
    assert months == ["2016/04", "2026/10", "2026/12", "2027/01", "2027/02", "2027/03", "2027/04",
                      "2027/05", "2027/10"]
    # From the oldest to the newest and back, every step lands on a training.
    for month in months:
        page = soup(site / "szkolenia/kalendarz" / month / "index.html")
        assert page.select("td.month__day a"), month
        for rel in ("prev", "next"):
            link = page.find("a", rel=rel)
            if link:
                assert (site / link["href"].strip("/") / "index.html").exists()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"/szkolenia/kalendarz/(\d{4}/\d\d)/", sitemap)
    assert sorted(listed) == months
    # A month with a training is its own page; the calendar's address on it
    # points there as the canonical one.
    december = build(tmp_path / "out", content=scenario(tmp_path, "trainings"), EVENTS_SIGNUPS_URL="",
                     BUILD_NOW="2026-12-03T09:00:00+01:00")
    opening = soup(december / "szkolenia/kalendarz/index.html")
    assert text(opening.find("h1")) == "Kalendarz szkoleń: grudzień 2026"
    assert opening.find("link", rel="canonical")["href"].endswith("/szkolenia/kalendarz/2026/12/")
    assert not (december / "szkolenia/kalendarz/2026/11").exists()


def test_no_pelican_category_page_left_over(site):
    page = soup(site / "szkolenia/index.html")
    assert page.find("section", attrs={"aria-labelledby": "nadchodzace"})
    # The sample has fewer past trainings than one archive page holds.
    assert not (site / "szkolenia/strona/2/index.html").exists()


# --- calendars ---------------------------------------------------------------

def test_site_calendar_has_upcoming_and_recent(site):
    cal = read_ics(site / "szkolenia/kalendarz.ics")
    summaries = set(events_by_summary(cal))
    assert "Szkolenie sprzed miesiąca" in summaries
    assert "Szkolenie sprzed lat" not in summaries
    assert "ODWOŁANE: Szkolenie odwołane" in summaries
    assert len(summaries) == 13
    assert str(cal["X-WR-CALNAME"]) == "Centrum KLUCZ: szkolenia"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert str(cal["METHOD"]) == "PUBLISH"


def test_vevent_fields(site):
    cal = read_ics(site / "szkolenia/szkolenie-jednodniowe-z-godzinami/kalendarz.ics")
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == "stale-id-abc@klucz"
    assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 5, 7, 30, tzinfo=dt.UTC)
    start = event["DTSTART"]
    assert start.params["TZID"] == "Europe/Warsaw"
    assert event.decoded("DTSTART") == dt.datetime(2027, 1, 14, 10, 0, tzinfo=WARSAW)
    assert event.decoded("DTEND") == dt.datetime(2027, 1, 14, 15, 0, tzinfo=WARSAW)
    assert int(event["SEQUENCE"]) == 2
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]) == f"{ORIGIN}/szkolenia/szkolenie-jednodniowe-z-godzinami/"
    assert str(event["SUMMARY"]) == "Szkolenie jednodniowe z godzinami"
    description = str(event["DESCRIPTION"])
    assert "<" not in description and "Opis szkolenia z godzinami." in description
    assert str(event["LOCATION"]) == "Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź"
    assert cal.walk("VTIMEZONE")


def test_all_day_events_are_dates_with_exclusive_end(site):
    cal = read_ics(site / "szkolenia/kalendarz.ics")
    events = events_by_summary(cal)
    single = events["Dzień otwarty"]
    assert single.decoded("DTSTART") == dt.date(2027, 5, 10)
    assert single.decoded("DTEND") == dt.date(2027, 5, 11)
    assert single["DTSTART"].params.get("VALUE") == "DATE"
    multi = events["Warsztaty trzydniowe"]
    assert multi.decoded("DTSTART") == dt.date(2027, 5, 12)
    assert multi.decoded("DTEND") == dt.date(2027, 5, 15)


@pytest.mark.parametrize(
    "summary, start_utc, end_utc, start_ld, end_ld",
    [
        ("Szkolenie przez zmianę czasu w marcu", "2027-03-27T09:00", "2027-03-28T12:00",
         "2027-03-27T10:00:00+01:00", "2027-03-28T14:00:00+02:00"),
        ("Szkolenie przez zmianę czasu w październiku", "2027-10-30T16:00", "2027-10-31T12:00",
         "2027-10-30T18:00:00+02:00", "2027-10-31T13:00:00+01:00"),
    ],
)
def test_trainings_across_the_dst_change(site, summary, start_utc, end_utc, start_ld, end_ld):
    event = events_by_summary(read_ics(site / "szkolenia/kalendarz.ics"))[summary]
    utc = dt.UTC
    assert event.decoded("DTSTART").astimezone(utc).strftime("%Y-%m-%dT%H:%M") == start_utc
    assert event.decoded("DTEND").astimezone(utc).strftime("%Y-%m-%dT%H:%M") == end_utc
    slug = {
        "Szkolenie przez zmianę czasu w marcu": "szkolenie-przez-zmiane-czasu-w-marcu",
        "Szkolenie przez zmianę czasu w październiku": "szkolenie-przez-zmiane-czasu-w-pazdzierniku",
    }[summary]
    data = json_ld(slug_page(site, slug))
    assert (data["startDate"], data["endDate"]) == (start_ld, end_ld)


def test_cancelled_vevent(site):
    cal = read_ics(site / "szkolenia/szkolenie-odwolane/kalendarz.ics")
    (event,) = cal.walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1


def test_the_build_raises_the_calendar_change_number_when_date_place_or_status_change(tmp_path):
    """Nobody raises Event-Sequence by hand: each build compares a training's
    date, place and status with the last release's (EVENTS_PREVIOUS_RELEASE)
    and gives the calendar the next number when one changed."""
    content = scenario(tmp_path, "trainings")
    source = content / "szkolenia/training_all_day.md"

    def sequence_after(name, previous):
        out = build(tmp_path / name, content=content, EVENTS_PREVIOUS_RELEASE=str(previous) if previous else None)
        (event,) = read_ics(out / "szkolenia/dzien-otwarty/kalendarz.ics").walk("VEVENT")
        return int(event["SEQUENCE"]), out

    first, release = sequence_after("1", None)
    assert first == 0
    data = json.loads((release / "szkolenia/wersje.json").read_text(encoding="utf-8"))
    assert {v["sequence"] for v in data["trainings"].values()} >= {0}
    # The title and text change: calendars need not be told.
    source.write_text(source.read_text(encoding="utf-8").replace("Title: Dzień otwarty",
                                                                 "Title: Dzień otwarty\nSlug: dzien-otwarty"),
                      encoding="utf-8")
    same, release = sequence_after("2", release)  # a build's folder
    assert same == 0
    # A new date: the next number, and it stays while nothing else changes.
    source.write_text(source.read_text(encoding="utf-8").replace("2027-05-10", "2027-06-11"), encoding="utf-8")
    moved, release = sequence_after("3", release / "szkolenia/wersje.json")  # or its file
    assert moved == 1
    again, release = sequence_after("4", release)
    assert again == 1
    # A new place, then cancelled: each a change.
    source.write_text(source.read_text(encoding="utf-8").replace("ul. Pomorska 40, 91-408 Łódź",
                                                                 "ul. Piotrkowska 1, 90-001 Łódź"), encoding="utf-8")
    placed, release = sequence_after("5", release)
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^Event-Status: .*$", "Event-Status: cancelled", text) if "Event-Status:" in text else \
        text.replace("Event-Start:", "Event-Status: cancelled\nEvent-Start:", 1)
    source.write_text(text, encoding="utf-8")
    cancelled, release = sequence_after("6", release)
    assert (placed, cancelled) == (2, 3)
    # A number written by hand is a floor, never lowered.
    source.write_text(source.read_text(encoding="utf-8").replace("Event-Start:", "Event-Sequence: 7\nEvent-Start:", 1),
                      encoding="utf-8")
    assert sequence_after("7", release)[0] == 7


def test_uid_survives_changes_of_title_time_and_place(tmp_path):
    content = scenario(tmp_path, "trainings")
    first = build(tmp_path / "a", content=content)
    uid_before = str(read_ics(first / "szkolenia/dzien-otwarty/kalendarz.ics").walk("VEVENT")[0]["UID"])
    source = content / "szkolenia/training_all_day.md"
    source.write_text(
        source.read_text(encoding="utf-8")
        .replace("Title: Dzień otwarty", "Title: Dzień otwarty – nowy termin\nSlug: dzien-otwarty")
        .replace("2027-05-10", "2027-06-11")
        .replace("ul. Pomorska 40, 91-408 Łódź", "ul. Piotrkowska 1, 90-001 Łódź"),
        encoding="utf-8",
    )
    second = build(tmp_path / "b", content=content)
    event = read_ics(second / "szkolenia/dzien-otwarty/kalendarz.ics").walk("VEVENT")[0]
    assert str(event["UID"]) == uid_before
    assert event.decoded("DTSTART") == dt.date(2027, 6, 11)
    assert re.fullmatch(r"[0-9a-f-]{36}@[a-z.]+", uid_before)


def test_a_copied_training_with_the_same_uid_is_refused_naming_both(tmp_path):
    """A copy made in the editor or a file manager keeps Event-UID: two events
    with one UID would overwrite each other in participants' calendars."""
    content = scenario(tmp_path, "trainings")
    original = next(p for p in sorted((content / "szkolenia").glob("*.md")) if "Event-UID:" in p.read_text("utf-8"))
    copy = content / "szkolenia" / "zz-kopia.md"
    copy.write_text(original.read_text(encoding="utf-8").replace("Title: ", "Title: Kopia – ", 1), encoding="utf-8")
    line = next(i for i, text in enumerate(copy.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("Event-UID:"))
    check, errors = make_check(content)
    assert check.returncode == 1
    assert errors == [f"BŁĄD: szkolenia/zz-kopia.md:{line}: Event-UID: ten sam identyfikator w kalendarzach ma już "
                      f"szkolenie szkolenia/{original.name} -> usuń wiersz Event-UID z kopii (strona nada jej "
                      "własny) albo wpisz inny"], check.stdout
    # Without the line, the copy has a UID of its own (from its file name).
    copy.write_text("".join(t for t in copy.read_text(encoding="utf-8").splitlines(True)
                            if not t.startswith("Event-UID:")), encoding="utf-8")
    assert make_check(content)[1] == []


def test_add_to_calendar_links(site):
    page = slug_page(site, "szkolenie-jednodniowe-z-godzinami")
    links = {text(a): a["href"] for a in page.select(".add-to-calendar a")}
    google = urlparse(links["Google"])
    assert google.netloc == "calendar.google.com"
    query = parse_qs(google.query)
    assert query["action"] == ["TEMPLATE"]
    assert query["dates"] == ["20270114T090000Z/20270114T140000Z"]
    assert query["ctz"] == ["Europe/Warsaw"]
    assert query["text"] == ["Szkolenie jednodniowe z godzinami"]
    outlook = parse_qs(urlparse(links["Outlook"]).query)
    assert outlook["startdt"] == ["2027-01-14T10:00:00+01:00"]
    assert outlook["subject"] == ["Szkolenie jednodniowe z godzinami"]
    ics = links["plik .ics (Apple, Thunderbird i inne)"]
    assert (site / ics.lstrip("/")).is_file()
    all_day = slug_page(site, "warsztaty-trzydniowe")
    google_day = [a["href"] for a in all_day.select(".add-to-calendar a") if "google" in a["href"]][0]
    assert parse_qs(urlparse(google_day).query)["dates"] == ["20270512/20270515"]


def test_subscription_links_and_head(site):
    page = soup(site / "szkolenia/index.html")
    # A bare webcal: link does nothing without a calendar program: the link
    # leads to the page that gives Google, Apple, Outlook and the address.
    assert page.find("a", string="Dodaj szkolenia do swojego kalendarza")["href"] == "/obserwuj/#kalendarz"
    follow = soup(site / "obserwuj/index.html").find("section", attrs={"aria-labelledby": "kalendarz"})
    links = {text(a): a["href"] for a in follow.select("a.button")}
    assert links["Dodaj do Kalendarza Apple"] == "webcal://localhost:8000/szkolenia/kalendarz.ics"
    google = urlparse(links["Dodaj do Kalendarza Google"])
    assert google.netloc == "calendar.google.com"
    assert parse_qs(google.query)["cid"] == ["webcal://localhost:8000/szkolenia/kalendarz.ics"]
    outlook = parse_qs(urlparse(links["Dodaj do Outlooka"]).query)
    assert outlook["url"] == [f"{ORIGIN}/szkolenia/kalendarz.ics"] and outlook["name"] == ["Centrum KLUCZ: szkolenia"]
    assert follow.select_one("[data-copy]")["data-copy"] == f"{ORIGIN}/szkolenia/kalendarz.ics"
    # One training's file is saved under its own name, not kalendarz.ics.
    single = slug_page(site, "dzien-otwarty").select_one(".add-to-calendar a[download]")
    assert single["download"] == "dzien-otwarty.ics" and single["href"] == "/szkolenia/dzien-otwarty/kalendarz.ics"
    for path in html_pages(site):
        links = soup(path).find_all("link", type="text/calendar")
        assert any(row["href"] == f"{ORIGIN}/szkolenia/kalendarz.ics" for row in links), path
    training = slug_page(site, "dzien-otwarty")
    hrefs = [row["href"] for row in training.find_all("link", type="text/calendar")]
    assert f"{ORIGIN}/szkolenia/dzien-otwarty/kalendarz.ics" in hrefs


# --- search engines ------------------------------------------------------------

def test_training_entries_in_the_feeds_say_when_where_and_until_when(site):
    """A feed reader lists the entry with its facts first (Atom: in the
    summary and the text; RSS: in the text)."""
    from xml.etree import ElementTree

    atom = {"a": "http://www.w3.org/2005/Atom"}
    feed = ElementTree.parse(site / "feeds/szkolenia.atom.xml")
    entries = {e.findtext("a:title", namespaces=atom): e for e in feed.findall("a:entry", atom)}
    entry = entries["Szkolenie jednodniowe z godzinami"]
    summary = entry.findtext("a:summary", namespaces=atom).replace(NBSP, " ").replace("\u2060", "")
    assert summary.startswith("Termin: 14 stycznia 2027 r., 10:00–15:00. Forma: szkolenie na miejscu. Miejsce: "
                              "Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź. "
                              "Zapisy do: 10 stycznia 2027 r., godz. 23:59.")
    assert ".." not in summary
    assert "<" not in summary  # plain words: a browser shows the feed as a page
    assert entry.findtext("a:content", namespaces=atom).startswith("<p><strong>Termin:</strong> 14")
    cancelled = entries["Szkolenie odwołane"].findtext("a:summary", namespaces=atom)
    assert cancelled.startswith("Stan: Odwołane. Termin: 1 lutego 2027 r.") and "Zapisy do" not in cancelled
    rss = ElementTree.parse(site / "feeds/szkolenia.rss.xml")
    item = [i for i in rss.iter("item") if i.findtext("title") == "Szkolenie jednodniowe z godzinami"][0]
    assert item.findtext("description").startswith("<p><strong>Termin:</strong> 14")
    news = [e for e in ElementTree.parse(site / "feeds/wszystko.atom.xml").findall("a:entry", atom)
            if e.findtext("a:title", namespaces=atom) == "Wiadomość z centrum"][0]
    assert "Termin:" not in (news.findtext("a:summary", namespaces=atom) or "")


def test_json_ld_in_person(site):
    data = json_ld(slug_page(site, "szkolenie-jednodniowe-z-godzinami"))
    assert data["@type"] == "Event"
    assert data["name"] == "Szkolenie jednodniowe z godzinami"
    assert data["startDate"] == "2027-01-14T10:00:00+01:00"
    assert data["endDate"] == "2027-01-14T15:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    address = data["location"]["address"]
    assert address == {
        "@type": "PostalAddress", "addressCountry": "PL", "postalCode": "91-408",
        "addressLocality": "Łódź", "streetAddress": "ul. Pomorska 40",
    }
    assert data["location"]["name"] == "Centrum KLUCZ"
    assert data["offers"]["price"] == "0" and data["offers"]["priceCurrency"] == "PLN"
    assert data["organizer"]["name"] == "Fundacja Instytut Spraw Obywatelskich"
    assert data["description"] == "Opis szkolenia z godzinami."


def test_json_ld_online_hybrid_cancelled(site):
    online = json_ld(slug_page(site, "webinarium-online"))
    assert online["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert online["location"] == {"@type": "VirtualLocation", "url": online["url"]}
    hybrid = json_ld(slug_page(site, "spotkanie-hybrydowe"))
    assert hybrid["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert [row["@type"] for row in hybrid["location"]] == ["Place", "VirtualLocation"]
    cancelled = json_ld(slug_page(site, "szkolenie-odwolane"))
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    all_day = json_ld(slug_page(site, "warsztaty-trzydniowe"))
    assert (all_day["startDate"], all_day["endDate"]) == ("2027-05-12", "2027-05-14")


# --- time and reproducibility ------------------------------------------------------

def test_now_is_a_parameter_and_builds_are_byte_identical(tmp_path):
    content = scenario(tmp_path, "trainings")
    a = build(tmp_path / "a", content=content)
    b = build(tmp_path / "b", content=content)
    files_a, files_b = site_files(a), site_files(b)
    assert [rel for rel in files_a if files_a[rel] != files_b.get(rel)] == []
    later = build(tmp_path / "c", content=content, BUILD_NOW="2027-01-11T08:00:00+01:00")
    box = slug_page(later, "szkolenie-jednodniowe-z-godzinami").find("section", class_="signup")
    assert text(box.select_one("[data-signup-label]")) == "Zapisy zakończone"


# --- validation ------------------------------------------------------------------

EXPECTED_PROBLEMS = [
    (
        "training_start_date_month_first.md",
        3,
        "Event-Start",
        "„01/14/2027”: w zapisie z ukośnikiem dzień i miesiąc łatwo zamienić",
    ),
    (
        "training_end_before_start.md",
        4,
        "Event-End",
        "2027-01-10 10:00 jest wcześniej niż Event-Start 2027-01-14 10:00",
    ),
    ("training_end_and_duration.md", 5, "Event-Duration", "podano jednocześnie Event-End i Event-Duration"),
    ("training_unknown_status.md", 5, "Event-Status", "nieznany status „przesunięte”"),
    ("training_deadline_after_start.md", 5, "Registration-Deadline", "jest po rozpoczęciu szkolenia"),
    ("training_negative_capacity.md", 5, "Capacity", "-5 to liczba ujemna"),
    (
        "training_more_seats_than_capacity.md",
        6,
        "Seats-Left",
        "wolnych miejsc (12) jest więcej niż wszystkich (Capacity: 10)",
    ),
    (
        "training_registration_not_https.md",
        5,
        "Registration-URL",
        "„http://forms.example.org/x” nie jest bezpiecznym adresem",
    ),
    ("training_in_person_without_location.md", 1, "Event-Location", "szkolenie stacjonarne nie ma miejsca"),
    ("training_online_without_url.md", 1, "Event-Online-URL", "szkolenie online nie ma adresu spotkania"),
    ("training_missing_start.md", 1, "Event-Start", "brak daty rozpoczęcia szkolenia"),
]


@pytest.fixture(scope="module")
def training_problems(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("errors")
    with pytest.raises(SystemExit) as failure:
        build(tmp / "out", content=scenario(tmp, "training_errors"))
    assert failure.value.code == 1
    return failure.value.problems


def test_every_problem_is_listed_once(training_problems):
    assert len(training_problems) == len(EXPECTED_PROBLEMS)


@pytest.mark.parametrize("name, line, field, message", EXPECTED_PROBLEMS)
def test_problem_names_file_line_field_and_fix(training_problems, name, line, field, message):
    where = f"szkolenia/{name}:{line}"
    matches = [p for p in training_problems if p.startswith(f"{where}: {field}: ")]
    assert len(matches) == 1, training_problems
    assert message in matches[0]
    assert " -> " in matches[0]


def test_one_bad_training_fails_a_site_of_good_ones(tmp_path):
    content = scenario(tmp_path, "trainings")
    bad = DATA / "training_errors/content/szkolenia/training_end_before_start.md"
    shutil.copy(bad, content / "szkolenia")
    with pytest.raises(SystemExit) as failure:
        build(tmp_path / "out", content=content)
    assert [p.split(":")[0] for p in failure.value.problems] == ["szkolenia/training_end_before_start.md"]


def test_a_rebuild_serialises_only_the_training_that_changed(tmp_path, monkeypatch):
    """What icalendar serialised is kept between builds by what each entry is
    made from: a rebuild after one training's time changed makes that entry
    alone, and its calendars are those a fresh build makes."""
    from klucz.events import ical

    made = []
    vevent = ical.vevent
    monkeypatch.setattr(ical, "vevent", lambda t, *args: made.append(t.title) or vevent(t, *args))
    content = scenario(tmp_path, "trainings")
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache"),
              "EVENTS_SIGNUPS_URL": ""}
    build(tmp_path / "out", content=content, staged=True, **cached)
    trainings = len(made)
    assert trainings > 10
    made.clear()
    post = content / "szkolenia/training_online.md"
    post.write_text(post.read_text(encoding="utf-8").replace("17:00", "18:00"), encoding="utf-8")
    build(tmp_path / "out", content=content, staged=True, **cached)
    assert made == ["Webinarium online"]
    fresh = build(tmp_path / "fresh", content=content, EVENTS_SIGNUPS_URL="")
    for name in ("szkolenia/kalendarz.ics", "szkolenia/webinarium-online/kalendarz.ics"):
        assert (tmp_path / "out" / name).read_bytes() == (fresh / name).read_bytes(), name
