"""Site search as a visitor uses it, on the live build served by nginx with
its Content-Security-Policy: Polish word forms found, a filter narrowing the
results, the keyboard alone enough, nothing for axe to find, nothing asked of
another server."""

import re
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import WCAG
from playwright.sync_api import expect

from klucz_harness.servers import Nginx, free_port
from klucz_harness.sitebuild import REAL_PAYMENT_DETAILS, build, scenario

pytestmark = pytest.mark.browser

POSTS = {
    "aktualnosci/2026-10-01-nowa-forma.md": "Title: Nowa forma wsparcia\nDate: 2026-10-01\n\n"
    "Pomagamy członkom spółdzielni w pierwszym roku działalności.\n",
    "aktualnosci/2026-10-02-dwie.md": "Title: Dwie nowe firmy\nDate: 2026-10-02\n\n"
    "W powiecie powstały dwie spółdzielnie, które zatrudnią osiem osób.\n",
    "aktualnosci/2025-05-03-targi.md": "Title: Targi w mieście\nDate: 2025-05-03\n\n"
    "Spotkaliśmy się w Łodzi na targach przedsiębiorczości.\n",
    "szkolenia/2026-10-05-kurs.md": "Title: Kurs księgowości\nDate: 2026-10-05\n"
    "Event-Start: 2027-03-10 10:00\nEvent-End: 2027-03-10 14:00\nEvent-Location: Sala 5, ul. Piotrkowska 1, 90-001 "
    "Łódź\n"
    "Registration-Email: szkolenia@example.org\n\nKsięgowość dla spółdzielni socjalnych.\n",
    "szkolenia/2026-10-06-webinar.md": "Title: Biznesplan krok po kroku\nDate: 2026-10-06\n"
    "Summary: Jak policzyć koszty pierwszego roku.\n"
    "Event-Start: 2027-04-07 17:00\nEvent-End: 2027-04-07 19:00\nEvent-Location: online\n"
    "Event-Online-URL: https://meet.example.org/biznesplan\nRegistration-Email: szkolenia@example.org\n\n"
    "Dwie godziny przy komputerze z doradczynią.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search")
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    out = build(folder / "out", content=scenario(folder, "none", POSTS), conf="publishconf.py", SITEURL=origin,
                SITE_ORIGIN=origin, FEED_DOMAIN=origin, **REAL_PAYMENT_DETAILS)
    server = Nginx(folder / "nginx", out, port=port)
    yield server.url
    server.stop()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script("""window.__csp = []; document.addEventListener("securitypolicyviolation",
        (e) => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline")));""")
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    assert page.evaluate("window.__csp") == []
    assert {urlparse(u).hostname for u in page.requests if not u.startswith("data:")} == {"127.0.0.1"}
    context.close()


def titles(page):
    page.locator("#szukaj-stan").filter(has_text="wynik").or_(page.get_by_text("Brak wyników")).first.wait_for()
    return sorted(t.replace("\u00a0", " ") for t in page.locator(".search-result__title").all_inner_texts())


def test_a_word_finds_its_other_forms(page, site):
    page.goto(site + "/szukaj/?q=spółdzielnia")
    found = titles(page)
    assert "Nowa forma wsparcia" in found  # says "spółdzielni"
    assert "Dwie nowe firmy" in found  # says "spółdzielnie"
    page.goto(site + "/szukaj/?q=Łódź")
    assert "Targi w mieście" in titles(page)  # says "Łodzi"


def test_words_typed_without_polish_letters_find_them(page, site):
    """People type on phones without Polish letters: Pagefind forgives a
    missing accent itself, the ł (a letter of its own) the site's word list."""
    for typed in ("lodzi", "Lodz", "spoldzielni", "ksiegowosc"):
        page.goto(site + "/szukaj/?q=" + typed)
        found = titles(page)
        assert found, typed
        assert ("Targi w mieście" in found) == typed.lower().startswith("lodz"), (typed, found)
        assert page.locator("#szukaj-pole").input_value() == typed  # what was typed stays as typed
    page.goto(site + "/szukaj/")
    page.locator("#szukaj-pole").fill("spold")  # half typed
    expect(page.locator(".search-result").filter(has_text="Dwie nowe firmy")).to_have_count(1)


