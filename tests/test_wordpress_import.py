"""make import: a WordPress export (WXR, with The Events Calendar) moved into
content/. The exports are made here (tests/wordpress.py, wordpress_sample.py);
each case's Markdown is read, the site built from it and read back, the old
addresses asked of the real nginx, and the deploy's guard of old addresses
tried."""

import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import icalendar
import pytest
from wordpress_sample import sample_export

from klucz_harness.servers import Nginx, need
from klucz_harness.sitebuild import LIVE_URL, ROOT, SAMPLE, build, live_build, make_check, serve, soup, visible_text
from klucz_harness.wordpress import SITE, Wxr, big_export, uploads

PYTHON = sys.executable


def run_import(export, content, uploads_folder="", *extra):
    result = subprocess.run(
        [PYTHON, "-m", "wpimport.cli", str(export), "--uploads", str(uploads_folder), "--content", str(content),
         *extra],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def fresh_content(tmp_path, name="content"):
    """A copy of the sample site: the handful of posts staff moved by hand."""
    content = tmp_path / name
    shutil.copytree(SAMPLE, content)
    return content


def headers(path):
    head = Path(path).read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def body(path):
    return Path(path).read_text(encoding="utf-8").split("\n\n", 1)[1]


def deploy(output, target):
    """`make deploy`'s command: the built site to a folder, the live site's addresses guarded."""
    return subprocess.run(
        [PYTHON, "-m", "klucz.deploy", "-s", "publishconf.py", "--output", str(output), "--target", str(target)],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, SITEURL=LIVE_URL))


def first_answer(url):
    """(status, Location) of a GET, redirects not followed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        return response.status, response.getheader("Location") or ""
    finally:
        connection.close()


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wordpress")
    export, uploads_folder = sample_export(folder)
    content = fresh_content(folder)
    result = run_import(export, content, uploads_folder)
    return {"folder": folder, "export": export, "uploads": uploads_folder, "content": content, "result": result,
            "report": (folder / "raport-importu.txt").read_text(encoding="utf-8")}


CLASSIC_POST = """\
Title: Ruszyło doradztwo dla grup inicjatywnych
Date: 2016-06-20 09:00
Tags: doradztwo, spółdzielnie socjalne
Summary: Od czerwca bezpłatne doradztwo Centrum KLUCZ.
Slug: ruszylo-doradztwo
Image: images/2016-06-doradztwo-spotkanie.jpg
Image-Alt: Zdjęcie do wpisu „Ruszyło doradztwo dla grup inicjatywnych”
Aliases: /2016/06/20/ruszylo-doradztwo/, /?p=101, /2016/06/20/doradztwo-rusza/, /2016/06/20/doradztwo-od-czerwca/

Od czerwca grupy inicjatywne i organizacje mogą korzystać z **bezpłatnego doradztwa**.  
Spotykamy się w biurze przy ul. Pomorskiej 40 w Łodzi.

![Sala szkoleniowa z rzędami krzeseł]({static}/images/2016-06-sala-szkoleniowa.jpg)

*Sala szkoleniowa w biurze przy Pomorskiej*

Zobacz też [relację z targów]({filename}/aktualnosci/2017-03-15-targi-piotrkow-2017.md) i stronę \
[O nas]({filename}/pages/o-nas.md). Regulamin: [regulamin doradztwa (PDF)]\
({static}/pliki/2016-06-regulamin-doradztwa.pdf).

