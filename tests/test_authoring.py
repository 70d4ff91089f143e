"""Authoring for staff: templates, preview marks, checks, encodings, atomic and
reproducible builds."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from sitebuild import LIVE_URL, REAL_PAYMENT_DETAILS, ROOT, build, scenario, soup

sys.path.insert(0, str(ROOT / "plugins"))
from authoring.new import create  # noqa: E402

PYTHON = sys.executable
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))

# One file per mistake: (file, line, field, what the message says)
BAD_CONTENT = [
    ("aktualnosci/article_bad_date.md", 2, "Date", "„31.13.2026” to nie jest poprawna data"),
    ("aktualnosci/article_missing_date.md", 1, "Date", "brak daty publikacji"),
    ("aktualnosci/article_missing_title.md", 1, "Title", "brak tytułu"),
    ("aktualnosci/empty_file.md", 1, "plik", "plik jest pusty"),
    ("nowe/article_outside_known_folders.md", 1, "plik", "poza znanymi folderami"),
    ("aktualnosci/article_same_url_b.md", 1, "Title", "ten sam adres /aktualnosci/ten-sam-tytul/ ma już plik aktualnosci/article_same_url_a.md"),
    ("aktualnosci/article_link_to_missing_post.md", 4, "{filename}/aktualnosci/nie-ma-takiego.md", "link do nieistniejącego wpisu"),
    ("aktualnosci/article_link_to_missing_file.md", 4, "{static}/pliki/brak.pdf", "link do nieistniejącego pliku"),
    ("aktualnosci/article_image_without_alt.md", 6, "obrazek", "nie ma tekstu alternatywnego"),
    ("aktualnosci/article_html_img_without_alt.md", 4, "obrazek", "znacznik <img> nie ma tekstu alternatywnego"),
    ("aktualnosci/article_relative_image.md", 4, "obrazek", "adres obrazka „zdjecie.png” nie zadziała"),
    ("aktualnosci/article_unknown_donation.md", 3, "Donation", "nie ma kampanii „nieznana”"),
    ("szkolenia/training_end_before_start.md", 4, "Event-End", "jest wcześniej niż Event-Start"),
]


def run_check(content, *extra):
    return subprocess.run(
        [PYTHON, "-m", "authoring.check", "--content", str(content), *extra],
        cwd=ROOT, env=ENV, capture_output=True, text=True,
    )


@pytest.fixture(scope="module")
def check_output(tmp_path_factory):
    result = run_check(ROOT / "tests/data/bad_content/content")
    return result


def test_make_check_lists_every_problem_and_fails(check_output):
    assert check_output.returncode == 1
    errors = [l for l in check_output.stdout.splitlines() if l.startswith("BŁĄD: ")]
    assert len(errors) == len(BAD_CONTENT), check_output.stdout
    assert "Traceback" not in check_output.stdout + check_output.stderr
    assert f"Błędów: {len(BAD_CONTENT)}" in check_output.stdout


@pytest.mark.parametrize("path, line, field, message", BAD_CONTENT)
def test_each_message_names_file_line_and_field(check_output, path, line, field, message):
    prefix = f"BŁĄD: {path}:{line}: {field}: "
    matches = [l for l in check_output.stdout.splitlines() if l.startswith(prefix)]
    assert len(matches) == 1, check_output.stdout
    assert message in matches[0]
    assert " -> " in matches[0]


def test_check_passes_on_the_sample_content():
    result = run_check(ROOT / "content")
    assert result.returncode == 0, result.stdout
    assert "Wszystko w porządku" in result.stdout


def test_html_and_publish_fail_on_the_same_errors(tmp_path):
    content = ROOT / "tests/data/bad_content/content"
    with pytest.raises(SystemExit) as html:
        build(tmp_path / "html", content=content)
    with pytest.raises(SystemExit) as publish:
        build(tmp_path / "publish", content=content, conf="publishconf.py")
    html_problems, publish_problems = set(html.value.problems), set(publish.value.problems)
    assert len(html_problems) == len(BAD_CONTENT)
    # The live build refuses the sample's example payment details on top.
    extra = publish_problems - html_problems
    assert len(extra) == 1 and "dane do wpłat są przykładowe" in extra.pop()
    assert html_problems <= publish_problems


# --- templates -----------------------------------------------------------------

@pytest.mark.parametrize(
    "kind, folder",
    [("post", "aktualnosci"), ("training", "szkolenia"), ("appeal", "wesprzyj")],
)
def test_new_files_from_templates(tmp_path, kind, folder):
    now = dt.datetime(2026, 11, 28, 9, 30, tzinfo=ZoneInfo("Europe/Warsaw"))
    path = create(kind, "Łódzkie Targi Ekonomii  Społecznej", tmp_path / "content", now=now)
    assert path == str(tmp_path / "content" / folder / "2026-11-28-lodzkie-targi-ekonomii-spolecznej.md")
    text = open(path, encoding="utf-8").read()
    assert text.startswith("Title: Łódzkie Targi Ekonomii Społecznej\nDate: 2026-11-28 09:30\nStatus: draft\n")
    assert "<!--" in text and "usuń wiersz" in text
    if kind == "training":
        for field in ("Event-Start", "Event-End", "Event-Location", "Event-UID", "Registration-Deadline", "Capacity"):
            assert f"\n{field}: " in text
    with pytest.raises(FileExistsError):
        create(kind, "Łódzkie Targi Ekonomii Społecznej", tmp_path / "content", now=now)
    assert open(path, encoding="utf-8").read() == text


def test_make_newpost_never_overwrites(tmp_path):
    content = tmp_path / "content"
    command = ["make", "-s", "newtraining", f"INPUTDIR={content}", "TITLE=Warsztaty z księgowości"]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    (created,) = (content / "szkolenia").glob("*.md")
    created.write_text(created.read_text(encoding="utf-8") + "\nMoja treść.\n", encoding="utf-8")
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert second.returncode != 0
    assert "już istnieje" in second.stderr
    assert created.read_text(encoding="utf-8").endswith("Moja treść.\n")


def test_new_posts_build_cleanly_as_drafts(tmp_path):
    content = scenario(tmp_path, "clean", {"aktualnosci/gotowy.md": "Title: Gotowy\nDate: 2026-11-01 10:00\n\nTekst.\n"})
    now = dt.datetime(2026, 11, 28, 9, 30, tzinfo=ZoneInfo("Europe/Warsaw"))
    for kind in ("post", "training", "appeal"):
        create(kind, f"Nowy {kind}", content, now=now)
    public = build(tmp_path / "public", content=content)
    assert not (public / "aktualnosci/nowy-post/index.html").exists()
    preview = build(tmp_path / "preview", content=content, AUTHORING_PREVIEW=True)
    page = soup(preview / "szkolenia/nowy-training/index.html")
    assert "Szkic" in page.select_one(".preview-badge").get_text()
    assert page.select_one("section.signup")


# --- drafts and scheduling --------------------------------------------------------

SCHEDULED = {
    "aktualnosci/opublikowany.md": "Title: Opublikowany\nDate: 2026-11-01 10:00\n\nJuż widać.\n",
    "aktualnosci/zaplanowany.md": "Title: Zaplanowany\nDate: 2026-12-05 08:00\n\nJeszcze nie.\n",
    "aktualnosci/szkic.md": "Title: Szkic\nDate: 2026-11-02 10:00\nStatus: draft\n\nRoboczy.\n",
    "pages/szkic-strony.md": "Title: Szkic strony\nStatus: draft\n\nRoboczy.\n",
}


def test_drafts_and_scheduled_posts_stay_off_the_live_site(tmp_path):
    content = scenario(tmp_path, "clean", SCHEDULED)
    live = build(tmp_path / "live", content=content, conf="publishconf.py", **REAL_PAYMENT_DETAILS)
    everything = "".join(p.read_text(encoding="utf-8") for p in live.rglob("*") if p.suffix in (".html", ".xml"))
    assert "Opublikowany" in everything
    for hidden in ("Zaplanowany", "Szkic", "Roboczy", "Jeszcze nie"):
        assert hidden not in everything, hidden
    assert not (live / "szkice").exists()
    later = build(tmp_path / "later", content=content, conf="publishconf.py",
                  BUILD_NOW="2026-12-05T09:00:00+01:00", **REAL_PAYMENT_DETAILS)
    assert (later / "aktualnosci/zaplanowany/index.html").is_file()


def test_preview_shows_drafts_and_scheduled_posts_marked(tmp_path):
    content = scenario(tmp_path, "clean", SCHEDULED)
    preview = build(tmp_path / "preview", content=content, AUTHORING_PREVIEW=True)
    draft = soup(preview / "aktualnosci/szkic/index.html")
    assert "Szkic – widoczny tylko w podglądzie" in draft.select_one(".preview-badge").get_text()
    scheduled = soup(preview / "aktualnosci/zaplanowany/index.html")
    assert "pojawi się na stronie" in scheduled.select_one(".preview-badge").get_text()
    assert "5 grudnia 2026" in scheduled.select_one(".preview-badge").get_text()
    home = soup(preview / "index.html")
    assert len(home.select(".card .preview-badge")) == 2
    assert (preview / "szkic-strony/index.html").is_file()


# --- encodings -------------------------------------------------------------------

def test_windows_1250_and_bom_files_read_right(tmp_path, caplog):
    content = scenario(tmp_path, "clean")
    (content / "aktualnosci").mkdir(parents=True, exist_ok=True)
    text = "Title: Spotkanie w Łodzi\nDate: 2026-11-01 10:00\n\nZażółć gęślą jaźń – Łódź, Sieradz.\n"
    (content / "aktualnosci/zapisany_w_windows_1250.md").write_bytes(text.encode("cp1250"))
    bom = text.replace("Spotkanie w Łodzi", "Plik z BOM").replace("Zażółć", "Źdźbło")
    (content / "aktualnosci/zapisany_z_bom.md").write_bytes(b"\xef\xbb\xbf" + bom.encode("utf-8"))
    import logging

    with caplog.at_level(logging.WARNING):
        out = build(tmp_path / "out", content=content)
    page = soup(out / "aktualnosci/spotkanie-w-lodzi/index.html")
    assert page.find("h1").get_text() == "Spotkanie w\u00a0Łodzi"
    assert "Zażółć gęślą jaźń – Łódź, Sieradz." in page.select_one(".post__content").get_text()
    with_bom = soup(out / "aktualnosci/plik-z-bom/index.html")
    assert "Źdźbło" in with_bom.select_one(".post__content").get_text()
    warnings = [r.getMessage() for r in caplog.records if "Windows-1250" in r.getMessage()]
    assert warnings == [
        "aktualnosci/zapisany_w_windows_1250.md:1: plik: plik jest zapisany w kodowaniu Windows-1250; "
        "odczytaliśmy go poprawnie -> zapisz go jako UTF-8 (Notatnik: Plik → Zapisz jako → Kodowanie: UTF-8)"
    ]


def test_comments_for_staff_never_reach_the_page(tmp_path):
    content = scenario(tmp_path, "clean", {
        "aktualnosci/z_komentarzem.md": "Title: Z komentarzem\nDate: 2026-11-01 10:00\n\n<!-- notatka dla zespołu -->\nTekst.\n",
    })
    out = build(tmp_path / "out", content=content)
    assert "notatka dla zespołu" not in (out / "aktualnosci/z-komentarzem/index.html").read_text(encoding="utf-8")


def test_oversized_image_warns(tmp_path, caplog):
    content = scenario(tmp_path, "clean", {
        "aktualnosci/z_duzym_zdjeciem.md": "Title: Duże zdjęcie\nDate: 2026-11-01 10:00\n\n![Sala]({static}/images/duze.jpg)\n",
    })
    (content / "images").mkdir(exist_ok=True)
    from PIL import Image

    noise = Image.frombytes("RGB", (700, 700), bytes(range(256)) * (700 * 700 * 3 // 256) + bytes(700 * 700 * 3 % 256))
    noise = noise.effect_spread(40)
    noise.save(content / "images/duze.jpg", quality=100, subsampling=0)
    size_kb = (content / "images/duze.jpg").stat().st_size // 1024
    assert size_kb > 500
    import logging

    with caplog.at_level(logging.WARNING):
        build(tmp_path / "out", content=content)
    warnings = [r.getMessage() for r in caplog.records if "obrazek ma" in r.getMessage()]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"aktualnosci/z_duzym_zdjeciem.md:4: {{static}}/images/duze.jpg: obrazek ma {size_kb} KB")


# --- nothing lost, reproducible ------------------------------------------------------

def make(target, content, output, **env):
    return subprocess.run(
        ["make", "-s", target, f"INPUTDIR={content}", f"OUTPUTDIR={output}"],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, **env),
    )


def test_failed_build_leaves_the_previous_site_untouched(tmp_path):
    content = scenario(tmp_path, "clean", {"aktualnosci/dobry.md": "Title: Dobry\nDate: 2026-11-01 10:00\n\nTekst.\n"})
    output = tmp_path / "output"
    first = make("html", content, output, BUILD_NOW="2026-11-28T12:00:00+01:00")
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    shutil.copy(ROOT / "tests/data/bad_content/content/aktualnosci/article_bad_date.md", content / "aktualnosci")
    (content / "aktualnosci/dobry.md").write_text("Title: Dobry, zmieniony\nDate: 2026-11-01 10:00\n\nNowy.\n", encoding="utf-8")
    failed = make("html", content, output, BUILD_NOW="2026-11-28T12:00:00+01:00")
    assert failed.returncode != 0
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert not (tmp_path / "output.new").exists()
    failed_publish = make("publish", content, output, SITEURL=LIVE_URL)
    assert failed_publish.returncode != 0
    assert {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()} == before


def test_two_builds_with_the_same_now_are_byte_identical(tmp_path):
    env = {"BUILD_NOW": "2026-11-28T12:00:00+01:00"}
    assert make("html", ROOT / "content", tmp_path / "a", **env).returncode == 0
    assert make("html", ROOT / "content", tmp_path / "b", **env).returncode == 0
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a.keys() == b.keys() and len(a) > 50
    assert [k for k in a if a[k] != b[k]] == []


def test_cached_rebuild_after_an_edit_equals_a_fresh_build(tmp_path):
    content = scenario(tmp_path, "trainings")
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache")}
    build(tmp_path / "warm", content=content, **cached)
    source = content / "szkolenia/training_timed.md"
    text = source.read_text(encoding="utf-8").replace("Program szkolenia.", "Nowy program szkolenia.")
    source.write_text(text, encoding="utf-8")
    os.utime(source, (source.stat().st_atime + 5, source.stat().st_mtime + 5))
    rebuilt = build(tmp_path / "rebuilt", content=content, **cached)
    fresh = build(tmp_path / "fresh", content=content)
    files = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(rebuilt) for p in rebuilt.rglob("*") if p.is_file())
    for rel in files:
        assert (rebuilt / rel).read_bytes() == (fresh / rel).read_bytes(), rel
    assert "Nowy program szkolenia." in (rebuilt / "szkolenia/szkolenie-jednodniowe-z-godzinami/index.html").read_text(encoding="utf-8")
    # One cache per content folder: another folder does not see these posts.
    assert len([p for p in (tmp_path / "cache").iterdir() if p.is_dir()]) == 1


# --- reading in several processes ----------------------------------------------

def _many_posts(tmp_path, count=80):
    files = {
        f"aktualnosci/wpis_{i:03d}.md": (
            f"Title: Wpis numer {i}\nDate: 2026-{1 + i % 10:02d}-{1 + i % 27:02d} 10:00\nTags: doradztwo, targi\n"
            f"Summary: Krótko o \"spotkaniu\" {i} - w Łodzi.\n\n"
            f"Spotkanie w Łodzi i okolicach, numer {i}. Mamy 10 000 zł i 42 630 17 49.\n\n"
            "## Program\n\n- doradztwo\n- [[wesprzyj]]\n\nKoniec.\n"
        )
        for i in range(count)
    }
    content = scenario(tmp_path, "clean", files)
    text = "Title: Spotkanie w Łodzi\nDate: 2026-11-01 10:00\n\nZażółć gęślą jaźń.\n"
    (content / "aktualnosci/zapisany_w_windows_1250.md").write_bytes(text.encode("cp1250"))
    return content


def test_reading_in_worker_processes_gives_the_same_site(tmp_path, caplog):
    import logging

    content = _many_posts(tmp_path)
    with caplog.at_level(logging.WARNING):
        two = build(tmp_path / "two", content=content, AUTHORING_READ_PROCESSES=2)
    # The workers' warnings reach this process, once each. (Pelican shows a
    # warning once per process, so the parallel build goes first.)
    assert len([r for r in caplog.records if "zapisany_w_windows_1250.md:1: plik" in r.getMessage()]) == 1
    one = build(tmp_path / "one", content=content, AUTHORING_READ_PROCESSES=0)
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert len(files) > 80
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert [f for f in files if (one / f).read_bytes() != (two / f).read_bytes()] == []
    page = (two / "aktualnosci/wpis-numer-7/index.html").read_text(encoding="utf-8")
    assert "10\u00a0000\u00a0zł" in page and "„spotkaniu”" in page


def test_reading_in_worker_processes_reports_the_same_errors(tmp_path):
    from strict_build.collector import BuildFailed

    content = _many_posts(tmp_path)
    shutil.copy(ROOT / "tests/data/bad_content/content/aktualnosci/article_bad_date.md", content / "aktualnosci")
    shutil.copy(ROOT / "tests/data/bad_content/content/aktualnosci/article_unknown_donation.md", content / "aktualnosci")
    failures = []
    for processes in (0, 2):
        with pytest.raises(BuildFailed) as failed:
            build(tmp_path / f"out{processes}", content=content, AUTHORING_READ_PROCESSES=processes)
        failures.append(failed.value.problems)
    assert failures[0] == failures[1]
    assert any("article_bad_date.md:2: Date" in p for p in failures[1])
    assert any("article_unknown_donation.md:3: Donation" in p for p in failures[1])
