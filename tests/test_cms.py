"""The web editor's part of the build: /admin/ with a configuration made from
the plugins' FIELDS, and the file format that keeps every post byte for byte
(run in Node, as the browser runs it)."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pelican.settings import read_settings

from klucz_harness.sitebuild import DATA, ROOT, SAMPLE, build, scenario

NODE = shutil.which("node")
BUNDLE = ROOT / "editor" / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"


def settings(**override):
    return read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(SAMPLE), **override})


def editor_fields():
    from klucz.cms.config import all_fields

    return all_fields(settings())


def run_format(tmp_path, files):
    if NODE is None:
        pytest.skip("Node.js is not installed (the CI machine has it)")
    fields = tmp_path / "fields.json"
    fields.write_text(json.dumps(editor_fields()), encoding="utf-8")
    result = subprocess.run([NODE, str(ROOT / "tests" / "cms_roundtrip.js"), str(fields), *map(str, files)],
                            capture_output=True, text=True, check=True)
    return {Path(entry["file"]): entry for entry in json.loads(result.stdout)}


def posts(folder):
    return sorted(p for p in Path(folder).rglob("*.md"))


# Files as staff or other editors leave them: what the format must keep.
AWKWARD = {
    "windows.md": b"Title: Zapisane w Notatniku\r\nDate: 3.11.2026 10:00\r\nTags: a,b ,  c\r\n\r\nTekst.\r\n",
    "bom.md": "\ufeffTitle: Z BOM-em\nDate: 2026-11-03\n\nTekst.\n".encode(),
    "markers.md": b"---\nTitle: Z kreskami\nDate: 2026-11-03 10:00\n---\nTekst bez pustego wiersza.\n",
    "continued.md": "Title: Długi\nSummary: pierwszy wiersz\n    drugi wiersz\nDate: 2026-11-03\n\nTekst".encode(),
    "no-header.md": "Sam tekst, bez nagłówka.\n\nDrugi akapit.\n".encode(),
    "no-blank-line.md": b"Title: Bez pustego wiersza\nDate: 2026-11-03\nTekst od razu.\n",
    "spaces.md": "Title:    Dużo spacji   \nDate:2026-11-03 10:00\nCapacity:  20\n\n\n\nTekst.".encode(),
    "polish-field.md": "Tytuł: Pole po polsku\nDate: 2026-11-03\n\nTekst.\n".encode(),
    "empty.md": b"",
}


def test_every_file_reads_and_writes_back_byte_for_byte(tmp_path):
    awkward = tmp_path / "awkward"
    awkward.mkdir()
    for name, data in AWKWARD.items():
        (awkward / name).write_bytes(data)
    files = posts(SAMPLE) + posts(DATA / "bad_content") + posts(awkward)
    report = run_format(tmp_path, files)
    assert len(report) == len(files) > 50
    failed = [str(path) for path, entry in report.items() if entry["roundTrip"] is not True]
    assert failed == []


def test_changing_one_field_changes_only_its_line(tmp_path):
    awkward = tmp_path / "awkward"
    awkward.mkdir()
    for name, data in AWKWARD.items():
        (awkward / name).write_bytes(data)
    report = run_format(tmp_path, posts(SAMPLE) + posts(DATA / "bad_content") + posts(awkward))
    edits = 0
    for path, entry in report.items():
        for key, edit in entry["edits"].items():
            edits += 1
            assert edit["sameCount"] and len(edit["diff"]) == 1, (path, key, edit)
    assert edits > 200
    # A Polish date stays as written until the date itself is changed.
    windows = report[awkward / "windows.md"]
    assert windows["edits"]["date"]["value"] == "2031-02-03 04:05"
    assert windows["edits"]["title"]["diff"] == [1]


def test_a_file_that_is_not_utf8_is_refused_and_never_rewritten(tmp_path):
    old = tmp_path / "stary.md"
    old.write_bytes("Title: Zażółć gęślą jaźń\nDate: 2026-11-03\n\nŁódź.\n".encode("cp1250"))
    entry = run_format(tmp_path, [old])[old]
    assert entry["roundTrip"] is None and entry["edits"] == {}
    assert "nie jest zapisany w UTF-8" in entry["refused"]
    assert entry["written"] is False  # saving the empty form Decap shows is refused


def test_new_entries_are_written_like_make_newtraining_writes_them(tmp_path):
    if NODE is None:
        pytest.skip("Node.js is not installed (the CI machine has it)")
    data = {
        "title": "Nowe szkolenie",
        "date": "2026-12-01 10:00",
        "tags": ["a", "b"],
        "event-start": "2027-01-14 10:00",
        "capacity": 20,
        "seats-left": "",
        "body": "Tekst",
    }
    script = (
        "const {makeFormat}=require(process.argv[1]);const f=makeFormat(JSON.parse(process.argv[2]));"
        "process.stdout.write(f.toFile(JSON.parse(process.argv[3])))"
    )
    out = subprocess.run(
        [
            NODE,
            "-e",
            script,
            str(ROOT / "plugins" / "cms" / "admin" / "format.js"),
            json.dumps(editor_fields()),
            json.dumps(data),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout == (
        "Title: Nowe szkolenie\nDate: 2026-12-01 10:00\nTags: a, b\n"
        "Event-Start: 2027-01-14 10:00\nCapacity: 20\n\nTekst\n"
    )


def test_the_forms_come_from_the_fields_the_plugins_declare():
    from klucz.cms.config import decap_config
    from klucz.events import FIELDS as TRAINING

    config = decap_config(settings(CMS_LOCAL_BACKEND=False, CMS_EDITORIAL_WORKFLOW=True))
    collections = {c["name"]: c for c in config["collections"]}
    assert set(collections) == {"aktualnosci", "szkolenia", "wesprzyj", "strony", "strona-glowna"}
    assert config["locale"] == "pl" and config["publish_mode"] == "editorial_workflow"
    assert config["media_folder"] == "content/images"
    assert config["media_processing"] == {"enabled": True, "quality": 82, "strip_metadata": True}
    training = {f["name"]: f for f in collections["szkolenia"]["fields"]}
    for declared in TRAINING:
        if declared.name in ("Event-UID", "Event-Sequence", "Seats-Left"):  # Seats-Left: the service counts
            assert declared.name.lower() not in training  # kept in the file, not offered
            continue
        shown = training[declared.name.lower()]
        # The guide's words, with the form's labels for the file's field names; a choice: its options.
        if declared.kind == "choice":
            assert shown["hint"] == ""
        else:
            assert declared.help.split(" ")[0] in shown["hint"]
            assert not re.search(r"\b(Event|Registration|Seats|Image)-", shown["hint"]), shown["hint"]
        assert shown["required"] is declared.required
    assert training["registration-deadline"]["hint"] == (
        "koniec zapisów: 2027-01-10 23:59 albo 10.01.2027 23:59 (przed „Początek”)")
    assert training["event-start"]["widget"] == "datetime" and training["event-start"]["required"] is True
    assert training["capacity"]["widget"] == "number"
    # Without the sign-up service staff say the seats left themselves.
    by_hand = decap_config(settings(CMS_LOCAL_BACKEND=False, EVENTS_SIGNUPS_URL=""))
    assert "seats-left" in {f["name"] for c in by_hand["collections"] if c["name"] == "szkolenia" for f in c["fields"]}
    assert [o["value"] for o in training["registration-status"]["options"]] == ["open", "waitlist", "closed"]
    assert training["tags"]["widget"] == "lista" and training["tags"]["suggestions"] == "tags"
    donation = [o["value"] for o in training["donation"]["options"]]
    assert donation[0] == "off" and "dodaj-nam-mocy" in donation
    assert training["title"]["required"] is True and training["summary"]["required"] is False
    assert "heading-one" not in training["body"]["buttons"]  # the title is the page's one H1
    assert training["modified"]["default"] == ""  # else every save would add today's date
    assert collections["szkolenia"]["folder"] == "content/szkolenia"
    assert collections["szkolenia"]["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}"
    # Only Polish in every form: no file field names (Event-Start, EU_Funding, A11y-…) as labels or in hints.
    for name, shown_collection in collections.items():
        for shown in shown_collection.get("fields", []) or shown_collection.get("files", [{}])[0].get("fields", []):
            words = f"{shown.get('label', '')} {shown.get('hint', '')}"
            assert not re.search(r"[A-Za-z0-9]+[-_][A-Z]|A11y|\bImage\b", words), (name, words)
    pages = {f["name"] for f in collections["strony"]["fields"]}
    assert "a11y-status" in pages and "date" not in pages
    # A field a theme adds appears in the editor with nothing else to change.
    extra = dict(settings()["AUTHORING_EXTRA_FIELDS"], Partner={"help": "partner strony", "label": "Partner"})
    config = decap_config(settings(AUTHORING_EXTRA_FIELDS=extra))
    page_fields = {f["name"]: f for f in config["collections"][3]["fields"]}
    assert page_fields["partner"]["label"] == "Partner"
    # The local proxy (make cms) writes straight into content/: no review states there.
    local = decap_config(settings(CMS_LOCAL_BACKEND="http://localhost:8081/api/v1"))  # pelicanconf
    assert local["local_backend"] == {"url": "http://localhost:8081/api/v1"} and "publish_mode" not in local


@pytest.mark.skipif(not BUNDLE.exists(), reason="the editor's npm package is not installed")
def test_the_site_serves_the_editor_from_itself(dev_site):
    admin = dev_site / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<html lang="pl">' in page and 'content="noindex, nofollow"' in page
    assert "http" not in page.replace("http-equiv", "")  # nothing from another server
    for name in ("decap-cms.js", "format.js", "editor.js", "pola.js", "config.yml", "problemy.json"):
        assert (admin / name).is_file(), name
    assert json.loads((admin / "config.yml").read_text(encoding="utf-8"))["locale"] == "pl"


def test_without_npm_the_site_builds_without_the_editor_and_says_so(tmp_path, caplog):
    content = scenario(tmp_path, "none", {"aktualnosci/a.md": "Title: A\nDate: 2026-11-03\n\nTekst.\n"})
    out = build(tmp_path / "out", content=content, CMS_BUNDLE=str(tmp_path / "brak"))
    assert (out / "index.html").exists() and not (out / "admin").exists()
    assert any("edytor /admin/ pominięty" in r.getMessage() for r in caplog.records)


def test_the_live_build_refuses_to_go_without_the_editor(tmp_path):
    from klucz.strict_build.collector import BuildFailed

    content = scenario(tmp_path, "none", {"aktualnosci/a.md": "Title: A\nDate: 2026-11-03\n\nTekst.\n"})
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path / "out", content=content, CMS_BUNDLE=str(tmp_path / "brak"), CMS_REQUIRED=True)
    assert "CMS_REQUIRED" in str(failed.value) and "npm" in str(failed.value)


def test_the_build_lists_each_files_problems_for_the_editor(tmp_path):
    content = scenario(
        tmp_path,
        "none",
        {
            "aktualnosci/a.md": "Title: A\nDate: 2026-11-03\n\n![zdjęcie]({static}/images/a.png)\n",
        },
    )
    (content / "images").mkdir()
    shutil.copy(DATA / "bad_content" / "content" / "images" / "zdjecie.png", content / "images" / "a.png")
    out = build(tmp_path / "out", content=content, CMS_BUNDLE=str(BUNDLE.parent) if BUNDLE.exists() else None)
    if not BUNDLE.exists():
        pytest.skip("the editor's npm package is not installed")
    problems = json.loads((out / "admin" / "problemy.json").read_text(encoding="utf-8"))
    assert problems["errors"] == []
    assert any(line.startswith("aktualnosci/a.md:") and "zdjęcie" in line for line in problems["warnings"])


def test_a_git_host_the_editor_may_not_reach_stops_the_build(tmp_path):
    from klucz.strict_build.collector import BuildFailed

    content = scenario(tmp_path, "none", {"aktualnosci/a.md": "Title: A\nDate: 2026-11-03\n\nTekst.\n"})
    github = {"name": "github", "repo": "fundacja/klucz", "branch": "main", "base_url": "https://oauth.example.org"}
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path / "out", content=content, CMS_BUNDLE=str(BUNDLE.parent), CMS_BACKEND=github)
    assert "dopisz https://api.github.com do connect-src" in str(failed.value)
    gitea = {"name": "gitea", "repo": "fundacja/klucz"}
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path / "out2", content=content, CMS_BUNDLE=str(BUNDLE.parent), CMS_BACKEND=gitea)
    assert "api_root" in str(failed.value)


def test_the_live_editors_login_is_set_up_or_said():
    """Without an OAuth application the live editor's "Zaloguj się" opens
    another service's login: the live build says what is missing, with the
    steps, as a warning (the public site is fine)."""
    from klucz.cms.config import login_problem

    live = {"CMS_LOCAL_BACKEND": False, "SITEURL": "https://klucz.example.org"}
    missing = login_problem(settings(**live))
    assert missing is not None and "app_id" in missing[0]
    assert "adres powrotny https://klucz.example.org/admin/" in missing[1]
    gitlab = {"name": "gitlab", "repo": "iso/klucz", "branch": "main", "auth_type": "pkce", "app_id": "abc123"}
    assert login_problem(settings(**live, CMS_BACKEND=gitlab)) is None
    github = login_problem(settings(**live, CMS_BACKEND={"name": "github", "repo": "iso/klucz"}))
    assert github is not None and "base_url" in github[0]
    assert login_problem(settings(CMS_LOCAL_BACKEND=True)) is None  # make cms: no login


DATES = [
    "2026-11-03", "2026-11-03 10:00", "2026-11-03T10:00:00", "3.11.2026", "03.11.2026 10:00", "3.11.2026 r.",
    "3.11.2026 r., godz. 10:00", "10.02.2027, godz. 23.59", "14 lutego 2027 r., 10:00", "3 listopada 2026",
    "14 pazdziernika 2027", "14 października 2027 r.", "3 XI 2026", "3. listopada 2026",
    "03/11/2026", "11/03/2026 10:00", "3-11-2026", "11.03.26", "2026.11.03", "30.02.2027", "31.04.2027 10:00",
    "3.13.2026", "3.11.1850", "3.11.2026 25:00", "3 brumaire 2026", "jutro", "", "  ",
]


def test_the_editor_reads_dates_by_the_builds_rules_in_its_words():
    """The editor's date field (format.js, parseDate) and the build
    (polish_dates.parse_moment) on one list: the same dates accepted, read the
    same, and the same message and hint for each one refused."""
    if NODE is None:
        pytest.skip("Node.js is not installed (the CI machine has it)")
    from klucz.polish_dates import DateProblem, parse_moment

    script = ("const f=require(process.argv[1]);"
              "process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map(t=>f.parseDate(t))))")
    out = subprocess.run([NODE, "-e", script, str(ROOT / "plugins" / "cms" / "admin" / "format.js"),
                          json.dumps(DATES)], capture_output=True, text=True, check=True)
    editor = json.loads(out.stdout)
    for text, seen in zip(DATES, editor, strict=True):
        try:
            moment = parse_moment(text)
        except DateProblem as problem:
            assert (seen["ok"], seen["message"], seen["hint"]) == (False, problem.message, problem.hint), text
            continue
        iso = moment.value.strftime("%Y-%m-%d %H:%M" if moment.has_time else "%Y-%m-%d")
        assert (seen["ok"], seen["iso"], seen["hasTime"]) == (True, iso, moment.has_time), text


def test_text_pasted_from_word_is_cleaned_when_saved():
    """The editor cleans the text before saving (format.js cleanPasted):
    Word's bullet paragraphs become one list, no-break spaces plain ones,
    English and German quotes Polish; a text without them is left byte for byte."""
    if NODE is None:
        pytest.skip("Node.js is not installed (the CI machine has it)")
    texts = [
        "Projekt\u00a0“Razem” ruszył.\n\n·\u00a0\u00a0pierwszy punkt\n\n·\u00a0\u00a0drugi punkt\n\nKoniec „tak“.\n",
        "- luźna\n\n- lista\n\n„Cytat” i **pogrubienie**.\n",
    ]
    script = ("const f=require(process.argv[1]);"
              "process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map(t=>f.cleanPasted(t))))")
    out = subprocess.run([NODE, "-e", script, str(ROOT / "plugins" / "cms" / "admin" / "format.js"),
                          json.dumps(texts)], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [
        "Projekt „Razem” ruszył.\n\n- pierwszy punkt\n- drugi punkt\n\nKoniec „tak”.\n",
        texts[1],
    ]


def test_the_preview_says_a_trainings_dates_as_its_page_does():
    """The editor's preview (format.js dateRangePl) and the page
    (events.present.date_range_pl) on the same starts and ends."""
    if NODE is None:
        pytest.skip("Node.js is not installed (the CI machine has it)")
    import datetime as dt
    from types import SimpleNamespace

    from klucz.events.present import date_range_pl
    from klucz.polish_dates import parse_moment

    cases = [("2027-01-14 10:00", "2027-01-14 15:00"), ("14.01.2027 9:30", "15.01.2027 14:00"),
             ("2027-01-14", "2027-01-14"), ("2027-01-14", "2027-01-16"), ("2027-01-30", "2027-02-02"),
             ("2027-12-30", "2028-01-02")]
    script = ("const f=require(process.argv[1]);"
              "process.stdout.write(JSON.stringify(JSON.parse(process.argv[2]).map(c=>f.dateRangePl(c[0],c[1]))))")
    out = subprocess.run([NODE, "-e", script, str(ROOT / "plugins" / "cms" / "admin" / "format.js"),
                          json.dumps(cases)], capture_output=True, text=True, check=True)
    for (start, end), shown in zip(cases, json.loads(out.stdout), strict=True):
        a, b = parse_moment(start), parse_moment(end)
        t = SimpleNamespace(locale="pl_PL", all_day=not a.has_time,
                            start=a.value if a.has_time else a.value.date(),
                            end=b.value if b.has_time else b.value.date())
        assert isinstance(t.start, dt.date)
        assert shown == date_range_pl(t), (start, end)
