"""Staff input read as staff meant it, or refused with a message they can act on:
dates, field names, titles, files named by phones, crashes."""

import datetime as dt
import os
import re
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from klucz.polish_dates import DateProblem, parse_moment
from klucz.strict_build import declared_fields, read_header
from klucz_harness.sitebuild import DATA, ROOT, SAMPLE, TEST_NOW, as_read, build, make_check, scenario, soup

PYTHON = sys.executable
ENV = dict(os.environ)
WARSAW = ZoneInfo("Europe/Warsaw")

# --- one reading of dates ------------------------------------------------------

D = dt.datetime
READ = [
    ("2026-11-03", D(2026, 11, 3), False),
    ("2026-11-03 10:00", D(2026, 11, 3, 10), True),
    ("2026-11-03T10:00", D(2026, 11, 3, 10), True),
    ("2026-11-03 10:00:30", D(2026, 11, 3, 10, 0, 30), True),
    ("  2026-11-03   10:00 ", D(2026, 11, 3, 10), True),
    ("3.11.2026", D(2026, 11, 3), False),
    ("03.11.2026", D(2026, 11, 3), False),
    ("03.11.2026 10:00", D(2026, 11, 3, 10), True),
    ("3.11.2026 9:05", D(2026, 11, 3, 9, 5), True),
    ("3.11.2026 r.", D(2026, 11, 3), False),
    ("3.11.2026 r., 10:00", D(2026, 11, 3, 10), True),
    ("3.11.2026, godz. 10.00", D(2026, 11, 3, 10), True),
    ("12.05.2027", D(2027, 5, 12), False),  # read month first before: 5 December
    ("28.11.2026", D(2026, 11, 28), False),
    ("3 listopada 2026", D(2026, 11, 3), False),
    ("3 listopada 2026 r.", D(2026, 11, 3), False),
    ("3 listopada 2026 r., 10:00", D(2026, 11, 3, 10), True),
    ("15 maja 2016 r.", D(2016, 5, 15), False),
    ("1 października 2026", D(2026, 10, 1), False),
    ("1 pazdziernika 2026", D(2026, 10, 1), False),
    ("22 Września 2026 18:30", D(2026, 9, 22, 18, 30), True),
    ("3 XI 2026", D(2026, 11, 3), False),
    ("29.02.2028", D(2028, 2, 29), False),
    ("3\u00a0listopada\u00a02026\u00a0r.", D(2026, 11, 3), False),
]
REFUSED = [
    ("11/03/2026", "ukośnikiem"),
    ("03/11/2026 10:00", "ukośnikiem"),
    ("2026/11/03", "ukośnikiem"),
    ("11/3/26", "ukośnikiem"),
    ("3-11-2026", "najpierw rok"),
    ("03.11.26", "cztery cyfry"),
    ("2026.11.03", "najpierw dzień"),
    ("31.13.2026", "miesiąc 13 nie istnieje"),
    ("30.02.2026", "30 lutego 2026 nie istnieje: ten miesiąc ma 28 dni"),
    ("31 listopada 2026", "ten miesiąc ma 30 dni"),
    ("3 listopadzie 2026", "„listopadzie” to nie jest nazwa miesiąca"),
    ("3.11.2026 25:00", "godzina 25:00 nie istnieje"),
    ("November 3, 2026", "nie jest data w znanej postaci"),
    ("jutro", "nie jest data w znanej postaci"),
    ("", "pusta data"),
    ("3.11.0026", "rok 26 wygląda na pomyłkę"),
]


@pytest.mark.parametrize("text, value, has_time", READ)
def test_dates_are_read_day_first(text, value, has_time):
    moment = parse_moment(text)
    assert (moment.value, moment.has_time) == (value, has_time)


@pytest.mark.parametrize("text, reason", REFUSED)
def test_ambiguous_or_wrong_dates_are_refused(text, reason):
    with pytest.raises(DateProblem) as refused:
        parse_moment(text)
    assert reason in refused.value.message
    assert "2026-11-03" in refused.value.hint and "3.11.2026" in refused.value.hint


def test_the_table_is_large_enough():
    assert len(READ) + len(REFUSED) >= 30


def test_offset_written_in_iso_is_kept():
    moment = parse_moment("2026-11-03T10:00+00:00")
    assert moment.offset == dt.UTC


