"""The web editor as a staff member uses it: `make cms` (the editor's local
proxy writing into a checkout, beside the live preview), /admin/ in Chromium,
a training created through the form with every field a training needs and a
picture, saved; the file has exactly the expected header, `make check` passes,
the built page shows its date, place and sign-up box; a wrong date is shown in
the editor's preview in Polish; an existing post's title edited changes that
line only; the home page's heading changed in its own form. Nothing is
requested from outside the computer.

SCREENSHOTS=docs/img/edytor keeps the pictures the staff guide shows."""

import datetime as dt
import difflib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from klucz_harness.servers import free_port, stop_process
from klucz_harness.sitebuild import ROOT, SAMPLE, as_read

pytestmark = pytest.mark.browser

PROXY = ROOT / "editor" / "node_modules" / "decap-server" / "dist" / "index.js"
BUNDLE = ROOT / "editor" / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
TITLE = "Biznesplan spółdzielni socjalnej – warsztaty"
SLUG = "biznesplan-spoldzielni-socjalnej-warsztaty"


def wait_for(check, seconds=60, what="warunek"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(f"nie doczekano się: {what}")


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """`make cms` on a copy of the checkout's content."""
    if not (PROXY.exists() and BUNDLE.exists()):
        if os.environ.get("CI"):
            pytest.fail("the editor's npm packages are missing: make test installs them with npm")
        pytest.skip("npm packages of the editor not installed (make installs them when npm exists)")
    checkout = tmp_path_factory.mktemp("checkout")
    shutil.copytree(SAMPLE, checkout / "content")
    port, proxy_port = free_port(), free_port()
    log = open(checkout / "cms.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "klucz.commands.cms", "-s", "pelicanconf.py", "--content", str(checkout / "content"),
         "--output", str(checkout / "podglad"), "--port", str(port), "--proxy-port", str(proxy_port)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(base + "/admin/config.yml"), 90, "podgląd z edytorem")
        yield base, checkout / "content"
    finally:
        stop_process(process)
        log.close()
    # Stopping the editor stops its proxy too (else decap-server outlives it).
    wait_for(lambda: not port_open(proxy_port), 10, "zatrzymanie decap-server")


@pytest.fixture
def page(browser, editor):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id="Europe/Warsaw",
                                  locale="pl-PL")
    page = context.new_page()
    page.outside = []
    page.errors = []

    def watch(request):
        if not request.url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:")):
            page.outside.append(request.url)

    page.on("request", watch)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(editor[0] + "/admin/")
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_selector("text=Szkolenia")
    yield page
    context.close()


def shoot(page, name):
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def field(page, label):
    """The input of the form field whose label starts with `label`."""
    labels = page.locator("label").filter(has_text=label)
    labels.first.wait_for()
    for i in range(labels.count()):
        text = labels.nth(i).inner_text().strip().lower()
        if text.startswith(label.lower()):
            return page.locator(f"#{labels.nth(i).get_attribute('for')}")
    raise AssertionError(f"no field {label!r}")


def choose(page, label, option):
    box = field(page, label)
    box.click()
    page.get_by_role("option", name=option, exact=True).click()


def set_date(page, label, value):
    """As a person does with the date field: the old date replaced by the new."""
    box = field(page, label)
    box.fill(value)


def save(page):
    page.wait_for_selector("text=Niezapisane zmiany")
    page.get_by_role("button", name="Opublikuj", exact=True).click()
    page.get_by_text("Opublikuj teraz", exact=True).click()
    page.wait_for_selector("text=Zmiany zapisane", timeout=30000)
    # Decap reads the saved entry back and draws the form again.
    page.get_by_role("button", name="Opublikowane").wait_for()
    page.wait_for_load_state("networkidle")


