"""Authoring for staff: templates, preview marks, checks, encodings, atomic and
reproducible builds."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from klucz.commands.new import create
from klucz_harness.sitebuild import (
    LIVE_URL,
    REAL_PAYMENT_DETAILS,
    ROOT,
    SAMPLE,
    as_read,
    build,
    make_check,
    scenario,
    site_files,
    soup,
)

PYTHON = sys.executable
ENV = dict(os.environ)

# One file per mistake: (file, line, field, the exact message and its fix)
BAD_CONTENT = [
    ('aktualnosci/article_bad_date.md', 2, 'Date',
     '„31.13.2026”: miesiąc 13 nie istnieje (miesiące mają numery od 1 do 12) -> wpisz 2026-11-03 albo 3.11.2026 (z '
     'godziną: 2026-11-03 10:00 albo 3.11.2026 10:00)'),
    ('aktualnosci/article_html_img_without_alt.md', 4, 'obrazek',
     'znacznik <img> nie ma tekstu alternatywnego (alt) -> dodaj alt="opis tego, co widać na obrazku"'),
    ('aktualnosci/article_image_without_alt.md', 6, 'obrazek',
     'obrazek {static}/images/zdjecie.png nie ma tekstu alternatywnego -> opisz w nawiasach kwadratowych, co widać na '
     'obrazku: ![Uczestnicy szkolenia w sali](…)'),
    ('aktualnosci/article_link_to_missing_file.md', 4, '{static}/pliki/brak.pdf',
     'link do nieistniejącego pliku -> sprawdź nazwę pliku i folder (wielkość liter ma znaczenie)'),
    ('aktualnosci/article_link_to_missing_post.md', 4, '{filename}/aktualnosci/nie-ma-takiego.md',
     'link do nieistniejącego wpisu lub strony -> sprawdź nazwę pliku i folder (wielkość liter ma znaczenie)'),
    ('aktualnosci/article_missing_date.md', 1, 'Date',
     'brak daty publikacji -> dodaj wiersz z datą publikacji, np. Date: 2026-11-28 10:00 albo Date: 28.11.2026 10:00'),
    ('aktualnosci/article_missing_title.md', 1, 'Title',
     'brak tytułu -> dodaj na początku pliku wiersz Title: Tytuł wpisu'),
    ('aktualnosci/article_relative_image.md', 4, 'obrazek',
     'adres obrazka „zdjecie.png” nie zadziała na stronie -> wstaw obrazek z folderu images tak: '
     '![opis]({static}/images/nazwa.jpg)'),
    ('aktualnosci/article_same_url_b.md', 1, 'Title',
     'ten sam adres /aktualnosci/ten-sam-tytul/ ma już plik aktualnosci/article_same_url_a.md -> zmień tytuł albo '
     'dodaj w nagłówku Slug: inny-adres'),
    ('aktualnosci/article_unknown_donation.md', 3, 'Donation',
     'nie ma kampanii „nieznana” -> wpisz jeden z identyfikatorów z DONATIONS_CAMPAIGNS: dodaj-nam-mocy, swieta-2026 '
     '(albo off, żeby nie pokazywać wezwania)'),
    ('aktualnosci/date_month_word_wrong.md', 2, 'Date',
     '„3 listopadzie 2026”: „listopadzie” to nie jest nazwa miesiąca -> napisz miesiąc tak: 3 listopada 2026, albo '
     'wpisz 2026-11-03 lub 3.11.2026'),
    ('aktualnosci/date_no_such_day.md', 2, 'Date',
     '„30.02.2026”: 30 lutego 2026 nie istnieje: ten miesiąc ma 28 dni -> wpisz 2026-11-03 albo 3.11.2026 (z godziną: '
     '2026-11-03 10:00 albo 3.11.2026 10:00)'),
    ('aktualnosci/date_slash_form.md', 2, 'Date',
     '„11/03/2026 10:00”: w zapisie z ukośnikiem dzień i miesiąc łatwo zamienić (11/03 to 11 marca albo 3 listopada) '
     '-> wpisz 2026-11-03 albo 3.11.2026 (z godziną: 2026-11-03 10:00 albo 3.11.2026 10:00)'),
    ('aktualnosci/date_two_digit_year.md', 2, 'Date',
     '„03.11.26”: rok trzeba podać w całości (cztery cyfry) -> wpisz 2026-11-03 albo 3.11.2026 (z godziną: 2026-11-03 '
     '10:00 albo 3.11.2026 10:00)'),
    ('aktualnosci/document_name_with_space.md', 4, '{static}/pliki/Regulamin szkolenia.pdf',
     'nazwa pliku „Regulamin szkolenia.pdf” ma spację -> zmień nazwę pliku w folderze pliki/ na '
     'regulamin-szkolenia.pdf (małe litery bez polskich znaków, cyfry i myślniki) i tak samo popraw ten link'),
    ('aktualnosci/empty_file.md', 1, 'plik',
     'plik jest pusty -> wpisz nagłówek (Title:, Date:) i treść albo usuń plik'),
    ('aktualnosci/field_category.md', 3, 'Kategoria',
     'dział wpisu wynika z folderu, w którym leży plik -> usuń ten wiersz i przenieś plik do właściwego folderu: '
     'content/aktualnosci/, content/szkolenia/ albo content/wesprzyj/'),
    ('aktualnosci/field_polish_date.md', 2, 'Data',
     'to pole nazywa się Date (data publikacji: 2026-11-03 10:00 albo 3.11.2026 10:00; data w przyszłości = publikacja '
     'zaplanowana) -> zmień „Data:” na „Date:”'),
    ('aktualnosci/field_polish_title.md', 1, 'Tytuł',
     'to pole nazywa się Title (tytuł wpisu lub strony) -> zmień „Tytuł:” na „Title:”'),
    ('aktualnosci/field_polish_with_space.md', 3, 'Słowa kluczowe',
     'to pole nazywa się Tags (słowa kluczowe rozdzielone przecinkami) -> zmień „Słowa kluczowe:” na „Tags:”'),
    ('aktualnosci/field_typo.md', 3, 'Tgas',
     'nieznane pole – czy chodziło o Tags? -> popraw nazwę na „Tags:”'),
    ('aktualnosci/field_written_twice.md', 5, 'Tags',
     'pole wpisane drugi raz (pierwszy raz w wierszu 3) -> zostaw jeden wiersz Tags:'),
    ('aktualnosci/image_name_polish_letters.md', 4, '{static}/images/łódź.png',
     'nazwa pliku „łódź.png” ma polskie litery lub inne znaki specjalne -> zmień nazwę pliku w folderze images/ na '
     'lodz.png (małe litery bez polskich znaków, cyfry i myślniki) i tak samo popraw ten link'),
    ('aktualnosci/image_name_with_space.md', 6, '{static}/images/IMG 2031.JPG',
     'nazwa pliku „IMG 2031.JPG” ma spację -> zmień nazwę pliku w folderze images/ na img-2031.jpg (małe litery bez '
     'polskich znaków, cyfry i myślniki) i tak samo popraw ten link'),
    ('aktualnosci/slug_not_an_address.md', 3, 'Slug',
     '„Relacja z Łodzi” ma znaki, których w adresie nie używamy -> wpisz Slug: relacja-z-lodzi'),
    ('aktualnosci/title_empty.md', 1, 'Title',
     'tytuł jest pusty -> wpisz tytuł po „Title:”'),
    ('aktualnosci/title_without_letters.md', 1, 'Title',
     'z tytułu „???” nie powstanie adres strony (nie ma w nim liter ani cyfr) -> dodaj do tytułu słowa albo wiersz '
     'Slug: krotki-adres'),
    ('nowe/article_outside_known_folders.md', 1, 'plik',
     'plik leży poza znanymi folderami, więc nie trafi na stronę -> przenieś go do jednego z folderów: aktualnosci/, '
     'szkolenia/, wesprzyj/, pages/'),
    ('pages/page_slug_taken.md', 2, 'Slug',
     'adres /tagi/ należy już do listy tagów -> wpisz w wierszu Slug: inny adres'),
    ('szkolenia/training_end_before_start.md', 4, 'Event-End',
     '2027-01-10 10:00 jest wcześniej niż Event-Start 2027-01-14 10:00 -> koniec szkolenia musi być po jego początku'),
    ('szkolenia/training_field_typo.md', 7, 'Seats-Lfet',
     'nieznane pole – czy chodziło o Seats-Left? -> popraw nazwę na „Seats-Left:”'),
    ('szkolenia/training_us_date.md', 3, 'Event-Start',
     '„12/05/2027 10:00”: w zapisie z ukośnikiem dzień i miesiąc łatwo zamienić (11/03 to 11 marca albo 3 listopada) '
     '-> wpisz 2026-11-03 albo 3.11.2026 (z godziną: 2026-11-03 10:00 albo 3.11.2026 10:00)'),
]
# Mistakes that do not stop the build, but are said.
BAD_CONTENT_WARNINGS = [
    ('aktualnosci/image_alt_says_nothing.md', 4, 'obrazek',
     'tekst alternatywny „zdjęcie” nic nie mówi o obrazku {static}/images/zdjecie.png -> opisz, co widać i po co ten '
     'obrazek jest w tekście, np. ![Uczestniczki warsztatów przy stole z laptopami](…)'),
    ('aktualnosci/image_alt_says_nothing.md', 6, 'obrazek',
     'tekst alternatywny „IMG_2031” nic nie mówi o obrazku {static}/images/zdjecie.png -> opisz, co widać i po co ten '
     'obrazek jest w tekście, np. ![Uczestniczki warsztatów przy stole z laptopami](…)'),
]


def run_check(content, *extra):
    return make_check(content, *extra)[0]


@pytest.fixture(scope="module")
def check_output(tmp_path_factory):
    result = run_check(ROOT / "tests/data/bad_content/content")
    return result


def test_make_check_lists_every_problem_and_fails(check_output):
    assert check_output.returncode == 1
    errors = [row for row in check_output.stdout.splitlines() if row.startswith("BŁĄD: ")]
    assert len(errors) == len(BAD_CONTENT), check_output.stdout
    assert "Traceback" not in check_output.stdout + check_output.stderr
    assert f"Błędów: {len(BAD_CONTENT)}" in check_output.stdout


@pytest.mark.parametrize("path, line, field, message", BAD_CONTENT)
def test_each_message_names_file_line_and_field(check_output, path, line, field, message):
    prefix = f"BŁĄD: {path}:"
    matches = [row for row in check_output.stdout.splitlines() if row.startswith(prefix)]
    assert matches == [f"BŁĄD: {path}:{line}: {field}: {message}"], check_output.stdout
    assert " -> " in message


@pytest.mark.parametrize("path, line, field, message", BAD_CONTENT_WARNINGS)
def test_each_warning_names_file_line_and_field(check_output, path, line, field, message):
    assert f"UWAGA: {path}:{line}: {field}: {message}" in check_output.stdout.splitlines()


def test_check_passes_on_the_sample_content():
    result = run_check(SAMPLE)
    assert result.returncode == 0, result.stdout
    assert "Wszystko w porządku" in result.stdout


def test_make_check_passes_on_the_staff_content():
    """The one test that reads content/ (what staff keep in the editor):
    whatever they changed, `make check` must pass on main. Every other test
    builds its own site (tests/data/sample is the frozen sample)."""
    result = subprocess.run(["make", "-s", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
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
    # No wall of help: it is in the editor's form and the guide.
    assert "<!--" not in text and "Seats-Left" not in text and "Event-Sequence" not in text
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
    ready = "Title: Gotowy\nDate: 2026-11-01 10:00\n\nTekst.\n"
    content = scenario(tmp_path, "clean", {"aktualnosci/gotowy.md": ready})
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
    later = build(
        tmp_path / "later",
        content=content,
        conf="publishconf.py",
        BUILD_NOW="2026-12-05T09:00:00+01:00",
        **REAL_PAYMENT_DETAILS,
    )
    assert (later / "aktualnosci/zaplanowany/index.html").is_file()


def test_preview_shows_drafts_and_scheduled_posts_marked(tmp_path):
    content = scenario(tmp_path, "clean", SCHEDULED)
    preview = build(tmp_path / "preview", content=content, AUTHORING_PREVIEW=True)
    draft = soup(preview / "aktualnosci/szkic/index.html")
    assert "Szkic – widoczny tylko w podglądzie" in as_read(draft.select_one(".preview-badge").get_text())
    scheduled = soup(preview / "aktualnosci/zaplanowany/index.html")
    assert "pojawi się na stronie" in scheduled.select_one(".preview-badge").get_text()
    assert "5 grudnia 2026" in as_read(scheduled.select_one(".preview-badge").get_text())
    home = soup(preview / "index.html")
    assert [m.get_text(" ", strip=True).replace("\u00a0", " ") for m in home.select(".card .preview-mark")] == [
        "Zaplanowany na 5 grudnia 2026 r.",
        "Szkic",
    ]
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
    assert "Zażółć gęślą jaźń – Łódź, Sieradz." in as_read(page.select_one(".post__content").get_text())
    with_bom = soup(out / "aktualnosci/plik-z-bom/index.html")
    assert "Źdźbło" in with_bom.select_one(".post__content").get_text()
    warnings = [r.getMessage() for r in caplog.records if "Windows-1250" in r.getMessage()]
    assert warnings == [
        "aktualnosci/zapisany_w_windows_1250.md:1: plik: plik jest zapisany w kodowaniu Windows-1250; "
        "odczytaliśmy go poprawnie -> zapisz go jako UTF-8 (Notatnik: Plik → Zapisz jako → Kodowanie: UTF-8)"
    ]


def test_comments_for_staff_never_reach_the_page(tmp_path):
    content = scenario(
        tmp_path,
        "clean",
        {
            "aktualnosci/z_komentarzem.md": "Title: Z komentarzem\nDate: 2026-11-01 10:00\n\n<!-- notatka dla zespołu "
            "-->\nTekst.\n",
        },
    )
    out = build(tmp_path / "out", content=content)
    assert "notatka dla zespołu" not in (out / "aktualnosci/z-komentarzem/index.html").read_text(encoding="utf-8")


def test_oversized_image_warns(tmp_path, caplog):
    content = scenario(
        tmp_path,
        "clean",
        {
            "aktualnosci/z_duzym_zdjeciem.md": "Title: Duże zdjęcie\nDate: 2026-11-01 "
            "10:00\n\n![Sala]({static}/images/duze.jpg)\n",
        },
    )
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
    assert warnings[0].startswith(
        f"aktualnosci/z_duzym_zdjeciem.md:4: {{static}}/images/duze.jpg: obrazek ma {size_kb} KB"
    )


# --- nothing lost, reproducible ------------------------------------------------------


def make(target, content, output, **env):
    return subprocess.run(
        ["make", "-s", target, f"INPUTDIR={content}", f"OUTPUTDIR={output}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, **env),
    )


def test_failed_build_leaves_the_previous_site_untouched(tmp_path):
    content = scenario(tmp_path, "clean", {"aktualnosci/dobry.md": "Title: Dobry\nDate: 2026-11-01 10:00\n\nTekst.\n"})
    output = tmp_path / "output"
    first = make("html", content, output, BUILD_NOW="2026-11-28T12:00:00+01:00")
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    shutil.copy(ROOT / "tests/data/bad_content/content/aktualnosci/article_bad_date.md", content / "aktualnosci")
    (content / "aktualnosci/dobry.md").write_text(
        "Title: Dobry, zmieniony\nDate: 2026-11-01 10:00\n\nNowy.\n", encoding="utf-8"
    )
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
    assert make("html", SAMPLE, tmp_path / "a", **env).returncode == 0
    assert make("html", SAMPLE, tmp_path / "b", **env).returncode == 0
    a, b = site_files(tmp_path / "a"), site_files(tmp_path / "b")
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
    files, again = site_files(fresh), site_files(rebuilt)
    assert sorted(files) == sorted(again)
    assert [rel for rel in files if files[rel] != again[rel]] == []
    assert "Nowy program szkolenia." in (rebuilt / "szkolenia/szkolenie-jednodniowe-z-godzinami/index.html").read_text(
        encoding="utf-8"
    )
    # One cache per content folder: another folder does not see these posts.
    assert len([p for p in (tmp_path / "cache").iterdir() if p.is_dir()]) == 1


def _site_reader(**markdown_extra):
    """The staff reader with the site's Markdown as a build sets it up (the
    typography and the donation marker add their extensions when the build
    starts)."""
    from types import SimpleNamespace

    from pelican.settings import read_settings

    from klucz.authoring.encoding import StaffMarkdownReader
    from klucz.donations import enable_marker
    from klucz.typography.rules import enable_in_markdown

    site = SimpleNamespace(settings=read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(SAMPLE)}))
    enable_in_markdown(site)
    enable_marker(site)
    for name, config in markdown_extra.items():
        site.settings["MARKDOWN"] = dict(site.settings["MARKDOWN"], extension_configs={
            **site.settings["MARKDOWN"]["extension_configs"], name: config})
    return StaffMarkdownReader(site.settings)


def test_a_summary_of_plain_text_is_read_as_markdown_reads_it():
    """A one-line Summary of plain text skips Markdown's passes (not its
    postprocessors: the typography): its HTML is what Markdown makes of it,
    for the sample site's summaries and for thousands of made-up ones, with
    and without Markdown's signs; an extension that changes plain text turns
    the shortcut off."""
    import random

    from klucz.authoring.encoding import plain_paragraph

    reader = _site_reader()
    summaries = [line[len("Summary:"):].strip() for path in SAMPLE.rglob("*.md")
                 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("Summary:")]
    assert len(summaries) > 20
    assert reader.formatted_field(summaries[0]).startswith("<p>")
    assert reader.fields_plain and sum(map(plain_paragraph, summaries)) > len(summaries) // 2
    words = ["Szkolenie", " w Łodzi", " i ", " 10 000 zł", " (ul. Piotrkowska 1)", ", 2014-2020", ".", " - ",
             "„cytat”", ' "tak" ', "...", "e-PIT", " 91-408 Łódź", " Jana Pawła II", ": ", "1. ", "- ",
             "http://example.org", "a@b.pl", " 42 630 17 49", "! ", "? ", "= ", "'"]
    signs = ["* ", "**", "_", "`", "[link](/a/)", "<b>", "&", "&amp;", "# ", "> ", "|", "{: .x}", "[[wesprzyj]]",
             "\\", "  ", "\n", "\t", "\u00a0", "*[ABC]: x", "[^1]", "~~~", "---"]
    random.seed(7)
    texts = summaries + ["".join(random.choice(words + signs * (n % 2)) for _ in range(random.randint(1, 8)))
                         for n in range(3000)]
    shortcut = 0
    for text in texts:
        expected = reader.fields.reset().convert(text)
        assert reader.formatted_field(text) == expected, text
        shortcut += plain_paragraph(text)
    assert 500 < shortcut < len(texts) - 500  # both ways were taken, many times

    with_quotes = _site_reader(**{"markdown.extensions.smarty": {}})
    assert with_quotes.formatted_field("Powiedział 'tak'") == with_quotes.fields.reset().convert("Powiedział 'tak'")
    assert with_quotes.fields_plain is False
