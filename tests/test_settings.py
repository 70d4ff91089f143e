"""Declared settings: a mistyped name or a value of the wrong type stops the
build with the setting meant; the README documents exactly the declared
settings with their defaults; pelicanconf.py sets only what differs."""

import importlib
import re

import pytest
from pelican.settings import get_settings_from_file

from klucz.strict_build.settings import Setting, plugin_settings
from klucz_harness.sitebuild import ROOT, build, scenario, soup

GOOD = {"aktualnosci/dobry.md": "Title: Dobry wpis\nDate: 2026-11-01 10:00\n\nTreść.\n"}


def declared():
    """{name: Setting} of every plugin in pelicanconf.py's PLUGINS."""
    conf = get_settings_from_file(str(ROOT / "pelicanconf.py"))
    modules = [importlib.import_module(name) for name in conf["PLUGINS"]]
    return {item.name: item for settings in plugin_settings(modules).values() for item in settings}


def problems_of(tmp_path, **override):
    with pytest.raises(SystemExit) as failure:
        build(tmp_path / "out", content=scenario(tmp_path, "clean", GOOD), **override)
    return failure.value.problems


@pytest.mark.parametrize("name, meant", [
    ("EVENTS_HOME_CONUT", "EVENTS_HOME_COUNT"),   # letters swapped
    ("EVENT_HOME_COUNT", "EVENTS_HOME_COUNT"),    # the plugin's prefix mistyped
    ("DONATIONS_NEWTAB", "DONATIONS_NEW_TAB"),
])
def test_a_mistyped_setting_names_the_one_meant(tmp_path, name, meant):
    problems = problems_of(tmp_path, **{name: 3})
    assert [p for p in problems if p.startswith(f"pelicanconf.py: {name}: ")] == [
        f"pelicanconf.py: {name}: takiego ustawienia nie ma -> chodziło o {meant}? (README, Settings)"]


def test_a_name_with_a_plugins_prefix_that_it_does_not_have(tmp_path):
    problems = problems_of(tmp_path, EVENTS_COLOUR_OF_THE_CALENDAR="czerwony")
    assert "pelicanconf.py: EVENTS_COLOUR_OF_THE_CALENDAR: wtyczka klucz.events nie ma takiego ustawienia " \
           "-> sprawdź nazwę w README (Settings) albo usuń ten wiersz" in problems


@pytest.mark.parametrize("name, value, expected", [
    ("EVENTS_HOME_COUNT", "3", "liczba całkowita"),
    ("EVENTS_HOME_COUNT", True, "liczba całkowita"),   # True is an int to Python only
    ("TYPOGRAPHY_ENABLED", "tak", "true/false (True albo False)"),
    ("IMAGES_WIDTHS", 480, "lista [...]"),
    ("DONATIONS_REPORT", "pliki/raport.pdf", "słownik {...} (albo None)"),
])
def test_a_setting_of_the_wrong_type_is_refused(tmp_path, name, value, expected):
    problems = problems_of(tmp_path, **{name: value})
    assert [p for p in problems if p.startswith(f"pelicanconf.py: {name}: ")] == [
        f"pelicanconf.py: {name}: ma być {expected}, a jest {value!r} -> wpisz wartość jak w README (Settings); "
        f"domyślnie {declared()[name].default!r}"]


def test_declared_defaults_apply_when_the_site_sets_nothing(tmp_path):
    """pelicanconf.py no longer sets EVENTS_HOME_COUNT: the declared 3 applies,
    and a site's own value wins."""
    assert "EVENTS_HOME_COUNT" not in get_settings_from_file(str(ROOT / "pelicanconf.py"))
    files = dict(GOOD)
    for day in range(1, 6):
        files[f"szkolenia/s{day}.md"] = (
            f"Title: Szkolenie {day}\nDate: 2026-11-01 10:00\nEvent-Start: 2027-01-{day:02d} 10:00\n"
            f"Event-End: 2027-01-{day:02d} 12:00\nEvent-Location: Łódź\n"
            f"Event-UID: 6f1c2a9e-0000-4000-8000-00000000000{day}@klucz.instytutsprawobywatelskich.pl\n\nOpis.\n")
    def upcoming(out):
        section = soup(out / "index.html").find("section", attrs={"aria-labelledby": "najblizsze-szkolenia"})
        return [a["href"] for a in section.select("h3 a")]

    assert len(upcoming(build(tmp_path / "out", content=scenario(tmp_path, "clean", files)))) == 3
    two = build(tmp_path / "out2", content=scenario(tmp_path, "clean", files), EVENTS_HOME_COUNT=2)
    assert upcoming(two) == ["/szkolenia/szkolenie-1/", "/szkolenia/szkolenie-2/"]


def test_pelicanconf_sets_only_what_differs_from_the_declared_defaults():
    conf = get_settings_from_file(str(ROOT / "pelicanconf.py"))
    known = declared()
    repeated = sorted(name for name, value in conf.items() if name in known and known[name].default == value)
    assert repeated == []


