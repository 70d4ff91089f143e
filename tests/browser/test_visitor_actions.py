"""What a visitor does with the buttons the scripts add: copy the sign-up
e-mail in one tap (no mail program needed), and the share sheet only where
the browser has one."""

import pytest
from browsing import PAGES, visit

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


def test_without_javascript_the_sign_up_form_is_there_to_fill_in(browser, site_url):
    """The form posts to the sign-up service without a script; the e-mail
    sign-up (for when the service is down) stays hidden, its copy buttons too."""
    context, page, *_ = visit(browser, site_url + PAGES["training"], javascript=False)
    box = page.locator("section.signup")
    box.locator("summary", has_text="Zapisz się").click()
    for label in ("Imię", "Nazwisko", "E-mail"):
        assert box.get_by_label(label, exact=True).is_visible()
    assert box.get_by_role("button", name="Wyślij zgłoszenie").is_visible()
    assert box.locator("[data-signup-fallback]").is_hidden()
    assert box.get_by_role("button", name="Kopiuj: adres").count() == 0
    context.close()


def test_the_share_sheet_button_appears_only_where_the_browser_can_share(browser, site_url):
    context, page, *_ = visit(browser, site_url + PAGES["article"])
    can_share = page.evaluate("typeof navigator.share === 'function'")
    assert page.locator("button.share__system").is_visible() == can_share
    assert page.locator("section.share a").count() == 4
    context.close()


def _colour(page, selector, prop="background-color"):
    return page.eval_on_selector(selector, f"e => getComputedStyle(e).getPropertyValue('{prop}')")


def test_one_colour_for_actions_and_another_kept_for_giving(browser, site_url):
    """The home page's main button, a training's "Zapisz się", the copy and share
    buttons all speak in the action colour; the donation button alone in the
    giving colour."""
    context, page, *_ = visit(browser, site_url + PAGES["home"])
    action = _colour(page, ".hero .button")
    secondary_border = _colour(page, ".hero .button--secondary", "border-top-color")
    context.close()
    context, page, *_ = visit(browser, site_url + PAGES["training"])
    assert _colour(page, "section.signup summary.button") == action
    assert _colour(page, "section.signup .copy-button", "border-top-color") == action == secondary_border
    assert _colour(page, "section.share a", "border-top-color") == action
    give = _colour(page, ".donation .button")
    assert give != action
    context.close()
    context, page, *_ = visit(browser, site_url + PAGES["support"])
    assert _colour(page, ".donation__buttons .button") == give
    assert _colour(page, ".amount", "border-top-color") == give
    context.close()


def test_cards_differ_by_kind(browser, site_url):
    """A training's card shows its day as a calendar leaf, an appeal's card is
    tinted with the giving colour (as the home page's giving band), a news card
    is plain white (or leads with its picture)."""
    context, page, *_ = visit(browser, site_url + PAGES["home"])
    training = page.locator("section.upcoming article.card--szkolenia").first
    tile = training.locator(".date-tile")
    assert tile.is_visible() and tile.get_attribute("aria-hidden") == "true"
    start = training.locator("time").first.get_attribute("datetime")
    assert tile.locator(".date-tile__day").inner_text() == str(int(start[8:10]))
    news = page.locator("section.latest article.card--aktualnosci").first
    band = page.locator("section.giving-band")

    def background(locator):
        return locator.evaluate("e => getComputedStyle(e).backgroundColor")

    giving = background(band)
    assert background(news) == background(training) == "rgb(255, 255, 255)"
    assert giving != background(news)
    assert news.locator(".date-tile").count() == 0
    page.goto(site_url + "/tag/darowizny/")
    appeal = page.locator("article.card--wesprzyj").first
    assert background(appeal) == giving
    assert appeal.locator(".date-tile").count() == 0
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_home_page_opens_with_what_the_centre_does_and_the_next_training(browser, site_url, width):
    """Within the first screen: the headline, the first training's card with its
    sign-up state, and (on a computer) the centre's services beside it."""
    context, page, *_ = visit(browser, site_url + PAGES["home"], width=width)
    first_screen = 800
    headline = page.locator("h1#powitanie").bounding_box()
    first_training = page.locator("section.upcoming article.card").first.bounding_box()
    assert headline["y"] < first_screen
    if width == 1280:
        assert first_training["y"] + first_training["height"] < first_screen
        services = page.locator("section.services .service").first.bounding_box()
        assert services["y"] < first_screen and services["x"] < first_training["x"]
    else:
        # On a phone the next training follows the headline and its two buttons directly.
        assert first_training["y"] < 2 * first_screen
        assert (
            page.locator("section.upcoming").bounding_box()["y"] < page.locator("section.services").bounding_box()["y"]
        )
    context.close()


def test_a_printed_page_is_the_text_without_menu_search_or_buttons(browser, site_url):
    context, page, *_ = visit(browser, site_url + PAGES["training"])
    page.emulate_media(media="print")
    for hidden in (".site-nav-band", ".site-search", ".site-brand__logo", "section.share", ".copy-button"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("h1").is_visible() and page.locator("section.signup").is_visible()
    assert page.eval_on_selector(".site-brand", "e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_post_on_a_computer_has_the_next_trainings_beside_it_and_nothing_out_of_line(browser, site_url, width):
    """No empty right half on a computer (the next trainings stand there; a
    phone shows the text alone); the share row starts under its heading;
    a heading never leaves one word alone."""
    context, page, *_ = visit(browser, site_url + PAGES["article"], width=width)
    side = page.locator("aside.side")
    assert side.count() == 1
    if width == 1280:
        assert side.is_visible()
        article, aside = page.locator("article.post").bounding_box(), side.bounding_box()
        assert aside["x"] > article["x"] + article["width"] and aside["x"] + aside["width"] > 1000
        assert side.locator("li a").count() >= 1
    else:
        assert not side.is_visible()
    heading = page.locator("#udostepnij").bounding_box()
    first = page.locator(".share__links li:visible").first.bounding_box()
    assert abs(first["x"] - heading["x"]) < 1
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).textWrap").startswith("balance")
    context.close()