def test_online_trainings_are_found_as_such_and_read_as_a_sentence(page, site):
    page.goto(site + "/szukaj/?q=szkolenie online")
    assert titles(page) == ["Biznesplan krok po kroku"]
    result = page.locator(".search-result")
    meta = result.locator(".search-result__meta").inner_text().replace("\u00a0", " ").replace("\u2060", "")
    assert meta == "Szkolenia · Szkolenie online, 7 kwietnia 2027 r., 17:00–19:00"
    # Its summary, not the facts' words around the match.
    assert result.locator(".search-result__excerpt").inner_text() == "Jak policzyć koszty pierwszego roku."


def test_without_javascript_one_line_says_where_to_look(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/szukaj/?q=lodz")
    line = page.locator(".search-noscript")
    assert line.is_visible()
    box = line.bounding_box()
    assert box["y"] + box["height"] < 844  # on the first screen
    assert [urlparse(a.get_attribute("href")).path for a in line.locator("a").all()] == [
        "/archiwum/", "/tagi/", "/szkolenia/"]
    # Nothing below it keeps an empty screen's worth of space.
    height = page.evaluate("document.querySelector('main').getBoundingClientRect().bottom")
    assert height < box["y"] + box["height"] + 200
    context.close()


def test_a_training_shows_its_date_and_place_and_a_filter_narrows_the_results(page, site):
    page.goto(site + "/szukaj/?q=spółdzielnia")
    titles(page)
    training = page.locator(".search-result").filter(has_text="Kurs księgowości")
    meta = training.locator(".search-result__meta").inner_text().replace("\u00a0", " ").replace("\u2060", "")
    assert "10 marca 2027" in meta and "Piotrkowska 1" in meta
    # What the build keeps on one line stays so in results (Pagefind hands back plain spaces).
    shown = page.locator(".search-results").inner_text()
    assert "10\u00a0marca" in training.locator(".search-result__meta").inner_text()
    assert re.findall(r"(?<![\w\u00a0])[aiouwz] |\d (?:r\.|zł)", shown) == []
    before = titles(page)
    page.get_by_label("Szkolenia").check()
    # Playwright's own waiting: wait_for_function compiles its text in the page,
    # which the site's policy (no 'unsafe-eval') rightly refuses.
    expect(page.locator(".search-result")).to_have_count(1)
    assert titles(page) == ["Kurs księgowości"]
    assert len(before) > 1
    page.get_by_label("Szkolenia").uncheck()
    page.get_by_label("Rok").select_option("2025")
    expect(page.locator(".search-result").filter(has_text="Kurs księgowości")).to_have_count(0)
    assert "Kurs księgowości" not in titles(page) and len(titles(page)) < len(before)


def test_the_keyboard_alone_finds_and_opens_a_result(page, site):
    page.goto(site + "/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "szukaj-naglowek":
            break
    assert page.evaluate("document.activeElement.id") == "szukaj-naglowek"
    page.keyboard.type("księgowość")
    page.keyboard.press("Enter")
    page.wait_for_url("**/szukaj/?q=*")
    assert titles(page) == ["Kurs księgowości"]
    link = page.locator(".search-result__title a").first
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.search-result') !== null"):
            break
    assert page.evaluate("document.activeElement.textContent") == "Kurs księgowości"
    page.keyboard.press("Enter")
    page.wait_for_url("**/szkolenia/kurs-ksiegowosci/")
    assert link is not None


@pytest.mark.parametrize("width", [1280, 320])
def test_axe_finds_nothing_on_the_open_results(browser, page, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/szukaj/?q=spółdzielnia")
    titles(page)
    results = Axe().run(page, options=WCAG)
    assert [v["id"] for v in results.response["violations"]] == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