def test_a_training_created_in_the_editor_builds_as_written(page, editor, tmp_path):
    base, content = editor
    page.goto(base + "/admin/#/collections/szkolenia/new")
    page.wait_for_selector('[data-slate-editor="true"]')
    field(page, "Tytuł").fill(TITLE)
    field(page, "Data publikacji").fill("2026-11-20T09:30")
    field(page, "Tagi").fill("spółdzielnie socjalne, biznesplan")
    field(page, "Zajawka").fill("Jak policzyć przychody i koszty spółdzielni socjalnej na pierwsze dwa lata.")
    field(page, "Początek").fill("2027-02-10T10:00")
    field(page, "Koniec").first.fill("2027-02-10T15:00")
    field(page, "Miejsce").fill("Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź")
    choose(page, "Status szkolenia", "odbędzie się zgodnie z planem")
    field(page, "Cena").fill("0")
    field(page, "Dla kogo").fill("członkowie spółdzielni socjalnych i osoby, które je zakładają")
    field(page, "Adres e-mail na zgłoszenia").fill("szkolenia@instytutsprawobywatelskich.pl")
    field(page, "Koniec zapisów").fill("2027-02-05T23:59")
    field(page, "Liczba miejsc").fill("20")
    choose(page, "Stan zapisów", "otwarte")
    editor_box = page.locator('[data-slate-editor="true"]')
    editor_box.click()
    page.keyboard.type("Na warsztatach każdy policzy biznesplan swojej spółdzielni.")
    page.keyboard.press("Enter")
    page.get_by_title("Dodaj komponent").click()
    page.get_by_role("menuitem", name="Pole wsparcia (Dodaj nam MOCy!)").click()
    page.get_by_title("Dodaj komponent").click()
    page.get_by_role("menuitem", name="Obraz").click()
    picture = tmp_path / "sala-warsztatowa.jpg"
    from PIL import Image

    Image.new("RGB", (800, 500), (30, 110, 90)).save(picture, quality=80)
    page.get_by_label("pole treści").get_by_role("button", name="Wybierz zdjęcie").click()
    page.locator('input[type="file"]').set_input_files(str(picture))
    page.get_by_role("button", name="Wybierz zaznaczone").click()
    field(page, "Co widać na obrazku").fill("Sala warsztatowa Centrum KLUCZ z zielonymi ścianami")
    # The post's own picture: the same library, kept as the header writes it
    # (images/…). The text's picture now offers "Zmień zdjęcie"; the button
    # left is the post's own.
    page.get_by_role("button", name="Wybierz zdjęcie", exact=True).click()
    page.get_by_text("sala-warsztatowa.jpg").first.click()
    page.get_by_role("button", name="Wybierz zaznaczone").click()
    field(page, "Opis zdjęcia").fill("Sala warsztatowa z zielonymi ścianami, krzesła w kręgu")
    shown = page.frame_locator("iframe").first.locator("figure.post__figure img")
    shown.wait_for()
    assert shown.get_attribute("alt") == "Sala warsztatowa z zielonymi ścianami, krzesła w kręgu"
    assert shown.evaluate("img => img.complete && img.naturalWidth") == 800
    shoot(page, "1-nowe-szkolenie")
    save(page)
    shoot(page, "2-zapisane")

    # Named as `make newtraining` names files: the post's date and its title.
    path = content / "szkolenia" / f"2026-11-20-{SLUG}.md"
    wait_for(path.exists, 10, f"plik {path.name}")
    header, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    assert header == (
        f"Title: {TITLE}\n"
        "Date: 2026-11-20 09:30\n"
        "Tags: spółdzielnie socjalne, biznesplan\n"
        "Summary: Jak policzyć przychody i koszty spółdzielni socjalnej na pierwsze dwa lata.\n"
        "Image: images/sala-warsztatowa.jpg\n"
        "Image-Alt: Sala warsztatowa z zielonymi ścianami, krzesła w kręgu\n"
        "Event-Start: 2027-02-10 10:00\n"
        "Event-End: 2027-02-10 15:00\n"
        "Event-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\n"
        "Event-Status: scheduled\n"
        "Event-Price: 0\n"
        "Event-Audience: członkowie spółdzielni socjalnych i osoby, które je zakładają\n"
        "Registration-Email: szkolenia@instytutsprawobywatelskich.pl\n"
        "Registration-Deadline: 2027-02-05 23:59\n"
        "Capacity: 20\n"
        "Registration-Status: open"
    )
    # The text: the paragraph, then the two blocks in the order the editor
    # put them (it depends on where the cursor was left), each on its own.
    blocks = body.rstrip("\n").split("\n\n")
    assert body.endswith("\n") and not body.endswith("\n\n")
    assert blocks[0] == "Na warsztatach każdy policzy biznesplan swojej spółdzielni."
    assert sorted(blocks[1:]) == [
        "![Sala warsztatowa Centrum KLUCZ z zielonymi ścianami]({static}/images/sala-warsztatowa.jpg)",
        "[[wesprzyj]]",
    ]
    # Saved as the browser made it (at most CMS_IMAGE_MAX_WIDTH wide, metadata out): the same picture.
    with Image.open(content / "images" / "sala-warsztatowa.jpg") as kept:
        assert kept.size == (800, 500)

    check = subprocess.run(
        [sys.executable, "-m", "klucz.commands.check", "-s", "pelicanconf.py", "--content", str(content)],
        cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr

    # The live preview rebuilt itself: the training's page as visitors will see it.
    html = as_read(wait_for(lambda: fetch(f"{base}/szkolenia/{SLUG}/"), 60, "strona szkolenia w podglądzie"))
    assert "10 lutego 2027" in html
    assert "Pomorska 40" in html
    assert 'class="signup signup--' in html
    assert "/images/sala-warsztatowa" in html
    assert '<figure class="post__figure"><img src="/images/sala-warsztatowa' in html
    assert "donation--w-tekscie" in html  # the box where the editor put it

    # A deadline after the start: said under the field as it is typed, in the
    # build's words with the form's labels, and the editor will not save it.
    before = path.read_bytes()
    field(page, "Koniec zapisów").fill("12.02.2027 23:59")
    said = page.get_by_role("alert").filter(has_text="termin zgłoszeń")
    assert said.inner_text() == ("termin zgłoszeń 12.02.2027 23:59 jest po rozpoczęciu szkolenia (10.02.2027 10:00) "
                                 "– ustaw termin zgłoszeń przed „Początek”")
    shoot(page, "3-problem-w-formularzu")
    page.get_by_role("button", name="Opublikuj", exact=True).click()
    page.get_by_text("Opublikuj teraz", exact=True).click()
    page.wait_for_timeout(3000)
    assert path.read_bytes() == before
    assert page.get_by_text("Niezapisane zmiany").is_visible()
    # Decap rejects a save it stopped with an unnamed error (its own way, also for an empty required field).
    page.errors[:] = [e for e in page.errors if e != "undefined"]
    set_date(page, "Koniec zapisów", "6.02.2027 23:59")
    assert said.count() == 0
    save(page)
    assert "\nRegistration-Deadline: 2027-02-06 23:59\n" in path.read_text(encoding="utf-8")

    assert page.outside == []
    assert page.errors == []


def test_changing_a_title_changes_that_line_only(page, editor):
    base, content = editor
    path = content / "aktualnosci" / "2026-11-10-targi-ekonomii-spolecznej-relacja.md"
    before = path.read_bytes()
    page.goto(base + "/admin/#/collections/aktualnosci")
    page.get_by_text("Targi Ekonomii Społecznej", exact=False).first.wait_for()
    shoot(page, "0-lista-wpisow")
    page.goto(base + "/admin/#/collections/aktualnosci/entries/2026-11-10-targi-ekonomii-spolecznej-relacja")
    title = field(page, "Tytuł")
    title.wait_for()
    old_title = title.input_value()
    title.fill(old_title + " (poprawione)")
    shoot(page, "4-edycja-wpisu")
    save(page)
    wait_for(lambda: path.read_bytes() != before, 10, "zapis pliku")
    old_lines = before.decode("utf-8").splitlines(keepends=True)
    new_lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(old_lines) == len(new_lines)
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert changed == [(f"Title: {old_title}\n", f"Title: {old_title} (poprawione)\n")]
    assert page.outside == []


def test_a_file_the_editor_cannot_read_is_never_rewritten(page, editor):
    base, content = editor
    old = content / "aktualnosci" / "2016-01-01-stary-wpis.md"
    data = "Title: Zażółć gęślą jaźń\nDate: 2016-01-01\n\nŁódź.\n".encode("cp1250")
    old.write_bytes(data)
    try:
        page.goto(base + "/admin/#/collections/aktualnosci/entries/2016-01-01-stary-wpis")
        # The editor's own word on the file (the preview's last check may list
        # its warning about the encoding beside it, in a box of its own).
        box = page.frame_locator("iframe").first.locator(".edytor-uwagi", has_text="nie da się otworzyć w edytorze")
        box.wait_for()
        assert "nie jest zapisany w UTF-8" in box.inner_text()
        # A hurried staff member fills in the empty form Decap shows and saves.
        field(page, "Tytuł").fill("Nowy tytuł")
        field(page, "Data publikacji").fill("2016-01-01T10:00")
        page.get_by_role("button", name="Opublikuj", exact=True).click()
        page.get_by_text("Opublikuj teraz", exact=True).click()
        page.get_by_text("Nie udało się zapisać pozycji").first.wait_for()
        assert "nie jest zapisany w UTF-8" in page.get_by_text("Nie udało się zapisać pozycji").first.inner_text()
        assert old.read_bytes() == data
    finally:
        old.unlink(missing_ok=True)  # the next tests read every file of this folder as UTF-8


def test_a_copied_training_is_a_new_training(page, editor):
    """"Zduplikuj" on a training: the copy gets no Event-UID of the original (the
    build gives the new file its own), no Seats-Left, and today's date."""
    base, content = editor
    original = content / "szkolenia" / "2026-11-20-abc-ekonomii-spolecznej-styczen-2027.md"
    before = original.read_bytes()
    page.goto(base + "/admin/#/collections/szkolenia/entries/2026-11-20-abc-ekonomii-spolecznej-styczen-2027")
    field(page, "Tytuł").wait_for()
    page.get_by_role("button", name="Opublikowane").click()
    page.get_by_text("Zduplikuj", exact=True).click()
    page.wait_for_url("**/new**")
    field(page, "Tytuł").fill("ABC Ekonomii Społecznej – Piotrków Trybunalski")
    set_date(page, "Początek", "2027-03-04T10:00")
    set_date(page, "Koniec", "2027-03-04T15:00")
    set_date(page, "Koniec zapisów", "2027-03-01T23:59")
    save(page)
    today = dt.date.today()
    path = content / "szkolenia" / f"{today:%Y-%m-%d}-abc-ekonomii-spolecznej-piotrkow-trybunalski.md"
    wait_for(path.exists, 10, f"plik {path.name}")
    header = dict(line.split(": ", 1) for line in path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines())
    assert "Event-UID" not in header and "Seats-Left" not in header
    assert header["Date"].startswith(f"{today:%Y-%m-%d} ")
    assert header["Capacity"] == "20" and header["Event-Start"] == "2027-03-04 10:00"
    assert original.read_bytes() == before
    check = subprocess.run(
        [sys.executable, "-m", "klucz.commands.check", "-s", "pelicanconf.py", "--content", str(content)],
        cwd=ROOT, capture_output=True, text=True)
    assert "BŁĄD" not in check.stdout, check.stdout
    path.unlink()
    assert page.errors == []


def test_a_phones_big_photo_is_made_smaller_before_it_enters_the_repository(page, editor, tmp_path):
    """A 4000×3000 photo of several MB with the phone's location in it: saved
    1600 px wide, far smaller, without the location."""
    base, content = editor
    photo = tmp_path / "img-20261204-101500.jpg"
    from PIL import Image

    picture = Image.effect_noise((4000, 3000), 60).convert("RGB")
    exif = picture.getexif()
    exif[0x010F] = "Telefon"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 46.0, 0.0), 3: "E", 4: (19.0, 27.0, 0.0)}  # GPS: Łódź
    picture.save(photo, quality=95, exif=exif)
    size = photo.stat().st_size
    assert size > 3_000_000
    page.goto(base + "/admin/#/collections/aktualnosci/new")
    page.wait_for_selector('[data-slate-editor="true"]')
    field(page, "Tytuł").fill("Zdjęcie z telefonu")
    field(page, "Data publikacji").fill("2026-11-22 09:00")
    page.get_by_role("button", name="Wybierz zdjęcie", exact=True).click()
    page.locator('input[type="file"]').set_input_files(str(photo))
    page.get_by_role("button", name="Wybierz zaznaczone").click()
    field(page, "Opis zdjęcia").fill("Szum na zdjęciu testowym")
    page.locator('[data-slate-editor="true"]').click()
    page.keyboard.type("Tekst.")
    save(page)
    saved = content / "images" / photo.name
    wait_for(saved.exists, 30, "zapis zdjęcia")
    wait_for(lambda: saved.stat().st_size > 0, 10, "całe zdjęcie")
    (content / "aktualnosci" / "2026-11-22-zdjecie-z-telefonu.md").unlink()
    with Image.open(saved) as kept:
        assert kept.size == (1600, 1200)
        assert not kept.getexif().get(0x8825) and not kept.getexif().get(0x010F)
    assert saved.stat().st_size < size / 3
    saved.unlink()