Dziękujemy – do zobaczenia w biurze!
"""


def test_every_item_of_the_export_is_accounted_for(imported):
    result, report, content = imported["result"], imported["report"], imported["content"]
    assert result.returncode == 0, result.stderr
    # The report: the file and the end of the output are the same text.
    assert report in result.stdout
    assert "aktualności (aktualnosci/): 6 (szkice: 3)" in report
    assert "apele (wesprzyj/): 1 (zaplanowane: 1)" in report
    assert "szkolenia (szkolenia/): 5" in report
    assert "strony (pages/): 2" in report
    assert "już były na stronie: 1; nowe pliki: 13" in report
    assert "Komentarze: 2 (nie importujemy" in report
    for line in ("nav_menu_item: 2", "revision: 1", "wp_block: 1", "tribe_venue: 2", "tribe_organizer: 1",
                 "attachment: 6", "„Stary wpis w koszu” (nr 107, post, wiersz", "„Auto Draft” (nr 108"):
        assert line in report, line
    # Drafts, pending and private posts: drafts that never reach the public.
    for name, was in (("2016-12-01-szkic-podsumowanie-roku", "szkic"),
                      ("2016-12-02-do-przegladu-nowe-dotacje", "oczekujący na przegląd"),
                      ("2016-12-03-notatka-wewnetrzna", "prywatny")):
        assert headers(content / "aktualnosci" / f"{name}.md")["Status"] == "draft"
        assert f"content/aktualnosci/{name}.md – {was}" in report
    # Scheduled: kept with its date, published by the site on the day.
    appeal = headers(content / "wesprzyj" / "2027-01-10-dodaj-nam-mocy-2027.md")
    assert appeal["Date"] == "2027-01-10 10:00" and "Status" not in appeal
    # A page staff already moved by hand is not imported twice; the report
    # gives the old addresses to add.
    assert "content/pages/o-nas.md:1: „O nas” jest już na stronie" in report
    assert "Aliases: /?p=110, /?page_id=110" in report
    assert (content / "pages" / "o-nas.md").read_bytes() == (SAMPLE / "pages" / "o-nas.md").read_bytes()
    assert headers(content / "pages" / "historia.md") == {
        "Title": "Historia Centrum", "Slug": "historia", "Aliases": "/o-nas/historia/, /?p=111, /?page_id=111"}
    # A slug with Polish letters (percent-encoded by WordPress): an address without them; the old one kept.
    polish = headers(content / "aktualnosci" / "2016-07-01-lodz-spotkanie.md")
    assert (polish["Title"], polish["Slug"]) == ("Spotkanie w Łodzi – relacja", "lodz-spotkanie")
    assert polish["Aliases"] == "/2016/07/01/łódź-spotkanie/, /?p=109"
    # The site's own check passes on the result.
    check, errors = make_check(content)
    assert check.returncode == 0 and errors == [], check.stdout


def test_a_classic_post_reads_as_staff_write_markdown(imported):
    content = imported["content"]
    # The sample has a file of that name (another post): the import takes the next name, the address stays.
    assert (content / "aktualnosci" / "2016-06-20-ruszylo-doradztwo-2.md").read_text(encoding="utf-8") == CLASSIC_POST
    report = imported["report"]
    assert ('content/aktualnosci/2016-06-20-ruszylo-doradztwo-2.md:19: skrót [contact-form-7] usunięty z tekstu: '
            '[contact-form-7 id="55" title="Zapisy na doradztwo"]') in report
    assert ("content/aktualnosci/2016-06-20-ruszylo-doradztwo-2.md:7: zdjęcie wpisu "
            "images/2016-06-doradztwo-spotkanie.jpg nie miało opisu") in report
    # The original picture, not the 300x200 variant the post showed; the PDF as a file of the site.
    assert (content / "images" / "2016-06-sala-szkoleniowa.jpg").is_file()
    assert not list((content / "images").glob("*300x200*"))
    assert (content / "pliki" / "2016-06-regulamin-doradztwa.pdf").read_bytes() == (
        imported["uploads"] / "2016/06/regulamin-doradztwa.pdf").read_bytes()


def test_a_gutenberg_post_loses_its_block_comments_and_keeps_its_pictures(imported):
    path = imported["content"] / "aktualnosci" / "2017-03-15-targi-piotrkow-2017.md"
    text = body(path)
    assert "wp:" not in text and "<!--" not in text and "[gallery" not in text
    assert "„z całego regionu”" in text  # &#8222; &#8221; as the letters
    assert "## Co się działo" in text  # the text's H1 under the page's title
    # A file name with a space and Polish letters: a name the site accepts.
    assert "![Stoisko spółdzielni socjalnej z Piotrkowa]({static}/images/2017-03-spoldzielnia-piotrkow.jpg)" in text
    # [gallery ids="904,905"]: each picture with its description, the caption under it.
    assert "![Stoiska na targach]({static}/images/2017-03-targi-1.jpg)\n\n*Hala targowa*" in text
    assert "![Rozmowa przy stoisku]({static}/images/2017-03-targi-2.jpg)" in text
    # The embed as a link; links to the old site's posts as {filename} links.
    assert "[https://www.youtube.com/watch?v=abc123](https://www.youtube.com/watch?v=abc123)" in text
    assert "[Ruszyło doradztwo]({filename}/aktualnosci/2016-06-20-ruszylo-doradztwo-2.md)" in text
    # A reusable block: its text where the post referred to it.
    assert "Zadzwoń: 42 630 17 49" in text
    # Categories other than the folder's become tags.
    assert headers(path)["Tags"] == "Ekonomia społeczna"
    # A 2000 px original made 1600 px wide on the way in.
    from PIL import Image

    with Image.open(imported["content"] / "images" / "2017-03-spoldzielnia-piotrkow.jpg") as picture:
        assert picture.width == 1600


def test_events_calendar_events_become_trainings(imported):
    folder = imported["content"] / "szkolenia"
    timed = headers(folder / "2016-04-05-abc-skierniewice.md")
    assert timed == {
        "Title": "ABC Ekonomii Społecznej – Skierniewice", "Date": "2016-04-05 10:00",
        "Tags": "ABC Ekonomii Społecznej", "Slug": "abc-skierniewice",
        "Event-Start": "2016-04-21 10:00", "Event-End": "2016-04-21 15:00",
        "Event-Location": "Miejska Biblioteka Publiczna, ul. Pomologiczna 6, 96-100 Skierniewice",
        "Event-UID": "wp-130@klucz.org.pl", "Event-Price": "0",
        "Event-Contact": "Anna Kowalska, szkolenia@instytutsprawobywatelskich.pl, 42 630 17 49",
        "Registration-URL": "https://formularze.example.org/abc-2016",
        "Aliases": "/wydarzenie/abc-skierniewice/, /?p=130",
    }
    all_day = headers(folder / "2017-02-01-targi-2017.md")
    assert (all_day["Event-Start"], all_day["Event-End"], all_day["Event-Price"]) == ("2017-05-12", "2017-05-13", "50")
    # A local time with a UTC offset as the zone, in Warsaw time; an online venue.
    online = headers(folder / "2016-10-01-webinar-spoldzielnia.md")
    assert (online["Event-Start"], online["Event-End"], online["Event-Price"]) == (
        "2016-10-20 17:00", "2016-10-20 18:30", "0")
    assert online["Event-Location"] == "spotkanie online"
    cancelled = headers(folder / "2016-11-01-warsztat-odwolany.md")
    assert cancelled["Event-Status"] == "cancelled"
    report = imported["report"]
    assert ("content/szkolenia/2016-09-01-dyzur-doradczy.md:4: wydarzenie powtarzające się (Every Week): "
            "zaimportowany tylko pierwszy termin") in report
    assert "content/szkolenia/2016-11-01-warsztat-odwolany.md:6: wydarzenie nie miało miejsca" in report


def test_the_imported_site_as_a_visitor_and_a_calendar_see_it(imported, tmp_path):
    output = build(tmp_path / "output", content=imported["content"])
    news = soup(output / "aktualnosci" / "ruszylo-doradztwo" / "index.html")
    picture = news.select_one("main img[alt='Sala szkoleniowa z rzędami krzeseł']")
    assert picture is not None and picture["src"].startswith("/images/2016-06-sala-szkoleniowa")
    assert "Sala szkoleniowa w biurze przy Pomorskiej" in visible_text(news.select_one("main"))
    assert news.select_one("main a[href='/pliki/2016-06-regulamin-doradztwa.pdf']") is not None
    assert (output / "pliki" / "2016-06-regulamin-doradztwa.pdf").is_file()
    training = visible_text(soup(output / "szkolenia" / "targi-2017" / "index.html").select_one("main"))
    assert "12–13 maja 2017 r." in training and "96-100 Skierniewice" in training
    # Drafts and the scheduled appeal: not on the public site.
    assert not (output / "aktualnosci" / "notatka-wewnetrzna").exists()
    assert not (output / "wesprzyj" / "dodaj-nam-mocy-2027").exists()
    # Nothing is fetched from the old site.
    for page in output.rglob("*.html"):
        assert "klucz.org.pl/wp-content" not in page.read_text(encoding="utf-8"), page
    # The training's calendar file: Warsaw time, the old event's UID kept stable across imports.
    calendar = icalendar.Calendar.from_ical((output / "szkolenia" / "abc-skierniewice" / "kalendarz.ics").read_bytes())
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["UID"]) == "wp-130@klucz.org.pl"
    assert event.decoded("DTSTART").isoformat() == "2016-04-21T10:00:00+02:00"
    assert str(event["LOCATION"]) == "Miejska Biblioteka Publiczna, ul. Pomologiczna 6, 96-100 Skierniewice"


def test_every_old_address_answers_301_from_nginx_and_the_deploy_guards_them(imported, tmp_path):
    need("nginx", "nginx")
    content = tmp_path / "content"
    shutil.copytree(imported["content"], content)
    output = live_build(tmp_path / "live", content=content)
    server = Nginx(tmp_path / "nginx", output)
    try:
        for old, new in (("/2016/06/20/ruszylo-doradztwo/", "/aktualnosci/ruszylo-doradztwo/"),
                         ("/2016/06/20/ruszylo-doradztwo", "/aktualnosci/ruszylo-doradztwo/"),
                         ("/2016/06/20/doradztwo-rusza/", "/aktualnosci/ruszylo-doradztwo/"),  # _wp_old_slug
                         ("/?p=101", "/aktualnosci/ruszylo-doradztwo/"),
                         ("/index.php?p=102", "/aktualnosci/targi-piotrkow-2017/"),
                         ("/?page_id=111", "/historia/"),
                         ("/2016/07/01/%C5%82%C3%B3d%C5%BA-spotkanie/", "/aktualnosci/lodz-spotkanie/"),
                         ("/2016/07/01/%c5%82%c3%b3d%c5%ba-spotkanie", "/aktualnosci/lodz-spotkanie/"),
                         ("/o-nas/historia/", "/historia/"),
                         ("/wydarzenie/targi-2017/", "/szkolenia/targi-2017/"),
                         # Pictures and documents linked from elsewhere: the copies, variants too.
                         ("/wp-content/uploads/2016/06/regulamin-doradztwa.pdf",
                          "/pliki/2016-06-regulamin-doradztwa.pdf"),
                         ("/wp-content/uploads/2017/03/Sp%C3%B3%C5%82dzielnia%20Piotrk%C3%B3w-300x200.jpg",
                          "/images/2017-03-spoldzielnia-piotrkow.jpg")):
            status, location = first_answer(server.url + old)
            assert status == 301 and urllib.parse.urljoin(server.url, location) == server.url + new, (old, location)
        assert first_answer(server.url + "/?p=999")[0] == 200  # another query: the home page, as before
        assert first_answer(server.url + "/aktualnosci/ruszylo-doradztwo/")[0] == 200
    finally:
        server.stop()
    # The deploy guards them: an Aliases line removed later blocks it.
    target = tmp_path / "www"
    deployed = deploy(output, target)
    assert deployed.returncode == 0, deployed.stderr
    post = content / "aktualnosci" / "2016-06-20-ruszylo-doradztwo-2.md"
    aliases = headers(post)["Aliases"]
    post.write_text(re.sub(r"\nAliases: [^\n]*", "", post.read_text(encoding="utf-8")), encoding="utf-8")
    changed = live_build(tmp_path / "changed", content=content)
    blocked = deploy(changed, target)
    assert blocked.returncode == 1
    assert "/2016/06/20/doradztwo-rusza/" in blocked.stderr and "/?p=101" in blocked.stderr
    # A moved file's line taken away: blocked as well.
    moved = content / "przeniesione-pliki.txt"
    moved.write_text("".join(line for line in moved.read_text(encoding="utf-8").splitlines(True)
                             if "regulamin" not in line), encoding="utf-8")
    post.write_text(post.read_text(encoding="utf-8").replace(
        "Slug: ruszylo-doradztwo\n", "Slug: ruszylo-doradztwo\nAliases: " + aliases + "\n"), encoding="utf-8")
    again = live_build(tmp_path / "again", content=content)
    blocked = deploy(again, target)
    assert blocked.returncode == 1
    assert "/wp-content/uploads/2016/06/regulamin-doradztwa.pdf" in blocked.stderr
    assert "/2016/06/20/doradztwo-rusza/" not in blocked.stderr


def test_a_wrong_line_in_the_moved_files_is_an_error_with_its_line(tmp_path):
    content = fresh_content(tmp_path)
    (content / "przeniesione-pliki.txt").write_text(
        "# przeniesione\n/wp-content/uploads/a.pdf /pliki/regulamin-rekrutacji.pdf\n"
        "/wp-content/uploads/b.pdf /pliki/nie-ma.pdf\n", encoding="utf-8")
    check, errors = make_check(content)
    assert errors == ["BŁĄD: przeniesione-pliki.txt:3: adres: nie ma pliku pliki/nie-ma.pdf w folderze content "
                      "-> popraw nowy adres albo usuń ten wiersz"], check.stdout


def test_running_again_changes_nothing_and_never_overwrites_staff_edits(imported, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(imported["content"], content)
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    again = run_import(imported["export"], content, imported["uploads"], "--report", str(tmp_path / "r.txt"))
    assert again.returncode == 0
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before
    assert "już były na stronie: 1; bez zmian: 13" in again.stdout
    assert "już skopiowane wcześniej: 6" in again.stdout
    # Staff edit one post and delete another; the old site changes a third.
    edited = content / "aktualnosci" / "2017-03-15-targi-piotrkow-2017.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nDopisek redakcji.\n", encoding="utf-8")
    (content / "szkolenia" / "2016-10-01-webinar-spoldzielnia.md").unlink()
    export = tmp_path / "eksport.xml"
    export.write_text(imported["export"].read_text(encoding="utf-8").replace(
        "Dwa dni targów.", "Dwa dni targów w Skierniewicach."), encoding="utf-8")
    third = run_import(export, content, imported["uploads"], "--report", str(tmp_path / "r.txt"))
    assert edited.read_text(encoding="utf-8").endswith("Dopisek redakcji.\n")
    assert ("content/aktualnosci/2017-03-15-targi-piotrkow-2017.md:1: plik zmieniony po imporcie "
            "(albo czyjś inny): nie nadpisano go") in third.stdout
    assert not (content / "szkolenia" / "2016-10-01-webinar-spoldzielnia.md").exists()
    assert "2016-10-01-webinar-spoldzielnia.md:1: plik usunięty po poprzednim imporcie" in third.stdout
    assert "Dwa dni targów w Skierniewicach." in body(content / "szkolenia" / "2017-02-01-targi-2017.md")
    assert "zaktualizowane: 1" in third.stdout


def _one(tmp_path, wxr, files=None, name="eksport.xml"):
    """Import a small export into an empty site; (content folder, result)."""
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True, exist_ok=True)
    folder = uploads(tmp_path / "uploads", files or {})
    export = wxr.write(tmp_path / name)
    return content, run_import(export, content, folder, "--report", str(tmp_path / "raport.txt"))


def test_uploads_from_the_old_sites_address(imported, tmp_path):
    """UPLOADS may be the old site's https:// address: the files come over HTTP
    (here a server on 127.0.0.1 with the same folder)."""
    base, server = serve(imported["uploads"])
    try:
        content = fresh_content(tmp_path)
        result = run_import(imported["export"], content, base + "/")
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    assert "brakujące: 0" in result.stdout
    for name in ("images/2016-06-sala-szkoleniowa.jpg", "images/2017-03-spoldzielnia-piotrkow.jpg",
                 "pliki/2016-06-regulamin-doradztwa.pdf"):
        assert (content / name).read_bytes() == (imported["content"] / name).read_bytes(), name


def test_statuses_categories_and_passwords(tmp_path):
    wxr = Wxr()
    wxr.item(1, title="Apel o 1,5%", name="apel", terms=[("category", "1-5-procent", "1,5% podatku")],
             content="<p>Przekaż 1,5%.</p>")
    wxr.item(2, title="Wpis o kooperatywach", name="kooperatywy", content="<p>Tekst.</p>",
             terms=[("category", "kooperatywy", "Kooperatywy"), ("post_tag", "a-b", "rolnicy, kooperatywy")])
    wxr.item(3, title="Tylko dla członków", name="dla-czlonkow", content="<p>Tekst.</p>", password="tajne")
    wxr.item(4, title="Bez kategorii", name="bez", content="<p>Tekst.</p>",
             terms=[("category", "uncategorized", "Bez kategorii")])
    content, result = _one(tmp_path, wxr)
    assert result.returncode == 0, result.stderr
    assert (content / "wesprzyj" / "2016-06-20-apel.md").is_file()
    post = headers(content / "aktualnosci" / "2016-06-20-kooperatywy.md")
    # An unknown category: into news, with a note; its name kept as a tag (a comma in a tag is not a split).
    assert post["Tags"] == "Kooperatywy, rolnicy  kooperatywy"
    assert "kategoria Kooperatywy nie ma swojego działu: wpis trafił do aktualnosci/" in result.stdout
    assert "Kategorie bez własnego działu" in result.stdout and "  - Kooperatywy: 1" in result.stdout
    protected = headers(content / "aktualnosci" / "2016-06-20-dla-czlonkow.md")
    assert protected["Status"] == "draft" and "Aliases" not in protected
    assert "Tags" not in headers(content / "aktualnosci" / "2016-06-20-bez.md")


def test_addresses_this_site_already_uses(tmp_path):
    """The old site's page listing events at /szkolenia/ (the section's address
    here), a page at /kontakt/, and permalinks that are already this site's
    addresses (/%category%/%postname%/): nothing clashes, make check passes."""
    wxr = Wxr()
    wxr.item(1, "page", title="Szkolenia i wydarzenia", name="szkolenia", content="[tribe_events view=\"list\"]")
    wxr.item(2, "page", title="Kontakt z nami", name="kontakt", content="<p>Zadzwoń.</p>")
    wxr.item(3, title="Nowy wpis", name="nowy-wpis", content="<p>Tekst.</p>",
             link=f"{SITE}/aktualnosci/nowy-wpis/", terms=[("category", "aktualnosci", "Aktualności")])
    wxr.item(4, title="Inny wpis", name="inny-wpis", content="<p>Tekst.</p>",
             link=f"{SITE}/szkolenia/", terms=[("category", "aktualnosci", "Aktualności")])
    content, result = _one(tmp_path, wxr)
    page = headers(content / "pages" / "szkolenia-strona.md")
    assert page["Slug"] == "szkolenia-strona" and page["Aliases"] == "/?p=1, /?page_id=1"
    assert "adres /szkolenia/ ma na tej stronie jej własna część" in result.stdout
    assert "skrót [tribe_events] usunięty z tekstu" in result.stdout
    assert headers(content / "aktualnosci" / "2016-06-20-nowy-wpis.md")["Aliases"] == "/?p=3"
    assert headers(content / "aktualnosci" / "2016-06-20-inny-wpis.md")["Aliases"] == "/?p=4"
    check, errors = make_check(content)
    assert errors == [], check.stdout


def test_shortcodes_embeds_and_links_that_cannot_be_kept(tmp_path):
    wxr = Wxr()
    wxr.item(9, title="Szkic", name="", status="draft", content="x")
    wxr.item(10, title="Film i formularz", name="film", content=(
        "Zobacz film:\n\n[embed]https://vimeo.com/12345[/embed]\n\n"
        '[video src="https://klucz.org.pl/wp-content/uploads/2016/06/film.mp4"]\n\n'
        "[box kolor=\"zielony\"]Ważne: zapisy do piątku.[/box]\n\n"
        "Przypis [1] i [sic] zostają.\n\n"
        '<a href="https://klucz.org.pl/?attachment_id=20">zdjęcie w pełnym rozmiarze</a>\n\n'
        '<a href="https://klucz.org.pl/?p=9">szkic</a>, <a href="https://klucz.org.pl/kategoria/stara/">archiwum</a>, '
        '<a href="https://example.org/x">inna strona</a>.\n\n'
        '<img src="https://klucz.org.pl/wp-content/uploads/2016/06/brak.jpg" alt="Brak">\n\n'
        '<img src="https://cdn.example.com/obcy.jpg" alt="Obcy">\n\n'
        '<img src="https://klucz.org.pl/wp-content/uploads/2016/06/tylko-maly-300x200.jpg" alt="Mały">\n\n'
        '<img src="https://klucz.org.pl/wp-content/uploads/2016/06/bez-opisu.jpg">'))
    wxr.picture(20, "2016/06/plakat.jpg", alt="Plakat", parent=10)
    content, result = _one(tmp_path, wxr, {"2016/06/tylko-maly-300x200.jpg": (300, 200),
                                           "2016/06/plakat.jpg": (800, 1100), "2016/06/bez-opisu.jpg": (640, 480)})
    path = content / "aktualnosci" / "2016-06-20-film.md"
    text = body(path)
    assert "[https://vimeo.com/12345](https://vimeo.com/12345)" in text
    assert "nie ma pliku 2016/06/film.mp4 w UPLOADS: link usunięty, tekst został" in result.stdout
    assert "Ważne: zapisy do piątku." in text and "[box" not in text and "[/box]" not in text
    assert "Przypis [1] i [sic] zostają." in text
    assert "[zdjęcie w pełnym rozmiarze]({static}/images/2016-06-plakat.jpg)" in text
    assert "szkic, [archiwum](https://klucz.org.pl/kategoria/stara/), [inna strona](https://example.org/x)." in text
    # Only the original is missing: the variant the post used is copied.
    assert "![Mały]({static}/images/2016-06-tylko-maly-300x200.jpg)" in text
    assert "brak.jpg" not in text and "obcy.jpg" not in text
    lines = text.split("\n")
    out = result.stdout
    assert 'skrót [box] usunięty z tekstu (jego treść została): [box kolor="zielony"]' in out
    assert "link do niepublikowanego wpisu „Szkic”: usunięty, tekst został" in out
    assert "link do strony /kategoria/stara/ starej witryny, której nie ma w eksporcie" in out
    assert "nie ma pliku 2016/06/brak.jpg w folderze z plikami starej strony (UPLOADS)" in out
    assert "obrazek z innej strony (https://cdn.example.com/obcy.jpg) usunięty" in out
    # A picture the old site had no description for: a word the check keeps warning about.
    assert "![zdjęcie]({static}/images/2016-06-bez-opisu.jpg)" in text
    assert "obrazek images/2016-06-bez-opisu.jpg nie miał opisu na starej stronie" in out
    check, errors = make_check(content)
    assert errors == [] and "tekst alternatywny „zdjęcie” nic nie mówi o obrazku" in check.stdout, check.stdout
    # Each problem with the line of the file it is on.
    number = next(i for i, line in enumerate(lines, 1) if "szkic, [archiwum]" in line) + len(
        headers(path)) + 1
    assert f"content/aktualnosci/2016-06-20-film.md:{number}: link do niepublikowanego" in out


def test_event_times_from_any_zone_and_costs_in_words(tmp_path):
    wxr = Wxr()
    events = [
        (1, {"_EventStartDate": "2027-03-30 09:00:00", "_EventEndDate": "2027-03-30 11:00:00",
             "_EventTimezone": "America/New_York", "_EventCost": "bezpłatne"}),
        (2, {"_EventStartDateUTC": "2027-07-01 08:00:00", "_EventEndDateUTC": "2027-07-01 10:30:00",
             "_EventStartDate": "2027-07-01 08:00:00", "_EventTimezone": "UTC", "_EventCost": "20,50 zł"}),
        (3, {"_EventStartDate": "2027-01-20 00:00:00", "_EventEndDate": "2027-01-20 23:59:59",
             "_EventAllDay": "yes", "_EventCost": "20–40 zł"}),
        (4, {"_EventCost": "0"}),
    ]
    for ident, meta in events:
        wxr.item(ident, "tribe_events", title=f"Wydarzenie {ident}", name=f"wydarzenie-{ident}",
                 date="2026-12-01 10:00:00", content="<p>Opis.</p>", meta=meta)
    content, result = _one(tmp_path, wxr)
    first = headers(content / "szkolenia" / "2026-12-01-wydarzenie-1.md")
    assert (first["Event-Start"], first["Event-End"], first["Event-Price"]) == (
        "2027-03-30 15:00", "2027-03-30 17:00", "0")
    second = headers(content / "szkolenia" / "2026-12-01-wydarzenie-2.md")
    assert (second["Event-Start"], second["Event-End"], second["Event-Price"]) == (
        "2027-07-01 10:00", "2027-07-01 12:30", "20.50")
    third = headers(content / "szkolenia" / "2026-12-01-wydarzenie-3.md")
    assert third["Event-Start"] == "2027-01-20" and "Event-End" not in third and "Event-Price" not in third
    assert "koszt „20–40 zł” to nie jedna kwota" in result.stdout
    # No start: not a training; a news post, said so.
    assert (content / "aktualnosci" / "2026-12-01-wydarzenie-4.md").is_file()
    assert "wydarzenie bez daty początku: zapisane jako aktualność" in result.stdout
    check, errors = make_check(content)
    assert errors == [], check.stdout


def test_a_broken_export_is_read_up_to_its_fault(imported, tmp_path):
    text = imported["export"].read_text(encoding="utf-8")
    # A control character and a bare & in the appeal's title, and the file cut off inside the last item.
    broken = text.replace("Dodaj nam MOCy! Wesprzyj Centrum", "Dodaj nam MOCy!\x01 Wesprzyj & Centrum")
    cut = broken.index("<wp:post_id>160</wp:post_id>")
    broken = broken[:cut]
    fault_line = broken[: broken.index("\x01")].count("\n") + 1
    export = tmp_path / "uszkodzony.xml"
    export.write_text(broken, encoding="utf-8")
    content = fresh_content(tmp_path)
    result = run_import(export, content, imported["uploads"])
    assert result.returncode == 1
    assert f"BŁĄD: plik {export} jest uszkodzony (pierwsze miejsce: wiersz {fault_line}," in result.stderr
    report = (tmp_path / "raport-importu.txt").read_text(encoding="utf-8")
    assert "Plik eksportu jest uszkodzony" in report and f"wiersz {fault_line}, kolumna" in report
    assert f"wiersz {broken.count(chr(10)) + 1}" in report  # the end cut short
    # Everything before and after the bad title is there, the title as far as it could be read.
    assert headers(content / "wesprzyj" / "2027-01-10-dodaj-nam-mocy-2027.md")["Title"].startswith("Dodaj nam MOCy!")
    assert (content / "szkolenia" / "2016-11-01-warsztat-odwolany.md").is_file()
    check, errors = make_check(content)
    assert errors == [], check.stdout


@pytest.mark.parametrize("case", ["missing", "not-wxr", "no-uploads", "empty-make"])
def test_bad_input_is_a_clear_error(tmp_path, case):
    content = fresh_content(tmp_path)
    if case == "empty-make":
        result = subprocess.run(["make", "-s", "import", f"INPUTDIR={content}"], cwd=ROOT, capture_output=True,
                                text=True)
        assert result.returncode != 0 and "BŁĄD: podaj plik eksportu: make import WXR=" in result.stdout
        return
    export = tmp_path / "eksport.xml"
    if case == "not-wxr":
        export.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>'
                          "<item><title>Wpis</title></item></channel></rss>", encoding="utf-8")
    elif case == "no-uploads":
        export = sample_export(tmp_path)[0]
    result = run_import(export, content, tmp_path / "brak" if case == "no-uploads" else "")
    assert result.returncode == 1
    expected = {"missing": f"BŁĄD: nie ma pliku eksportu {export}",
                "not-wxr": "to nie jest eksport WordPressa",
                "no-uploads": f"BŁĄD: nie ma folderu {tmp_path / 'brak'}"}[case]
    assert expected in result.stderr and "Co zrobić:" in result.stderr
    assert sorted(p.relative_to(content) for p in content.rglob("*")) == sorted(
        p.relative_to(SAMPLE) for p in SAMPLE.rglob("*"))


def test_a_50_mb_export_is_streamed_not_loaded_whole(tmp_path):
    """Revisions are most of a big export's bytes: 50 MB of them and 100
    posts. The import's peak memory stays far below the export's size in
    a parsed tree (about five times the file)."""
    export = big_export(tmp_path / "duzy.xml")
    size = export.stat().st_size
    assert size > 50_000_000
    content = tmp_path / "content"
    content.mkdir()
    measured = subprocess.run(
        # VmHWM: this process's own peak (ru_maxrss would count the forked test process's).
        [PYTHON, "-c", "import re, sys; from wpimport.cli import main; code = main(sys.argv[1:]); "
                       "print('PEAK', re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1)); "
                       "sys.exit(code)",
         str(export), "--content", str(content), "--report", str(tmp_path / "r.txt")],
        cwd=ROOT, capture_output=True, text=True)
    assert measured.returncode == 0, measured.stderr
    peak_mb = int(re.search(r"PEAK (\d+)", measured.stdout).group(1)) / 1024
    assert "revision: 5000" in measured.stdout
    assert len(list((content / "aktualnosci").glob("*.md"))) == 100
    assert peak_mb < 150, f"peak {peak_mb:.0f} MB for a {size / 1e6:.0f} MB export"


def test_pelican_import_on_the_same_export_loses_what_the_readme_says(imported, tmp_path):
    """The table in README.md, checked: Pelican's own importer on the same export."""
    need("pandoc", "pandoc")
    out = tmp_path / "pelican-import"
    result = subprocess.run([str(Path(PYTHON).parent / "pelican-import"), "--wpfile", "-m", "markdown",
                             "-o", str(out), str(imported["export"])], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    files = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.md")}
    # Only publish and draft: pending, private and scheduled items are gone without a word.
    titles = [re.search(r"^Title: (.*)$", t, re.M).group(1) for t in files.values()]
    assert "Do przeglądu: nowe dotacje" not in titles and "Notatka wewnętrzna" not in titles
    assert "Dodaj nam MOCy! Wesprzyj Centrum" not in titles
    # Venues, organisers and menu items become posts; events have no date or place.
    assert {"mbp-skierniewice.md", "anna-kowalska.md", "140.md"} <= set(files)
    assert "Event-Start" not in files["abc-skierniewice.md"] and "Pomologiczna" not in files["abc-skierniewice.md"]
    # Shortcodes and block comments stay; pictures and links point at the old site; no old addresses.
    assert "contact-form-7" in files["ruszylo-doradztwo.md"]
    assert "<!-- wp:paragraph -->" in files["targi-piotrkow-2017.md"]
    classic = files["ruszylo-doradztwo.md"]
    assert "https://klucz.org.pl/wp-content/uploads/2016/06/sala-szkoleniowa-300x200.jpg" in classic
    assert "https://klucz.org.pl/?p=102" in files["ruszylo-doradztwo.md"]
    assert not any("Aliases" in t for t in files.values())
    # And this site refuses its Category and Author lines.
    assert "Category: Aktualności" in classic and "Author: redakcja" in classic
    # Ours on the same export: every kind in its folder, nothing of the above.
    ours = imported["content"]
    assert json.loads((ours / "wordpress-import.json").read_text(encoding="utf-8"))["items"].keys() >= {
        "103", "105", "106", "130"}
