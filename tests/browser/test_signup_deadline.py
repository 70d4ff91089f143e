"""The sign-up box in a real browser: closed by the visitor's clock, usable without JS."""

import pytest

from klucz_harness.sitebuild import build, scenario, serve

pytestmark = pytest.mark.browser
PAGE = "/szkolenia/szkolenie-z-terminem-jutro/"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("signup")
    # Built on 28 November; the deadline is 29 November 2026, 12:00 in Warsaw.
    site = build(tmp / "out", content=scenario(tmp, "trainings"), SITE_ORIGIN="http://127.0.0.1")
    url, server = serve(site)
    yield url
    server.shutdown()


def open_at(browser, url, iso_time, javascript=True):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    if iso_time:
        page.clock.install(time=iso_time)
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


def test_open_before_the_deadline(browser, base_url):
    context, page = open_at(browser, base_url + PAGE, "2026-11-29T10:59:00Z")
    box = page.locator("section.signup")
    assert box.locator("[data-signup-label]").inner_text() == "Zapisy otwarte"
    assert box.locator("a.button").count() == 1
    context.close()


def test_closed_once_the_visitor_clock_passes_the_deadline(browser, base_url):
    context, page = open_at(browser, base_url + PAGE, "2026-11-29T11:01:00Z")
    box = page.locator("section.signup")
    assert box.locator("[data-signup-label]").inner_text() == "Zapisy zakończone"
    assert box.locator("a.button").count() == 0
    assert "Wolne miejsca" not in box.inner_text()
    assert box.locator("[data-signup-late]").is_visible()
    listing, list_page = open_at(browser, base_url + "/szkolenia/", "2026-11-30T08:00:00Z")
    card = list_page.locator(".training-card", has_text="Szkolenie z terminem jutro")
    assert card.locator("[data-signup-label]").inner_text() == "Zapisy zakończone"
    context.close()
    listing.close()


def test_sign_up_works_without_javascript(browser, base_url):
    context, page = open_at(browser, base_url + PAGE, None, javascript=False)
    box = page.locator("section.signup")
    assert box.locator("[data-signup-label]").inner_text() == "Zapisy otwarte"
    href = box.locator("a.button").get_attribute("href")
    assert href.startswith("mailto:zapisy@example.org?subject=")
    context.close()