def test_text_pasted_from_word_is_cleaned(browser, editor):
    """Word's HTML on the clipboard (English quotes, no-break spaces, a list as
    paragraphs starting with "·", bold as Word gives it: <b> around a span
    whose style says mso-bidi-font-weight:normal; bold as a span's font weight,
    as Google Docs gives it, inside its <b style="font-weight:normal"> wrapper),
    pasted with Ctrl+V: the file gets Polish quotes, plain spaces, a Markdown
    list and both bolds kept, and nothing else made bold."""
    base, content = editor
    word = ('<html><body><p class=MsoNormal>Projekt&nbsp;“Razem” ruszył w&nbsp;maju.</p>'
            '<p class=MsoNormal>Zapisy do <b><span style=\'mso-bidi-font-weight:normal\'>piątku</span></b>.</p>'
            '<b style="font-weight:normal;" id="docs-internal-guid-1"><p>Wstęp <span style="font-weight:700">'
            'bezpłatny</span>.</p></b>'
            '<p class=MsoListParagraph>·<span>&nbsp;&nbsp;&nbsp;</span>pierwszy punkt</p>'
            '<p class=MsoListParagraph>·<span>&nbsp;&nbsp;&nbsp;</span>drugi punkt</p></body></html>')
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id="Europe/Warsaw",
                                  locale="pl-PL")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    path = content / "aktualnosci" / "2026-11-23-wklejony-tekst-z-worda.md"
    try:
        page.goto(base + "/admin/")
        page.get_by_role("button", name="Zaloguj się").click()
        page.wait_for_selector("text=Szkolenia")
        page.goto(base + "/admin/#/collections/aktualnosci/new")
        page.wait_for_selector('[data-slate-editor="true"]')
        field(page, "Tytuł").fill("Wklejony tekst z Worda")
        field(page, "Data publikacji").fill("23.11.2026 10:00")
        page.evaluate("""async (html) => navigator.clipboard.write([new ClipboardItem({
            'text/html': new Blob([html], {type: 'text/html'}),
            'text/plain': new Blob(['Projekt Razem ruszył'], {type: 'text/plain'})})])""", word)
        page.locator('[data-slate-editor="true"]').click()
        page.keyboard.press("Control+V")
        save(page)
        wait_for(path.exists, 10, f"plik {path.name}")
        assert path.read_text(encoding="utf-8").split("\n\n", 1)[1] == (
            "Projekt „Razem” ruszył w maju.\n\nZapisy do **piątku**.\n\nWstęp **bezpłatny**.\n\n"
            "- pierwszy punkt\n- drugi punkt\n")
    finally:
        context.close()
        path.unlink(missing_ok=True)


