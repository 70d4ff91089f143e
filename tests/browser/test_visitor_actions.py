"""What a visitor does with the buttons the scripts add: copy the sign-up
e-mail in one tap (no mail program needed), and the share sheet only where
the browser has one."""

import pytest

from test_pages import PAGES, site_url, visit  # noqa: F401 (site_url: the fixture)

pytestmark = pytest.mark.browser


def test_one_tap_copies_the_sign_up_address_subject_and_text(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(site_url + PAGES["training"])
    box = page.locator("section.signup")
    buttons = box.get_by_role("button", name="Kopiuj: adres")
    buttons.click()
    assert page.evaluate("navigator.clipboard.readText()") == "szkolenia@instytutsprawobywatelskich.pl"
    assert box.get_by_role("button", name="Kopiuj: adres").inner_text() == "Skopiowano"
    box.get_by_role("button", name="Kopiuj: temat").click()
    subject = page.evaluate("navigator.clipboard.readText()")
    assert subject.startswith("Zgłoszenie: ABC Ekonomii Społecznej") and "\u2060" not in subject
    box.get_by_role("button", name="Kopiuj: treść").click()
    assert "\nImię i nazwisko:\n" in page.evaluate("navigator.clipboard.readText()")
    context.close()


def test_without_javascript_the_e_mail_is_there_to_read(browser, site_url):
    context, page, *_ = visit(browser, site_url + PAGES["training"], javascript=False)
    box = page.locator("section.signup")
    assert "szkolenia@instytutsprawobywatelskich.pl" in box.inner_text()
    assert box.get_by_role("button", name="Kopiuj: adres").count() == 0
    context.close()


def test_the_share_sheet_button_appears_only_where_the_browser_can_share(browser, site_url):
    context, page, *_ = visit(browser, site_url + PAGES["article"])
    can_share = page.evaluate("typeof navigator.share === 'function'")
    assert page.locator("button.share__system").is_visible() == can_share
    assert page.locator("section.share a").count() == 4
    context.close()
