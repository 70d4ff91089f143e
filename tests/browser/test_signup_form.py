"""The sign-up form in Chromium, on a phone: with JavaScript the page shows
the live count and sends the form in place (errors next to the fields, what
was typed kept); the e-mail's link confirms on the person's page, and the
page's count drops; without JavaScript the service answers with its own
page; with the service down the page offers the e-mail sign-up."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import WCAG
from signupsite import link_in, service_for

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def service(signup_site, mailbox, tmp_path):
    running = service_for(signup_site, mailbox, tmp_path / "dane", SIGNUPS_MIN_SECONDS=0)
    yield running
    running.stop()


def fill(page, first, last, email):
    page.locator("section.signup summary", has_text="Zapisz się").click()
    page.get_by_label("Imię", exact=True).fill(first)
    page.get_by_label("Nazwisko", exact=True).fill(last)
    page.get_by_label("E-mail", exact=True).fill(email)


def test_sign_up_in_place_confirm_and_the_count_drops(browser, signup_site, service, mailbox, tmp_path):
    context = browser.new_context(viewport=PHONE, locale="pl-PL")
    page = context.new_page()
    errors = []
    # The form's errors come back as 400 (Bad Request), which Chromium logs.
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "status of 400" not in m.text
            else None)
    page.goto(signup_site["origin"] + "/szkolenia/test-zapisow-sredni/")
    live = page.locator("[data-signup-live]")
    live.filter(has_text="Zostało 5 z 5 miejsc").wait_for()
    # "Zapisz się" comes before the description, the form folded behind it.
    assert page.locator("form.signup-form").is_hidden()
    button_top = page.locator("section.signup summary.button").bounding_box()["y"]
    assert button_top < page.get_by_text("Opis szkolenia.").bounding_box()["y"]
    # A hurried visitor: the e-mail mistyped, the clause not ticked.
    fill(page, "Anna", "Nowak", "anna.example.org")
    page.evaluate("document.querySelector('form.signup-form').noValidate = true")
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    email_error = page.locator("#z-email-blad")
    email_error.wait_for()
    assert "To nie wygląda na adres e-mail" in email_error.inner_text()
    assert "Zaznacz, że znasz informację" in page.locator("#z-zgoda-blad").inner_text()
    assert page.get_by_label("E-mail", exact=True).get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Nazwisko", exact=True).input_value() == "Nowak"
    # The form with its errors showing: no WCAG A/AA violation.
    violations = Axe().run(page, options=WCAG).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    page.screenshot(path=str(tmp_path / "blad.png"), full_page=True)
    page.get_by_label("E-mail", exact=True).fill("anna@example.org")
    page.get_by_label("Znam informację o przetwarzaniu danych").check()
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    result = page.locator("[data-signup-result]")
    result.filter(has_text="Sprawdź skrzynkę e-mail").wait_for()
    assert page.locator("form.signup-form input[name=imie]").is_hidden()
    # The e-mail's link: the person's page, and the button that confirms.
    mailbox.wait(2)
    link = link_in(mailbox.to("anna@example.org")[0])
    page.goto(link)
    page.get_by_role("button", name="Potwierdzam udział").click()
    page.get_by_text("Udział jest potwierdzony").wait_for()
    page.goto(signup_site["origin"] + "/szkolenia/test-zapisow-sredni/")
    live.filter(has_text="Zostały 4 z 5 miejsc").wait_for()
    assert errors == []
    context.close()


def test_without_javascript_the_service_answers_with_its_own_page(browser, signup_site, service, mailbox):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(signup_site["origin"] + "/szkolenia/test-zapisow-maly/")
    fill(page, "Jan", "Kowalski", "jan(at)example.org")
    # The browser's own check of type=email passes "jan@example"; the
    # service does not, and answers with its own page, what was typed kept.
    page.get_by_label("E-mail", exact=True).fill("jan@example")
    page.get_by_label("Znam informację o przetwarzaniu danych").check()
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    page.wait_for_load_state()
    assert page.url.endswith("/zapisy/s/test-maly@klucz/")
    assert "To nie wygląda na adres e-mail" in page.locator("main").inner_text()
    assert page.get_by_label("Nazwisko").input_value() == "Kowalski"
    page.get_by_label("E-mail").fill("jan@example.org")
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    page.wait_for_load_state()
    assert "Sprawdź skrzynkę e-mail" in page.locator("main").inner_text()
    assert mailbox.wait(1)
    context.close()


def test_with_the_service_down_the_page_offers_the_email_sign_up(browser, signup_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(signup_site["origin"] + "/szkolenia/test-zapisow-maly/")
    fallback = page.locator("[data-signup-fallback]")
    fallback.wait_for()
    assert page.locator("form.signup-form").is_hidden()
    href = fallback.locator("a.button").get_attribute("href")
    assert href.startswith("mailto:szkolenia@example.org?")
    context.close()