def test_tags_typed_as_people_type_them_with_the_sites_tags_offered(page, editor):
    base, content = editor
    page.goto(base + "/admin/#/collections/aktualnosci/new")
    page.wait_for_selector('[data-slate-editor="true"]')
    field(page, "Tytuł").fill("Nowe granty dla spółdzielni")
    field(page, "Data publikacji").fill("2026-11-21T09:00")
    tags = field(page, "Tagi")
    tags.click()
    page.keyboard.type("spół")  # key by key, as a person types
    offered = page.get_by_role("group", name="Istniejące tagi").get_by_role("button")
    assert offered.all_inner_texts() == ["spółdzielnie socjalne"]
    offered.first.click()
    page.keyboard.type("dotacje na start, ")
    assert tags.input_value() == "spółdzielnie socjalne, dotacje na start, "
    page.locator('[data-slate-editor="true"]').click()
    page.keyboard.type("Tekst.")
    save(page)
    path = content / "aktualnosci" / "2026-11-21-nowe-granty-dla-spoldzielni.md"
    wait_for(path.exists, 10, f"plik {path.name}")
    assert "\nTags: spółdzielnie socjalne, dotacje na start\n" in path.read_text(encoding="utf-8")
    path.unlink()
    assert page.errors == []


def test_dates_in_polish_in_an_english_browser(browser, editor):
    """In a browser set to English: day first and a 24-hour clock, a
    month-first date refused as it is typed, a date written by hand in the
    file opens filled in, the calendar's weeks start on Monday, and an end
    before the start stops the save, said with the form's labels."""
    base, content = editor
    path = content / "szkolenia" / "2027-01-05-recznie-wpisane-daty.md"
    path.write_text("Title: Ręcznie wpisane daty\nDate: 5 stycznia 2027 r., 9:30\n"
                    "Event-Start: 14 lutego 2027 r., 10:00\n"
                    "Event-End: 14.02.2027, godz. 15.00\nEvent-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\n"
                    "Registration-Deadline: 10.02.2027 23:59\n\nTekst.\n", encoding="utf-8")
    before = path.read_bytes()
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id="Europe/Warsaw",
                                  locale="en-US")
    page = context.new_page()
    try:
        page.goto(base + "/admin/")
        page.get_by_role("button", name="Zaloguj się").click()
        page.wait_for_selector("text=Szkolenia")
        page.goto(base + "/admin/#/collections/szkolenia/entries/2027-01-05-recznie-wpisane-daty")
        start = field(page, "Początek")
        start.wait_for()
        # Written by hand in any form the build reads: shown filled in, day first.
        assert start.input_value() == "14.02.2027 10:00"
        assert field(page, "Data publikacji").input_value() == "05.01.2027 09:30"
        assert field(page, "Koniec").first.input_value() == "14.02.2027 15:00"
        # A month-first date: refused at once, in the build's words.
        start.fill("02/14/2027 10:00")
        alert = page.get_by_role("alert")
        assert alert.inner_text().startswith(
            "„02/14/2027 10:00”: w zapisie z ukośnikiem dzień i miesiąc łatwo zamienić")
        # The calendar: weeks from Monday; a day picked keeps the time.
        start.fill("14.02.2027 10:00")
        calendar_button = start.locator("xpath=..").get_by_role("button", name="Kalendarz")
        calendar_button.click()
        calendar = page.get_by_role("group", name="Kalendarz")
        assert calendar.locator("th").all_inner_texts() == ["Pn", "Wt", "Śr", "Cz", "Pt", "So", "Nd"]
        assert "luty 2027" in calendar.inner_text()
        # 1 February 2027 is a Monday: the first cell of the first row.
        assert calendar.locator("tbody tr").first.locator("td").first.inner_text() == "1"
        calendar.get_by_role("button", name="Następny miesiąc").click()
        calendar.get_by_role("button", name="16 marca 2027").click()
        assert start.input_value() == "16.03.2027 10:00"
        # The start is now after the end (and the deadline before it is fine): said where one types,
        # in the build's words with the form's labels.
        said = page.get_by_role("alert")
        said.first.wait_for()
        rule = ("14.02.2027 15:00 jest wcześniej niż „Początek” 16.03.2027 10:00 – koniec szkolenia musi być "
                "po jego początku")
        assert said.all_inner_texts() == [f"„Koniec”: {rule}", rule]  # under the start and under the end
        page.get_by_role("button", name="Opublikuj", exact=True).click()
        page.get_by_text("Opublikuj teraz", exact=True).click()
        page.wait_for_timeout(3000)
        assert path.read_bytes() == before  # nothing saved
        set_date(page, "Koniec", "16.03.2027 15:00")
        assert said.count() == 0
        page.get_by_role("button", name="Opublikuj", exact=True).click()
        page.get_by_text("Opublikuj teraz", exact=True).click()
        page.wait_for_selector("text=Zmiany zapisane", timeout=30000)
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
        # Only the changed dates are rewritten; the others stay as written.
        assert header == ["Title: Ręcznie wpisane daty", "Date: 5 stycznia 2027 r., 9:30",
                          "Event-Start: 2027-03-16 10:00", "Event-End: 2027-03-16 15:00",
                          "Event-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź",
                          "Registration-Deadline: 10.02.2027 23:59"]
    finally:
        context.close()
        path.unlink(missing_ok=True)