# A post, a training and their pages, built from Polish dates.
POLISH_DATED = {
    "aktualnosci/polskie-daty.md": "Title: Relacja z targów\nDate: 03.11.2026 10:00\nModified: 4 listopada 2026 r., "
                                   "9:15\n\nTekst.\n",
    "aktualnosci/zaplanowany.md": "Title: Zapowiedź\nDate: 12.05.2027\n\nTekst.\n",
    "szkolenia/szkolenie.md": (
        "Title: Księgowość\nDate: 2026-11-01\nEvent-Start: 03.12.2026 10:00\nEvent-End: 3 grudnia 2026 r., 15:00\n"
        "Event-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\nRegistration-Deadline: 1.12.2026\n\nProgram.\n"
    ),
}


def test_polish_dates_in_a_real_build(tmp_path):
    content = scenario(tmp_path, "clean", POLISH_DATED)
    out = build(tmp_path / "out", content=content)
    post = soup(out / "aktualnosci/relacja-z-targow/index.html")
    assert post.find("time", attrs={"datetime": "2026-11-03T10:00+01:00"}) is not None
    # 12.05.2027 is 12 May 2027: scheduled, not published on 5 December 2026.
    assert not (out / "aktualnosci/zapowiedz").exists()
    training = as_read((out / "szkolenia/ksiegowosc/index.html").read_text(encoding="utf-8"))
    assert "3 grudnia 2026" in training and "10:00" in training and "15:00" in training
    ics = (out / "szkolenia/ksiegowosc/kalendarz.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Warsaw:20261203T100000" in ics
    assert "DTEND;TZID=Europe/Warsaw:20261203T150000" in ics


def test_campaign_dates_in_settings_are_read_the_same_way(tmp_path):
    from klucz.donations.config import check_settings

    campaigns = {"zima": {"title": "Zima", "buttons": [{"label": "Wpłać", "url": "https://pay.example.org/x"}],
                          "start": "1.12.2026", "end": "12/24/2026"}}
    problems = check_settings({"DONATIONS_CAMPAIGNS": campaigns})
    dates = [p for p in problems if ".start" in p.field or ".end" in p.field]
    assert [p.field for p in dates] == ["DONATIONS_CAMPAIGNS['zima'].end"]
    assert "ukośnikiem" in dates[0].message


# --- every header field known -------------------------------------------------

@pytest.mark.parametrize("written, suggested", [
    ("Seats-Lfet", "Seats-Left"),
    ("Registraton-Deadline", "Registration-Deadline"),
    ("Evnet-Start", "Event-Start"),
    ("Tgas", "Tags"),
    ("Sumary", "Summary"),
    ("Capacty", "Capacity"),
])
def test_a_typo_gets_the_nearest_known_name(tmp_path, written, suggested):
    text = (f"Title: Szkolenie\nDate: 2026-11-03\nEvent-Start: 2027-01-14 10:00\nEvent-End: 2027-01-14 15:00\n"
            f"Event-Location: Łódź\n{written}: 5\n\nTekst.\n")
    result, errors = make_check(scenario(tmp_path, "clean", {"szkolenia/szkolenie.md": text}))
    assert result.returncode == 1
    assert errors == [f"BŁĄD: szkolenia/szkolenie.md:6: {written}: nieznane pole – czy chodziło o {suggested}? "
                      f"-> popraw nazwę na „{suggested}:”"]


@pytest.mark.parametrize("polish, field", [
    ("Tytuł", "Title"), ("Data", "Date"), ("Tagi", "Tags"), ("Podsumowanie", "Summary"),
    ("Miejsce", "Event-Location"), ("Zapisy", "Registration-URL"), ("Cena", "Event-Price"),
    ("Początek", "Event-Start"), ("Wolne miejsca", "Seats-Left"), ("Darowizna", "Donation"),
])
def test_polish_field_names_are_mapped_to_the_field_they_mean(polish, field):
    from klucz.authoring.header import check_header

    header = read_header(f"Title: Wpis\nDate: 2026-11-03\n{polish}: coś\n\nTekst.")
    settings = {"PLUGINS": ["klucz.authoring", "klucz.events", "klucz.donations"]}
    problems = check_header(header, settings, "aktualnosci/wpis.md")
    assert len(problems) == 1
    assert problems[0].field == polish and problems[0].line == 3
    assert f"to pole nazywa się {field} (" in problems[0].message
    assert problems[0].hint == f"zmień „{polish}:” na „{field}:”"


def test_every_field_the_sample_uses_is_declared_and_extra_fields_come_from_a_setting(tmp_path):
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    known = declared_fields(settings)
    for path in SAMPLE.rglob("*.md"):
        for item in read_header(path.read_text(encoding="utf-8")):
            assert item.name.lower() in known, (path, item.name)
    # A maintainer allows another field in settings.
    text = "Title: Wpis\nDate: 2026-11-03\nPartner: Urząd Miasta\n\nTekst.\n"
    content = scenario(tmp_path, "clean", {"aktualnosci/wpis.md": text})
    result, errors = make_check(content)
    assert errors and "Partner: nieznane pole" in errors[0]
    build(tmp_path / "out", content=content, AUTHORING_EXTRA_FIELDS={"Partner": "partner wydarzenia"})


def test_header_reading_follows_markdown():
    header = read_header("Title: Ekonomia: nowe otwarcie\nTags: a,\n    b\nDate: 2026-11-03\n\nSpotkanie: tekst\n")
    assert [(h.line, h.name, h.value) for h in header] == [
        (1, "Title", "Ekonomia: nowe otwarcie"), (2, "Tags", "a,\nb"), (4, "Date", "2026-11-03")]
    # Markdown stops reading at a field name with Polish letters: so do we.
    header = read_header("Title: Wpis\nMiejsce spotkania: Łódź\nDate: 2026-11-03\n\nTekst")
    assert [(h.name, h.readable) for h in header] == [("Title", True), ("Miejsce spotkania", False)]


# --- no traceback reaches a staff member ---------------------------------------

def _failing_filter_conf(tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(DATA / 'failing_filter' / 'plugins')!r}]\n"
        "PLUGINS = PLUGINS + ['failing_filter']\n"
        f"BUILD_NOW = {TEST_NOW!r}\n",
        encoding="utf-8",
    )
    return conf


