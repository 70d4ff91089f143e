"""The sample site as a visitor, a feed reader and a search engine get it."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pytest

from klucz_harness.sitebuild import LIVE_URL, ROOT, SAMPLE, build, html_pages, scenario, site_files, soup

NBSP = "\u00a0"
ATOM = "{http://www.w3.org/2005/Atom}"
SEED_URL = "aktualnosci/podsumowanie-dzialan-kwiecien-maj-2016-r/"


def _header(path):
    """The metadata lines at the top of a Markdown content file."""
    fields = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    return fields


def _text(node):
    """As read, dashes as written in the files (the typography turns a range's hyphen into an en dash)."""
    return " ".join(node.get_text(" ").replace(NBSP, " ").replace("\u2011", "-").replace("\u2060", "")
                    .replace("–", "-").split())


def _content_files(*folders):
    for folder in folders:
        yield from sorted((SAMPLE / folder).glob("*.md"))


def test_layout_of_the_design_card():
    for name in ("content", "theme", "plugins", "tests"):
        assert (ROOT / name).is_dir(), name
    for name in ("pelicanconf.py", "publishconf.py", "Makefile", "README.md", ".ci/run"):
        assert (ROOT / name).is_file(), name
    for plugin in ("strict_build", "polish_dates", "typography", "seo"):
        assert (ROOT / "plugins" / plugin / "__init__.py").is_file(), plugin


def test_make_help_lists_exactly_the_real_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    defined = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    help_block = makefile.split("help:", 1)[1].split("\n\n", 1)[0]
    listed = set(re.findall(r"make ([a-z][a-z-]*)", help_block))
    phony = set(re.search(r"^\.PHONY: (.*)$", makefile, re.M).group(1).split())
    assert listed == defined - {"help"}
    assert phony == defined
    for target in ("help", "html", "clean", "regenerate", "serve", "devserver", "publish", "test"):
        assert target in defined


def test_every_content_file_has_its_page(dev_site):
    headings = {}
    for page in html_pages(dev_site):
        h1 = soup(page).find("h1")
        if h1:
            headings.setdefault(_text(h1), []).append(page)
    files = list(_content_files("aktualnosci", "szkolenia", "wesprzyj", "pages"))
    assert len(files) >= 20
    for path in files:
        title = " ".join(_header(path)["title"].replace("–", "-").split())
        assert title in headings, f"{path.name}: no page with the heading {title!r}"


def test_content_is_real_and_plentiful():
    counts = {f: len(list(_content_files(f))) for f in ("aktualnosci", "szkolenia", "wesprzyj")}
    assert counts["aktualnosci"] >= 4 and counts["szkolenia"] >= 4 and counts["wesprzyj"] >= 2
    assert sum(counts.values()) >= 13
    trainings_2027 = [
        p for p in _content_files("szkolenia") if _header(p).get("event-start", "").startswith("2027")
    ]
    assert len(trainings_2027) >= 3
    # The centre's own activity summary (its text as the centre wrote it).
    news = (SAMPLE / "aktualnosci/2016-05-31-podsumowanie-dzialan-kwiecien-maj-2016.md")
    first_sentence = "przeprowadził szereg działań animacyjno-doradczych oraz szkoleniowych"
    assert first_sentence in news.read_text(encoding="utf-8")


def test_pretty_polish_urls(dev_site):
    assert (dev_site / SEED_URL / "index.html").is_file()
    assert (dev_site / "szkolenia/index.html").is_file()
    assert (dev_site / "wesprzyj/dodaj-nam-mocy/index.html").is_file()
    for slug in ("o-nas", "kontakt", "wesprzyj-nas", "projekty", "polityka-prywatnosci", "deklaracja-dostepnosci"):
        assert (dev_site / slug / "index.html").is_file(), slug
    assert (dev_site / "404.html").is_file()
    # "Łódź" is transliterated, never percent-encoded.
    assert (dev_site / "aktualnosci/targi-ekonomii-spolecznej-w-lodzi-relacja/index.html").is_file()
    for page in html_pages(dev_site):
        for a in soup(page).find_all("a", href=True):
            path = urlparse(a["href"]).path
            assert "%C5" not in path and "ł" not in path, (page, a["href"])


def test_polish_dates_in_time_elements(dev_site):
    page = soup(dev_site / SEED_URL / "index.html")
    time = page.find("time")
    assert time["datetime"] == "2016-05-31T12:00+02:00"
    assert time.get_text() == f"31{NBSP}maja 2016{NBSP}r."
    archive = soup(dev_site / "archiwum/2016/05/index.html")
    assert "maj 2016" in _text(archive.find("h1"))
    archives = soup(dev_site / "archiwum/index.html")
    headings = [_text(h) for h in archives.find_all("h2")]
    assert "Listopad 2026" in headings


def test_non_breaking_spaces_in_text_and_titles(dev_site):
    page = soup(dev_site / SEED_URL / "index.html")
    body = page.find("div", class_="post__content").get_text()
    assert f"i{NBSP}z{NBSP}dużą" in body
    assert f"w{NBSP}ciągu" in body
    assert "2014–\u20602020" in body  # a range: an en dash, kept on one line
    assert " i z " not in body
    title = page.find("h1").get_text()
    assert title.endswith(f"2016{NBSP}r.")
    raw = (dev_site / SEED_URL / "index.html").read_text(encoding="utf-8")
    for tag in re.findall(r"<[^>]+>", raw):
        if NBSP in tag:  # only in text a meta tag carries (its content=)
            assert "content=" in tag, tag


def test_navigation_and_landmarks_on_every_page(dev_site):
    expected = ["Aktualności", "Szkolenia", "Wesprzyj nas", "O nas", "Kontakt"]
    for path in html_pages(dev_site):
        page = soup(path)
        assert page.html["lang"] == "pl", path
        skip = page.find("a", class_="skip-link")
        assert skip and skip["href"] == "#tresc", path
        assert page.find("main", id="tresc"), path
        nav = page.find("nav", attrs={"aria-label": "Menu główne"})
        assert [_text(a) for a in nav.find_all("a")] == expected, path
        assert len(page.find_all("h1")) == 1, path
        footer = page.find("footer", class_="site-footer")
        links = {a["href"] for a in footer.find_all("a", href=True)}
        assert "/polityka-prywatnosci/" in links and "/deklaracja-dostepnosci/" in links, path
        meta = page.find("meta", attrs={"name": "deklaracja-dostępności"})
        assert meta and meta["content"].endswith("/deklaracja-dostepnosci/"), path


def test_heading_levels_never_skip(dev_site):
    for path in html_pages(dev_site):
        levels = [int(h.name[1]) for h in soup(path).find_all(re.compile(r"^h[1-6]$"))]
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (path, levels)


def test_no_request_to_a_third_party(live_site):
    own = urlparse(LIVE_URL).netloc
    loaded = []
    for path in html_pages(live_site):
        page = soup(path)
        for tag in page.find_all(["script", "img", "iframe", "source", "audio", "video", "embed"]):
            loaded.append((path, tag.get("src") or tag.get("srcset") or ""))
        for link in page.find_all("link", href=True):
            if not {"canonical", "alternate"} & set(link.get("rel", [])):
                loaded.append((path, link["href"]))
        for style in page.find_all(style=True):
            loaded += [(path, u) for u in re.findall(r"url\(([^)]+)\)", style["style"])]
    for css in live_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        loaded += [(css, u) for u in re.findall(r"url\(([^)]+)\)|@import\s+['\"]([^'\"]+)", text)]
    assert loaded
    for where, url in loaded:
        url = url if isinstance(url, str) else "".join(url)
        host = urlparse(url.strip("'\" ")).netloc
        assert host in ("", own), f"{where}: {url}"
    for path in live_site.rglob("*.html"):
        assert "document.cookie" not in path.read_text(encoding="utf-8")


def _feed_entries(path):
    root = ET.parse(path).getroot()
    if root.tag == f"{ATOM}feed":
        return [
            (e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href"))
            for e in root.findall(f"{ATOM}entry")
        ]
    return [(i.findtext("title"), i.findtext("link")) for i in root.iter("item")]


@pytest.mark.parametrize("name", ["wszystko.atom.xml", "wszystko.rss.xml"])
def test_feeds_list_every_post_with_absolute_links(live_site, name):
    entries = _feed_entries(live_site / "feeds" / name)
    posts = list(_content_files("aktualnosci", "szkolenia", "wesprzyj"))
    assert len(entries) == len(posts)
    titles = {" ".join(t.replace(NBSP, " ").split()) for t, _ in entries}
    for path in posts:
        assert " ".join(_header(path)["title"].split()) in titles, path.name
    for _, link in entries:
        assert link.startswith(LIVE_URL + "/"), link


@pytest.mark.parametrize("category", ["aktualnosci", "szkolenia", "wesprzyj"])
def test_category_feeds(live_site, category):
    for kind in ("atom", "rss"):
        entries = _feed_entries(live_site / "feeds" / f"{category}.{kind}.xml")
        assert len(entries) == len(list(_content_files(category)))
        assert all(f"/{category}/" in link for _, link in entries)


def test_feeds_advertised_in_every_head(live_site):
    for path in html_pages(live_site):
        alternates = soup(path).find_all("link", rel="alternate")
        types = {link["type"] for link in alternates}
        assert {"application/atom+xml", "application/rss+xml"} <= types, path
        assert all(link["href"].startswith(LIVE_URL) for link in alternates), path


def test_canonical_and_open_graph_are_absolute_in_the_live_site(live_site):
    page = soup(live_site / SEED_URL / "index.html")
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == f"{LIVE_URL}/{SEED_URL}"
    assert page.find("meta", property="og:url")["content"] == canonical
    assert page.find("meta", property="og:type")["content"] == "article"
    assert page.find("meta", property="og:title")["content"].startswith("Podsumowanie")
    assert page.find("meta", property="og:locale")["content"] == "pl_PL"
    stylesheet = page.find("link", rel="stylesheet")["href"]
    assert stylesheet.startswith(LIVE_URL + "/theme/")


def test_sitemap_lists_every_public_page(live_site):
    root = ET.parse(live_site / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    listed = {u.findtext(f"{ns}loc") for u in root.findall(f"{ns}url")}
    expected = set()
    for path in html_pages(live_site):
        rel = path.relative_to(live_site).as_posix()
        if rel == "404.html":
            continue
        expected.add(LIVE_URL + "/" + rel.removesuffix("index.html"))
    assert listed == expected
    assert f"{LIVE_URL}/{SEED_URL}" in listed
    robots = (live_site / "robots.txt").read_text(encoding="utf-8")
    assert "Allow: /" in robots and f"Sitemap: {LIVE_URL}/sitemap.xml" in robots


def test_development_build_keeps_robots_away(dev_site):
    assert "Disallow: /" in (dev_site / "robots.txt").read_text(encoding="utf-8")


def test_accessibility_statement_has_the_required_ids(dev_site):
    page = soup(dev_site / "deklaracja-dostepnosci/index.html")
    ids = [
        "a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja",
        "a11y-data-aktualizacja", "a11y-status", "a11y-data-sporzadzenie",
        "a11y-data-przeglad", "a11y-kontakt", "a11y-osoba", "a11y-email",
        "a11y-telefon", "a11y-procedura", "a11y-architektura",
    ]
    for element_id in ids:
        assert page.find(id=element_id), element_id
    assert _text(page.find(id="a11y-podmiot")) == "Fundacja Instytut Spraw Obywatelskich"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.find(id="a11y-data-publikacja").get_text())
    assert "częściowo zgodna" in _text(page.find(id="a11y-status"))
    procedure = _text(page.find(id="a11y-procedura"))
    assert "7 dni" in procedure and "2 miesiące" in procedure and "Rzecznika Praw Obywatelskich" in procedure


def test_privacy_policy_names_the_controller_from_settings(dev_site, tmp_path):
    page = soup(dev_site / "polityka-prywatnosci/index.html")
    text = _text(page.find("main"))
    for fragment in ("Fundacja Instytut Spraw Obywatelskich", "KRS 0000191928", "ul. Pomorska 40",
                     "Prezesa Urzędu Ochrony Danych Osobowych", "nie używa ciasteczek"):
        assert fragment in text, fragment
    # The controller block follows the settings, not a copy in the text.
    other = build(
        tmp_path / "out",
        ORGANIZATION={"name": "Fundacja Testowa", "short_name": "FT", "street": "ul. Prosta 1",
                      "postal_code": "00-001", "city": "Warszawa", "krs": "0000000001",
                      "email": "a@b.pl", "phone": "22 000 00 00", "office_hours": "9–17"},
    )
    text = _text(soup(other / "polityka-prywatnosci/index.html").find("main"))
    assert "Fundacja Testowa" in text and "KRS 0000000001" in text


def test_project_pages_state_the_eu_facts_the_current_one_first(dev_site):
    """Projekty lists every project page: the one that goes on first, the
    ended ones after it, marked as ended; each page gives the EU facts."""
    listing = soup(dev_site / "projekty/index.html")
    sections = [_text(s.find("h2")) for s in listing.select("main section.projects")]
    assert sections == ["Projekt, który trwa", "Projekty zakończone"]
    ended = listing.find("section", attrs={"aria-labelledby": "projekty-zakonczone"})
    assert [a["href"] for a in ended.select("h3 a")] == ["/projekt-owes-2016-2018/"]
    assert _text(ended.select_one(".badge")) == "Zakończony"
    going = listing.find("section", attrs={"aria-labelledby": "projekty-trwaja"})
    assert [a["href"] for a in going.select("h3 a")] == ["/projekt-owes/"] and not going.select(".badge")
    page = soup(dev_site / "projekt-owes-2016-2018/index.html")
    terms = [_text(dt) for dt in page.find_all("dt")]
    for term in ("Program", "Beneficjent", "Okres realizacji", "Wartość projektu",
                 "Dofinansowanie z Unii Europejskiej"):
        assert term in terms
    text = _text(page.find("main"))
    assert text.count("Projekt zakończony") == 1 and "Rekrutacja do projektu jest zakończona" in text
    assert "trwa w sposób ciągły" not in text  # no present tense for what has ended
    for a in page.select("main a[href$='.pdf']"):
        assert (dev_site / a["href"].lstrip("/")).is_file(), a["href"]


def test_what_the_centre_offers_has_pages_the_home_page_leads_to(dev_site):
    home = soup(dev_site / "index.html")
    services = {_text(a): a["href"] for a in home.select("section.services h3 a")}
    assert services == {"Animacja": "/jak-zalozyc/", "Doradztwo": "/doradztwo/", "Szkolenia": "/szkolenia/",
                        "Dotacje": "/dotacje/"}
    advice = _text(soup(dev_site / "doradztwo/index.html").find("main"))
    assert "Jak się umówić" in advice and "42 630 17 49" in advice and "bezpłatne" in advice
    steps = [_text(h) for h in soup(dev_site / "jak-zalozyc/index.html").select("main h2")]
    assert steps[:6] == ["1. Pomysł i ludzie", "2. Podstawy ekonomii społecznej", "3. Forma prawna", "4. Rejestracja",
                         "5. Biznesplan i pieniądze na start", "6. Pierwszy rok"]
    assert _text(soup(dev_site / "jak-zalozyc/index.html").find("main")).count("Co dajemy:") == 6
    grants = soup(dev_site / "dotacje/index.html")
    assert grants.select_one("main a[href='/tag/dotacje/']")
    # What the centre has yet to confirm is a staff note: never on the page.
    for slug in ("doradztwo", "jak-zalozyc", "dotacje", "projekt-owes"):
        assert "POTWIERDZENIA" not in (dev_site / slug / "index.html").read_text(encoding="utf-8").upper()


def test_a_fact_to_confirm_is_listed_by_every_build(tmp_path):
    from klucz.strict_build import reported

    content = scenario(tmp_path, "none", {"pages/o.md": "Title: O\nSlug: o\n\nTekst.\n\n"
                                          "<!-- DO POTWIERDZENIA: godziny dyżurów\n w biurze -->\n\nDalej.\n"})
    out = build(tmp_path / "out", content=content)
    said = [p for p in reported() if p.field == "do potwierdzenia"]
    assert [(p.path, p.line, p.message, p.severity) for p in said] == [
        ("pages/o.md", 6, "godziny dyżurów w biurze", "warning")]
    assert "dyżurów" not in (out / "o" / "index.html").read_text(encoding="utf-8")


def test_eu_strip_only_when_configured_and_above_the_fold(dev_site, tmp_path):
    assert not soup(dev_site / "index.html").find(class_="eu-strip")
    logos = [
        {"file": "images/eu/fe.svg", "alt": "Fundusze Europejskie – Program Regionalny"},
        {"file": "images/eu/ue.svg", "alt": "Unia Europejska – Europejski Fundusz Społeczny"},
    ]
    site = build(tmp_path / "out", EU_FUNDING_LOGOS=logos)
    for page, on_top in (("index.html", True), ("projekty/index.html", True), (SEED_URL + "index.html", False)):
        doc = soup(site / page)
        strip = doc.find(class_="eu-strip")
        assert [img["alt"] for img in strip.find_all("img")] == [row["alt"] for row in logos]
        before_main = strip.find_next("main") is not None
        assert before_main == on_top, page


def test_pagination_and_archives(dev_site, tmp_path):
    paged = build(tmp_path / "out", DEFAULT_PAGINATION=4)
    first = soup(paged / "aktualnosci/index.html")
    assert first.find("a", rel="next")["href"] == "/aktualnosci/strona/2/"
    second = soup(paged / "aktualnosci/strona/2/index.html")
    assert second.find("a", rel="prev")["href"] == "/aktualnosci/"
    assert "Strona 2 z 2" in _text(second.find("nav", class_="pagination"))
    # The home page lists the latest news, not every post page by page.
    assert not (paged / "strona").exists()
    assert not soup(paged / "index.html").find("nav", class_="pagination")
    assert (dev_site / "archiwum/2016/05/index.html").is_file()
    assert not (dev_site / "archiwum/2016/index.html").exists()
    assert (dev_site / "tag/klauzule-spoleczne/index.html").is_file()
    tag = soup(dev_site / "tag/klauzule-spoleczne/index.html")
    assert "klauzule społeczne" in _text(tag.find("h1"))
    category = soup(dev_site / "aktualnosci/index.html")
    assert _text(category.find("h1")) == "Aktualności"


def test_404_page_is_not_indexed(live_site):
    page = soup(live_site / "404.html")
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"})
    assert _text(page.find("h1")) == "Nie znaleziono strony"
    # Served for any missing address, so its links must not be relative.
    for link in page.find_all(["a", "link"], href=True):
        assert not re.match(r"^(?!https?:|/|#|mailto:|tel:)", link["href"]), link["href"]


def test_builds_are_reproducible(tmp_path):
    a = build(tmp_path / "a")
    b = build(tmp_path / "b")
    files_a, files_b = site_files(a), site_files(b)
    assert sorted(files_a) == sorted(files_b)
    assert [rel for rel in files_a if files_a[rel] != files_b[rel]] == []