# English a staff member could meet in the editor (Decap's own words): none
# may be seen or heard (screen-reader names) on any screen, whatever the
# browser's language. "Markdown" is the name of the text mode, kept.
ENGLISH = {
    "account", "grid", "view", "option", "options", "dropdown", "set", "now", "field", "datetime", "string",
    "select", "image", "strikethrough", "toggle", "preview", "save", "publish", "published", "delete", "new",
    "entries", "entry", "collection", "collections", "media", "upload", "search", "cancel", "close", "back",
    "loading", "draft", "drafts", "ready", "review", "workflow", "edit", "choose", "remove", "add", "unsaved",
    "changes", "today", "clear", "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "heading", "bold", "italic", "quote", "code", "bulleted", "numbered", "true", "false", "off",
}
SCREENS = [
    "/admin/#/collections/aktualnosci",
    "/admin/#/collections/szkolenia",
    "/admin/#/collections/szkolenia/new",
    "/admin/#/collections/szkolenia/entries/2026-11-20-abc-ekonomii-spolecznej-styczen-2027",
    "/admin/#/collections/wesprzyj/entries/2026-11-01-dodaj-nam-mocy",
    "/admin/#/collections/strony/new",
    "/admin/#/collections/strona-glowna/entries/strona-glowna",
    "/admin/#/media",
    "/admin/#/search/szkolenie",
]