FAILED_PAGE = ("BŁĄD: aktualnosci/awaria.md: strona: strona /aktualnosci/awaria-szablonu/ nie zbudowała się "
               "(szablon article.html): ZeroDivisionError: division by zero -> to błąd szablonu lub wtyczki, "
               "nie tekstu: przekaż ten komunikat opiekunowi strony (pełny opis błędu pokaże DEBUG=1 make html)")


def test_a_failing_template_filter_is_one_polish_line_naming_the_post(tmp_path):
    conf = _failing_filter_conf(tmp_path)
    content = DATA / "failing_filter" / "content"
    env = dict(ENV, COLUMNS="300")
    html = subprocess.run(
        [PYTHON, "-m", "klucz.commands.build", str(content), "-o", str(tmp_path / "out"), "-s", str(conf)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert html.returncode == 1
    assert "Traceback" not in html.stdout + html.stderr
    assert FAILED_PAGE in html.stderr.splitlines()
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.new").exists()
    check = subprocess.run(
        [PYTHON, "-m", "klucz.commands.check", "-s", str(conf), "--content", str(content)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    assert FAILED_PAGE in check.stdout.splitlines()
    assert "Traceback" not in check.stdout + check.stderr
    # A maintainer asks for the traceback.
    debug = subprocess.run(
        [PYTHON, "-m", "klucz.commands.build", str(content), "-o", str(tmp_path / "out"), "-s", str(conf)],
        cwd=ROOT,
        env=dict(env, DEBUG="1"),
        capture_output=True,
        text=True,
    )
    assert debug.returncode != 0 and "Traceback" in debug.stdout + debug.stderr
    assert "ZeroDivisionError" in debug.stdout + debug.stderr


def test_make_html_on_bad_content_shows_no_traceback(tmp_path):
    result = subprocess.run(
        ["make", "-s", "html", f"INPUTDIR={DATA / 'bad_content' / 'content'}", f"OUTPUTDIR={tmp_path / 'out'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, COLUMNS="300"),
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert "title_empty.md:1: Title: tytuł jest pusty" in result.stdout + result.stderr
    assert "page_slug_taken.md:2: Slug: adres /tagi/ należy już do listy tagów" in result.stdout + result.stderr


# --- preview honesty --------------------------------------------------------------

PREVIEWED = {
    "aktualnosci/szkic.md": "Title: Szkic relacji\nDate: 2026-11-20 10:00\nStatus: draft\n\nTekst.\n",
    "aktualnosci/plan.md": "Title: Plan na grudzień\nDate: 2026-12-20 10:00\n\nTekst.\n",
    "szkolenia/szkic-szkolenia.md": (
        "Title: Szkolenie w przygotowaniu\nDate: 2026-11-20\nStatus: draft\nEvent-Start: 2026-12-10 10:00\n"
        "Event-End: 2026-12-10 15:00\nEvent-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\n\nProgram.\n"
    ),
    "szkolenia/gotowe.md": (
        "Title: Szkolenie gotowe\nDate: 2026-11-20\nEvent-Start: 2026-12-11 10:00\n"
        "Event-End: 2026-12-11 15:00\nEvent-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\n\nProgram.\n"
    ),
}


def _marked(page, title):
    """The preview mark next to the link to `title` on a page, or None."""
    link = next((a for a in page.find_all("a") if a.get_text(strip=True).replace("\u00a0", " ") == title), None)
    assert link is not None, title
    box = link.find_parent(["li", "article"])
    mark = box.find(class_="preview-mark")
    return mark.get_text(" ", strip=True).replace("\u00a0", " ") if mark else None


def test_drafts_and_scheduled_posts_are_marked_wherever_they_are_listed(tmp_path):
    content = scenario(tmp_path, "clean", PREVIEWED)
    out = build(tmp_path / "out", content=content, AUTHORING_PREVIEW=True)
    home = soup(out / "index.html")
    assert _marked(home, "Szkolenie w przygotowaniu") == "Szkic"  # the home block of trainings
    assert _marked(home, "Szkolenie gotowe") is None
    news = soup(out / "aktualnosci/index.html")
    assert _marked(news, "Szkic relacji") == "Szkic"
    assert _marked(news, "Plan na grudzień") == "Zaplanowany na 20 grudnia 2026 r."
    assert _marked(soup(out / "szkolenia/index.html"), "Szkolenie w przygotowaniu") == "Szkic"
    month = soup(out / "szkolenia/kalendarz/2026/12/index.html")
    links = [a for a in month.find_all("a") if "Szkolenie w przygotowaniu" in a.get_text().replace("\u00a0", " ")]
    assert len(links) == 2  # the grid and the list below it
    for link in links:
        assert link.find_parent("li").find(class_="preview-mark").get_text(strip=True) == "Szkic"
    assert _marked(soup(out / "archiwum/index.html"), "Plan na grudzień").startswith("Zaplanowany")
    # The public build has none of them.
    public = build(tmp_path / "public", content=content)
    assert "preview-mark" not in (public / "index.html").read_text(encoding="utf-8")
    assert "Szkolenie w przygotowaniu" not in (public / "index.html").read_text(encoding="utf-8")


# --- the templates' generator and the guide -------------------------------------


def test_new_post_without_title_names_its_own_command():
    for kind, target in (("post", "newpost"), ("training", "newtraining"), ("appeal", "newappeal")):
        result = subprocess.run(
            [PYTHON, "-m", "klucz.commands.new", kind, "", "--content", "/nonexistent"],
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2
        assert f"make {target} TITLE=" in result.stderr
        assert re.findall(r"make (new\w+)", result.stderr) == [target]


def test_new_training_takes_its_start_in_any_accepted_form(tmp_path):
    made = subprocess.run(
        [
            PYTHON,
            "-m",
            "klucz.commands.new",
            "training",
            "Szkolenie z RODO",
            "--when",
            "14 stycznia 2027 r., 9:30",
            "--content",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    text = next((tmp_path / "szkolenia").glob("*.md")).read_text(encoding="utf-8")
    assert "\nEvent-Start: 2027-01-14 09:30\n" in text
    refused = subprocess.run(
        [PYTHON, "-m", "klucz.commands.new", "post", "Wpis", "--when", "01/14/2027", "--content", str(tmp_path)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 2 and "ukośnikiem" in refused.stderr
    assert not (tmp_path / "aktualnosci").exists()


def test_the_guide_lists_every_field_and_the_date_forms():
    from pelican.settings import read_settings

    guide = (ROOT / "docs" / "poradnik.md").read_text(encoding="utf-8")
    for field in declared_fields(read_settings(str(ROOT / "pelicanconf.py"))).values():
        if field.name in ("Template", "URL", "Save_as") or field.name.startswith(("A11y-", "Project-")):
            continue  # set by the maintainer on special pages
        assert f"`{field.name}`" in guide, field.name
    for form in ("2026-11-03 10:00", "3.11.2026", "03.11.2026 10:00", "3 listopada 2026 r., 10:00", "11/03/2026"):
        assert form in guide, form