def test_every_setting_a_plugin_declares_is_in_the_readme_with_its_default():
    """README.md's Settings tables name every declared setting, name none that
    is not declared, and show each simple default as declared."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    documented = {}
    for row in rows:
        names_cell, default_cell = row.split(" | ")[0:2]
        names = re.findall(r"`([A-Z][A-Z0-9_]+)`", names_cell)
        # Several names in a row: their defaults in the same order.
        defaults = re.findall(r"`([^`]*)`", default_cell)
        for number, name in enumerate(names):
            documented[name] = defaults[number] if len(names) > 1 and number < len(defaults) else (
                defaults[0] if defaults else default_cell)
    known = declared()
    prefixes = tuple({name.split("_")[0] + "_" for name in known} - {"BUILD_"})
    missing = sorted(set(known) - set(documented))
    assert missing == [], "declared but not in README.md's Settings"
    unknown = sorted(n for n in documented if n.startswith(prefixes) and n not in known)
    assert unknown == [], "in README.md's Settings but declared by no plugin"
    wrong = []
    for name, item in known.items():
        shown = documented[name]
        if isinstance(item.default, bool | int | type(None)) and shown != repr(item.default):
            wrong.append((name, shown, item.default))
        elif isinstance(item.default, str) and item.default and len(item.default) < 40 and shown != item.default:
            wrong.append((name, shown, item.default))
    assert wrong == []


def test_a_declaration_says_its_type_when_the_default_does_not():
    with pytest.raises(ValueError):
        from klucz.strict_build import declare

        declare(Setting("X_Y", None, "bez typu"))
    assert Setting("X_Z", None, "adres", kind=str).accepts(None)
    assert not Setting("X_Z", None, "adres", kind=str).accepts(3)


def test_a_problem_names_the_settings_file_and_line_that_set_it(tmp_path):
    """A live settings file that imports pelicanconf.py and then sets a value
    wrongly: the problem names that file and its line, not pelicanconf.py."""
    conf = tmp_path / "ustawienia_na_zywo.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n\n"
                    "EVENTS_HOME_CONUT = 4\nTYPOGRAPHY_UNITS = 'zł'\n", encoding="utf-8")
    with pytest.raises(SystemExit) as failure:
        build(tmp_path / "out", content=scenario(tmp_path, "clean", GOOD), conf=str(conf))
    mine = sorted(p for p in failure.value.problems if "ustawienia_na_zywo.py" in p)
    assert [p.split(": ", 2)[:2] for p in mine] == [
        [f"{conf.as_posix()}:5", "EVENTS_HOME_CONUT"], [f"{conf.as_posix()}:6", "TYPOGRAPHY_UNITS"]]


def test_a_build_changes_no_value_of_the_sites_structure(tmp_path):
    """pelicanconf.py imports its structure from klucz.structure, so those
    lists and dicts would be the settings of every build in one process (the
    preview's builder, the tests): a build works on a copy (the trainings'
    archive once added itself to PAGINATED_TEMPLATES, and the typography its
    Markdown extension, for every later build)."""
    import copy

    import klucz.structure as structure

    files = {"aktualnosci/dobry.md": "Title: Dobry wpis\nDate: 2026-11-01 10:00\n\nSpotkanie w Łodzi.\n",
             **{f"szkolenia/s{year}.md": f"Title: Szkolenie {year}\nDate: {year}-01-01 10:00\n"
                f"Event-Start: {year}-02-01 10:00\nEvent-End: {year}-02-01 12:00\nEvent-Location: Łódź\n\nOpis.\n"
                for year in (2020, 2021)}}
    content = scenario(tmp_path, "clean", files)
    build(tmp_path / "first", content=content)
    # (Pelican's reading of the settings fills in Jinja's defaults, the same each time.)
    before = {name: copy.deepcopy(value) for name, value in vars(structure).items() if name.isupper()}
    out = build(tmp_path / "out", content=content, EVENTS_ARCHIVE_PER_PAGE=1)
    assert {name: value for name, value in vars(structure).items() if name.isupper()} == before
    assert (out / "szkolenia/strona/2/index.html").is_file()  # this build's page size, not the first's
    plain = build(tmp_path / "plain", content=content, TYPOGRAPHY_ENABLED=False)
    # The post's text (Markdown's typography, not the templates').
    assert "<p>Spotkanie w\u00a0Łodzi.</p>" in (tmp_path / "out/aktualnosci/dobry-wpis/index.html").read_text(
        encoding="utf-8")
    assert "<p>Spotkanie w Łodzi.</p>" in (plain / "aktualnosci/dobry-wpis/index.html").read_text(encoding="utf-8")
    # The templates' own text too: compiled templates are kept by what they were compiled with.
    assert "<title>Dobry wpis – Centrum KLUCZ</title>" in (plain / "aktualnosci/dobry-wpis/index.html").read_text(
        encoding="utf-8")