@pytest.mark.parametrize("locale", ["en-US", "pl-PL"])
def test_every_screen_speaks_polish_whatever_the_browsers_language(browser, editor, locale):
    base, _content = editor
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id="Europe/Warsaw",
                                  locale=locale)
    page = context.new_page()
    try:
        page.goto(base + "/admin/")
        page.get_by_role("button", name="Zaloguj się").click()
        page.wait_for_selector("text=Szkolenia")
        found = {}
        for screen in SCREENS:
            page.goto(base + screen)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)
            said = page.evaluate(
                "() => [document.body.innerText].concat(Array.from(document.querySelectorAll("
                "'[aria-label],[title],[placeholder],[alt]')).map(e => ['aria-label', 'title', 'placeholder', 'alt']"
                ".map(a => e.getAttribute(a) || '').join(' ')))")
            words = {w.lower() for text in said for w in re.findall(r"[A-Za-z]+", text)}
            english = sorted(words & ENGLISH)
            if english:
                found[screen] = english
        assert found == {}
    finally:
        context.close()


def test_the_home_page_words_are_changed_in_the_editor(page, editor):
    """The heading and "Co robimy" are a form of their own ("Strona główna"):
    a new heading shows in the editor's preview, is saved into
    strona-glowna.json with the list untouched, and the preview site's home
    page says it after the rebuild; a wrong address is shown in Polish."""
    base, content = editor
    path = content / "strona-glowna.json"
    before = json.loads(path.read_text(encoding="utf-8"))
    page.goto(base + "/admin/#/collections/strona-glowna")
    page.get_by_text("Strona główna: nagłówek i „Co robimy”").click()
    heading = field(page, "Nagłówek")
    heading.wait_for()
    assert heading.input_value() == before["headline"]
    new_heading = "Pomagamy zakładać spółdzielnie socjalne i fundacje w całym województwie"
    heading.fill(new_heading)
    preview = page.frame_locator("iframe").first
    assert preview.locator("h1").inner_text() == new_heading
    assert preview.locator(".service__title").count() == len(before["services"])
    shoot(page, "6-strona-glowna")
    save(page)
    wait_for(lambda: json.loads(path.read_text(encoding="utf-8"))["headline"] == new_heading, 10, "zapis pliku")
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after == dict(before, headline=new_heading)
    home = content.parent / "podglad" / "index.html"
    wait_for(lambda: home.exists() and new_heading in home.read_text(encoding="utf-8").replace("\u00a0", " "),
             60, "podgląd strony głównej")
    # A service pointing nowhere: the build's message in the editor's preview.
    wrong = dict(after, services=[dict(after["services"][0], url="o-nas-stare/")] + after["services"][1:])
    path.write_text(json.dumps(wrong, ensure_ascii=False, indent=2), encoding="utf-8")
    page.reload()
    box = page.frame_locator("iframe").first.locator(".edytor-uwagi")
    box.wait_for(timeout=60000)
    assert "prowadzi pod /o-nas-stare/, a takiej strony nie ma" in box.inner_text()
    path.write_text(json.dumps(after, ensure_ascii=False, indent=2), encoding="utf-8")
    assert page.outside == [] and page.errors == []


def test_drafts_review_and_publishing_on_the_live_site(browser, tmp_path):
    """The live build (publishconf.py) served by nginx with its own policy for
    /admin/; the editor talks to decap-server in git mode, which keeps drafts
    on branches as GitLab or GitHub would: a new post is a draft on its own
    branch, goes to review, is marked ready and published into main."""
    if not (PROXY.exists() and BUNDLE.exists()):
        pytest.fail("the editor's npm packages are missing: make test installs them with npm")
    from pelican.settings import read_settings

    from klucz_harness.servers import Nginx
    from klucz_harness.sitebuild import REAL_PAYMENT_DETAILS, build

    repo = tmp_path / "repo"
    shutil.copytree(SAMPLE, repo / "content")

    def git(*args):
        return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout

    git("init", "-q", "-b", "main")
    git("config", "user.email", "redakcja@example.org")
    git("config", "user.name", "Redakcja")
    git("add", "-A")
    git("commit", "-qm", "Treść strony")
    proxy_port, port = free_port(), free_port()
    proxy = subprocess.Popen(["node", str(PROXY)], env=dict(
        os.environ, PORT=str(proxy_port), BIND_HOST="127.0.0.1", MODE="git", GIT_REPO_DIRECTORY=str(repo),
        LOG_LEVEL="warn"))
    origin = f"http://127.0.0.1:{port}"
    policy = read_settings(str(ROOT / "publishconf.py"))["SERVING_CSP_BY_PATH"]["/admin/"]
    policy = policy.replace("connect-src 'self'", f"connect-src 'self' http://localhost:{proxy_port}")
    out = build(tmp_path / "out", content=repo / "content", conf="publishconf.py", SITEURL=origin,
                SITE_ORIGIN=origin, FEED_DOMAIN=origin, CMS_LOCAL_BACKEND=f"http://localhost:{proxy_port}/api/v1",
                SERVING_CSP_BY_PATH={"/admin/": policy}, **REAL_PAYMENT_DETAILS)
    server = Nginx(tmp_path / "nginx", out, port=port)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id="Europe/Warsaw")
    page = context.new_page()
    page.add_init_script("""window.__csp = []; document.addEventListener("securitypolicyviolation",
        (e) => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline")));""")
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(
        ("http://127.0.0.1", "http://localhost", "data:", "blob:")) else None)
    try:
        page.goto(server.url + "/admin/")
        page.get_by_role("button", name="Zaloguj się").click()
        page.goto(server.url + "/admin/#/collections/aktualnosci/new")
        field(page, "Tytuł").fill("Relacja z warsztatów w Sieradzu")
        field(page, "Data publikacji").fill("2026-11-21T10:00")
        page.locator('[data-slate-editor="true"]').click()
        page.keyboard.type("Dwudziestu samorządowców poznało klauzule społeczne.")
        page.get_by_role("button", name="Zapisz", exact=True).click()
        page.get_by_role("button", name="Status: Wersja robocza").wait_for()
        branch = "cms/aktualnosci/2026-11-21-relacja-z-warsztatow-w-sieradzu"
        assert branch in git("branch", "--list", "cms/*")
        assert "relacja-z-warsztatow" not in git("ls-tree", "-r", "--name-only", "main")  # not public yet

        page.get_by_role("button", name="Status: Wersja robocza").click()
        page.get_by_role("menuitem", name="W recenzji").click()
        page.get_by_role("button", name="Status: W recenzji").wait_for()
        assert git("config", f"branch.{branch}.description").strip() == "decap-cms/pending_review"
        page.get_by_role("button", name="Status: W recenzji").click()
        page.get_by_role("menuitem", name="Gotowe").click()
        page.get_by_role("button", name="Status: Gotowe").wait_for()
        page.goto(server.url + "/admin/#/workflow")
        page.get_by_text("Gotowe do publikacji").wait_for()
        page.get_by_text("Relacja z warsztatów w Sieradzu").wait_for()
        shoot(page, "5-przebieg-redakcyjny")

        page.go_back()
        page.get_by_role("button", name="Opublikuj", exact=True).click()
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("menuitem", name="Opublikuj teraz").click()
        wait_for(lambda: branch not in git("branch", "--list", "cms/*"), 20, "publikacja")
        published = git("show", "main:content/aktualnosci/2026-11-21-relacja-z-warsztatow-w-sieradzu.md")
        assert published == ("Title: Relacja z warsztatów w Sieradzu\nDate: 2026-11-21 10:00\n\n"
                             "Dwudziestu samorządowców poznało klauzule społeczne.\n")
        assert "Dodano (wpis): 2026-11-21-relacja-z-warsztatow-w-sieradzu" in git("log", "--format=%s", "main")
        assert page.evaluate("window.__csp") == []
        assert outside == []
    finally:
        context.close()
        server.stop()
        stop_process(proxy)


# Posts of every kind beside the sample site's own: a short news item (the
# short box), two whose text places a campaign's box (one in a variant of its
# own), a training signed up for on another site and one that is moved to
# the internet.
EXTRA_POSTS = {
    "aktualnosci/2026-11-30-krotka-wiadomosc.md": (
        "Title: Biuro nieczynne w piątek\nDate: 2026-11-30 08:00\nTags: biuro\n\n"
        "W piątek 4 grudnia biuro przy ul. Pomorskiej 40 będzie nieczynne. Zapraszamy w poniedziałek.\n"),
    "aktualnosci/2026-12-01-zbiorka-swiateczna.md": (
        "Title: Ruszyła zbiórka \"Święta z MOCą\"\nDate: 2026-12-01 09:00\nTags: darowizny, święta\n\n"
        "Zbieramy na działania w 2027 r. - każda wpłata się liczy...\n\n[[wesprzyj:swieta-2026]]\n\n"
        "Dziękujemy w imieniu całego zespołu.\n"),
    # The default campaign's box in the text, in the variant this address gets (b: "Dorzucam się").
    "aktualnosci/2026-12-01-wolontariat.md": (
        "Title: Wolontariat w Centrum\nDate: 2026-12-01 12:00\nSlug: wolontariat-w-centrum\n\n"
        "Szukamy osób do pomocy przy targach.\n\n[[wesprzyj]]\n"),
    "szkolenia/2026-12-02-rachunkowosc-ngo.md": (
        "Title: Rachunkowość organizacji pozarządowej – webinarium\nDate: 2026-12-02 10:00\nTags: księgowość\n"
        "Event-Start: 14.05.2027 10:00\nEvent-Duration: 3h\nEvent-Location: online\n"
        "Event-Online-URL: https://spotkania.example.org/rachunkowosc\nEvent-Price: 120,50\n"
        "Registration-URL: https://formularze.example.org/rachunkowosc\nRegistration-Deadline: 2027-05-10\n"
        "Capacity: 30\nSeats-Left: 12\nRegistration-Status: lista rezerwowa\n\n"
        "Webinarium o sprawozdaniu finansowym i podatku CIT w organizacji pozarządowej.\n"),
    # The sign-up box's other states: postponed, closed, deadline passed, full (seats counted elsewhere).
    "szkolenia/2026-12-04-przelozone.md": (
        "Title: Konsultacje dla spółdzielni w Kutnie\nDate: 2026-12-04 09:00\nEvent-Start: 2027-05-12 10:00\n"
        "Event-End: 2027-05-12 13:00\nEvent-Location: Urząd Miasta, pl. Piłsudskiego 18, 99-300 Kutno\n"
        "Event-Status: przełożone\n\nNowy termin podamy wkrótce.\n"),
    "szkolenia/2026-12-04-zamkniete.md": (
        "Title: Warsztaty z zamówień publicznych\nDate: 2026-12-04 09:10\nEvent-Start: 2027-05-13 10:00\n"
        "Event-End: 2027-05-13 15:00\nEvent-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\n"
        "Registration-Status: zamknięte\nCapacity: 12\n\nZapisy zamknęliśmy.\n"),
    "szkolenia/2026-12-04-po-terminie.md": (
        "Title: Szkolenie z księgowości po terminie zapisów\nDate: 2026-12-04 09:20\nEvent-Start: 2027-05-14\n"
        "Event-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\nRegistration-Deadline: 1.12.2026 12:00\n\n"
        "Cały dzień ćwiczeń.\n"),
    "szkolenia/2026-12-04-pelne.md": (
        "Title: Warsztaty marketingowe bez wolnych miejsc\nDate: 2026-12-04 09:30\nEvent-Start: 2027-05-15 10:00\n"
        "Event-End: 2027-05-16 14:00\nEvent-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\n"
        "Event-Price: 1500\nRegistration-URL: https://formularze.example.org/marketing\n"
        "Registration-Email: marketing@example.org\nCapacity: 10\nSeats-Left: 0\n\nKomplet uczestników.\n"),
    "szkolenia/2026-12-03-spotkanie-przeniesione.md": (
        "Title: Spotkanie sieciujące spółdzielni socjalnych\nDate: 2026-12-03 10:00\nTags: sieciowanie\n"
        "Event-Start: 2027-04-20 11:00\nEvent-End: 2027-04-20 14:00\nEvent-Location: Centrum KLUCZ, ul. Pomorska 40, "
        "91-408 Łódź\nEvent-Status: online\nEvent-Online-URL: https://spotkania.example.org/siec\n"
        "Event-Contact: Jan Nowak, jan.nowak@example.org\n\nSpotkanie w sieci: wymiana doświadczeń.\n"),
}
COLLECTION_OF = {"aktualnosci": "aktualnosci", "szkolenia": "szkolenia", "wesprzyj": "wesprzyj", "pages": "strony"}


def test_the_preview_shows_what_the_page_shows(browser, editor):
    """For every post and page of the sample site (a page laid out by a
    template of its own excepted: it says so) and the posts above, what a
    reader sees in the editor's preview is what the built page shows
    (without scripts): its date forms, facts, sign-up box in each state,
    donation boxes and Polish typography, character for character."""
    base, content = editor
    for name, text in EXTRA_POSTS.items():
        (content / name).write_text(text, encoding="utf-8")
    addresses = {}

    def built_all():
        listed = json.loads(fetch(base + "/adresy.json") or '{"pages": {}}')["pages"]
        addresses.update({source: url for url, source in listed.items()})
        return all(name in addresses for name in EXTRA_POSTS)

    wait_for(built_all, 90, "strony nowych wpisów w podglądzie")
    files = [p for p in sorted(content.rglob("*.md"))
             if p.parent.name in COLLECTION_OF and not re.search(r"^Template:", p.read_text(encoding="utf-8"), re.M)]
    assert len(files) >= 28
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, timezone_id="Europe/Warsaw",
                                  locale="pl-PL")
    site = browser.new_context(java_script_enabled=False).new_page()
    page = context.new_page()
    errors = []
    page.goto(base + "/admin/")
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_selector("text=Szkolenia")
    page.close()
    differ = {}
    try:
        for path in files:
            source = path.relative_to(content).as_posix()
            site.goto(base + addresses[source])
            built = site.locator("article.post, article.page").first.inner_text()
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{base}/admin/#/collections/{COLLECTION_OF[path.parent.name]}/entries/{path.stem}")
            preview = page.frame_locator("iframe").first.locator("article.post, article.page").first
            preview.wait_for()
            # The text is drawn (and typeset) in steps: the last state seen counts.
            seen = None
            for _ in range(20):
                seen = preview.inner_text()
                if seen == built:
                    break
                page.wait_for_timeout(250)
            if source == "szkolenia/2026-11-20-abc-ekonomii-spolecznej-styczen-2027.md":
                shoot(page, "7-podglad-szkolenia")
            page.close()
            if seen != built:
                differ[source] = "\n".join(difflib.unified_diff(built.splitlines(), seen.splitlines(), "strona",
                                                                "podgląd", lineterm="", n=0))
    finally:
        context.close()
        site.context.close()
        for name in EXTRA_POSTS:
            (content / name).unlink()
    assert differ == {}
    assert errors == []
