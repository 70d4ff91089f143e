"""The faults a careful reader meets, each with the test that would have
caught it (issue: the visitor's site)."""

from klucz_harness.sitebuild import html_pages, soup


def menu(page):
    return {a.get_text(strip=True): a for a in page.select(".site-nav a")}


def test_the_menu_marks_the_page_and_the_section_the_reader_is_in(dev_site):
    listing = menu(soup(dev_site / "aktualnosci" / "index.html"))
    assert listing["Aktualności"].get("aria-current") == "page"
    post = menu(soup(dev_site / "aktualnosci" / "targi-ekonomii-spolecznej-w-lodzi-relacja" / "index.html"))
    assert post["Aktualności"].get("aria-current") == "true"
    assert [name for name, a in post.items() if a.get("aria-current")] == ["Aktualności"]
    training = next((dev_site / "szkolenia").glob("abc-*/index.html"))
    assert menu(soup(training))["Szkolenia"].get("aria-current") == "true"
    appeal = menu(soup(dev_site / "wesprzyj" / "dodaj-nam-mocy" / "index.html"))
    assert appeal["Wesprzyj nas"].get("aria-current") == "true"
    home = menu(soup(dev_site / "index.html"))
    assert not any(a.get("aria-current") for a in home.values())


def test_wesprzyj_nas_always_leads_to_one_place(dev_site):
    targets = set()
    for path in html_pages(dev_site):
        for a in soup(path).find_all("a"):
            if a.get_text(" ", strip=True) == "Wesprzyj nas":
                targets.add(a["href"].rstrip("/").rsplit("/", 1)[-1])
    assert targets == {"wesprzyj-nas"}
    crumbs = soup(dev_site / "wesprzyj" / "dodaj-nam-mocy" / "index.html").select(".breadcrumbs a")
    assert [a.get_text(strip=True) for a in crumbs] == ["Strona główna", "Apele"]


import pytest  # noqa: E402

from klucz_harness.sitebuild import build, scenario  # noqa: E402


@pytest.fixture(scope="module")
def trainings(tmp_path_factory):
    """Trainings signed up for by e-mail, their seats typed by staff."""
    tmp = tmp_path_factory.mktemp("visitor-trainings")
    return build(tmp / "out", content=scenario(tmp, "trainings"), EVENTS_SIGNUPS_URL="")


@pytest.fixture(scope="module")
def trainings_with_service(tmp_path_factory):
    """The same trainings with the sign-up service taking their sign-ups."""
    tmp = tmp_path_factory.mktemp("visitor-trainings-service")
    # Its file still says how many seats were left before the service took its sign-ups.
    stale = ("Title: Szkolenie z zapisami w serwisie\nDate: 2026-11-09 10:00\nEvent-Start: 2027-02-21 10:00\n"
             "Event-End: 2027-02-21 14:00\nEvent-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\n"
             "Registration-Email: zapisy@example.org\nCapacity: 16\nSeats-Left: 0\n\nKomplet?\n")
    content = scenario(tmp, "trainings", {"szkolenia/training_stale_seats.md": stale})
    return build(tmp / "out", content=content, EVENTS_SIGNUPS_URL="/zapisy/")


def text(node):
    return " ".join(node.get_text(" ", strip=True).split())


def test_a_cancelled_training_is_marked_once_and_offers_no_calendar(trainings):
    listing = soup(trainings / "szkolenia" / "index.html")
    card = next(
        c for c in listing.select(".training-card") if "Szkolenie odwołane" in text(c.select_one(".card__title"))
    )
    said = text(card).lower()
    assert said.count("odwoł") == 2  # the title itself, and the badge
    assert "miało się odbyć" in said  # the date it was meant for, not the day it was cancelled
    assert card.select(".signup-label") == []
    page = soup(trainings / "szkolenia" / "szkolenie-odwolane" / "index.html")
    assert page.select(".add-to-calendar") == []
    assert "Dodaj do kalendarza" not in text(page)


def test_the_sign_up_box_says_its_state_once_and_never_contradicts_it(trainings):
    for path in (trainings / "szkolenia").glob("*/index.html"):
        box = soup(path).find("section", class_="signup")
        if box is None:
            continue
        heading = text(box.find("h2"))
        assert heading != "Zapisy" and text(box).count(heading) == 1, path
    full = soup(trainings / "szkolenia" / "szkolenie-bez-wolnych-miejsc" / "index.html").find(
        "section", class_="signup"
    )
    assert text(full.find("h2")) == "Brak wolnych miejsc"
    assert "Zgłoszenia przyjmujemy" not in text(full)
    assert "Wolne miejsca" not in text(full)


def test_with_the_service_a_typed_seat_count_neither_shows_nor_decides_the_state(trainings_with_service):
    """The service counts the seats: a file that still says Seats-Left: 0
    (the build warns) does not make the page say "Brak wolnych miejsc"."""
    for path in (trainings_with_service / "szkolenia").glob("*/index.html"):
        box = soup(path).find("section", class_="signup")
        if box is not None:
            assert text(box).count(text(box.find("h2"))) == 1, path
    box = soup(trainings_with_service / "szkolenia" / "szkolenie-z-zapisami-w-serwisie" / "index.html").find(
        "section", class_="signup"
    )
    assert text(box.find("h2")) == "Zapisy otwarte"
    assert box.find("form", class_="signup-form") is not None
    assert "Brak wolnych miejsc" not in text(box) and "Wolne miejsca" not in text(box)


def test_the_month_calendar_steps_from_one_month_with_trainings_to_the_next(dev_site):
    """Every month page has a training, none is cancelled-only noise, and
    previous/next skip the months without one (which have no page)."""
    folder = dev_site / "szkolenia" / "kalendarz"
    months = sorted((int(p.parent.parent.name), int(p.parent.name)) for p in folder.glob("*/*/index.html"))
    assert months
    for index, (year, month) in enumerate(months):
        page = soup(folder / f"{year}" / f"{month:02d}" / "index.html")
        assert page.select(".month-list li"), (year, month)
        for rel, neighbour in (("prev", index - 1), ("next", index + 1)):
            link = page.find("a", rel=rel)
            expected = months[neighbour] if 0 <= neighbour < len(months) else None
            found = link and tuple(int(x) for x in link["href"].strip("/").split("/")[-2:])
            assert found == expected, (year, month, rel)
        hrefs = [a["href"] for a in page.find_all("a")]
        assert "/szkolenia/kalendarz/" not in hrefs, (year, month)
    assert (folder / "index.html").exists()


def test_training_cards_in_lists_show_when_the_training_is(dev_site):
    """Ahead: "Termin:"; past: "Odbyło się" and a grey leaf; cancelled: when it
    was meant to be, never "Odwołane 9 grudnia" (read as the day it was called off)."""
    seen = set()
    for listing in (dev_site / "tag" / tag / "index.html" for tag in ("spoldzielnie-socjalne", "doradztwo",
                                                                       "abc-ekonomii-spolecznej")):
        page = soup(listing)
        cards = [c for c in page.select("article.card--szkolenia") if c.select_one(".post-meta")]
        assert cards, listing
        for card in cards:
            meta = text(card.select_one(".post-meta"))
            time = card.select_one(".post-meta time")["datetime"][:10]
            if card.select_one(".badge--cancelled"):
                kind, opening = "cancelled", "Odwołane Miał się odbyć"
            elif time < "2026-11-28":
                kind, opening = "past", "Odbyło się"
            else:
                kind, opening = "ahead", "Termin:"
            assert meta.startswith(opening), (listing, meta)
            assert ("card--past" in card["class"]) == (kind != "ahead"), (listing, meta)
            seen.add(kind)
    assert seen == {"cancelled", "past", "ahead"}
    # (On the home page it stands among the next trainings, not again in the latest posts.)
    tag = soup(dev_site / "tag" / "spoldzielnie-socjalne" / "index.html")
    abc = next(
        c
        for c in tag.select("article.card--szkolenia")
        if "ABC Ekonomii Społecznej – co każdy" in text(c) and c.select_one(".post-meta")
    )
    assert "14 stycznia 2027" in text(abc.select_one(".post-meta"))
    assert "20 listopada 2026" not in text(abc)  # the day it was announced


MONTHS = "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
# What must not break across lines (or be spaced) in any text a reader sees,
# whether a post or a template wrote it.
LINE_BREAK_FAULTS = {
    "day and month": rf"\b\d{{1,2}}[ ]({MONTHS})\b",
    "number and unit": r"\d[ ](r\.|zł|%)",
    "number before 'z'": r"\d[ ]z\s\d",
    "one-letter word": r"(?<![\w\u00a0\-])[aiouwzAIOUWZ][ ]",
    "postal code with a breakable hyphen": r"(?<![\d-])\d{2}-\d{3}(?![\d-])",
    "range with a breakable dash": r"\d–(?!\u2060)\d",
    "space before a comma": r"\s,",
    "abbreviation and its word": r"(?<![\w.])(m\. in\.|ul\.|tel\.|np\.|nr|al\.|pl\.|os\.|godz\.)[ ]",
    "street and its number": r"(?<![\w.])(?:ul|al|pl|os)\.\u00a0(?:[^\s,;()\d]+\s){0,3}?[^\s,;()\d]+ \d",
    "name and its ordinal": r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+ (?:II|III|IV)\b",
}


def visible_text(path):
    page = soup(path)
    for tag in page(["script", "style", "code", "pre", "head", "textarea"]):
        tag.decompose()
    return page.get_text("")


def test_nothing_that_belongs_together_breaks_across_lines(dev_site, trainings):
    import re

    faults = []
    for site in (dev_site, trainings):
        for path in html_pages(site):
            text = visible_text(path)
            for name, rule in LINE_BREAK_FAULTS.items():
                for match in re.finditer(rule, text):
                    faults.append(
                        f"{path.relative_to(site)}: {name}: …{text[max(0, match.start() - 25) : match.end() + 10]}…"
                    )
    assert faults == []


def test_every_phone_number_and_e_mail_on_the_site_is_a_link(dev_site):
    """A phone dials a number it is shown; a visitor writes to an address
    with one tap: on every page, in posts, pages and templates alike."""
    import re

    phone = re.compile(r"(?<![\w+])(?:\+48[ \u00a0]?)?\d(?:[ \u00a0-]?\d){8}(?!\w)")
    email = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    loose = []
    for path in html_pages(dev_site):
        page = soup(path)
        for tag in page(["script", "style", "code", "pre", "head", "textarea", "a"]):
            tag.decompose()
        for tag in page.select("[data-copy]"):  # written out to be copied, beside its own link
            tag.decompose()
        for node in page.find_all(string=True):
            for rule in (phone, email):
                loose += [f"{path.relative_to(dev_site)}: {m.group(0)}" for m in rule.finditer(str(node))]
    assert loose == []
    advice = soup(dev_site / "doradztwo" / "index.html")
    assert advice.select_one("main a[href='tel:+48426301749']")
    assert advice.select_one("main a[href='mailto:klucz@instytutsprawobywatelskich.pl']")


def test_names_are_declined_where_the_sentence_needs_it(dev_site):
    """"przeprowadzonej przez Fundację …", never "przez Fundacja …": the
    forms a sentence needs are in the settings (ORGANIZATION)."""
    text = " ".join(soup(dev_site / "deklaracja-dostepnosci" / "index.html").get_text(" ").split())
    assert "przeprowadzonej przez Fundację Instytut Spraw Obywatelskich" in text
    assert "przez Fundacja" not in text


def test_an_appeal_is_not_followed_by_a_box_with_its_own_heading(dev_site):
    page = soup(dev_site / "wesprzyj" / "dodaj-nam-mocy" / "index.html")
    headings = [text(h) for h in page.select("main h1, main h2")]
    assert headings[0] == "Dodaj nam MOCy!"
    assert headings.count("Dodaj nam MOCy!") == 1
    assert "Wesprzyj teraz" in headings


def test_the_home_page_does_not_repeat_the_name_under_the_header(dev_site):
    page = soup(dev_site / "index.html")
    assert text(page.select_one(".site-brand__name")) == "Centrum KLUCZ"
    assert "Centrum KLUCZ" != text(page.select_one("main h1"))


def test_posts_can_be_shared_with_plain_links(dev_site):
    from urllib.parse import parse_qs, urlparse

    page = soup(dev_site / "aktualnosci" / "targi-ekonomii-spolecznej-w-lodzi-relacja" / "index.html")
    share = page.select_one("section.share")
    links = {text(a): a["href"] for a in share.select("a")}
    assert set(links) == {"Facebook", "LinkedIn", "X", "E-mail"}
    url = "http://localhost:8000/aktualnosci/targi-ekonomii-spolecznej-w-lodzi-relacja/"
    assert parse_qs(urlparse(links["Facebook"]).query)["u"] == [url]
    assert parse_qs(urlparse(links["LinkedIn"]).query)["url"] == [url]
    assert parse_qs(urlparse(links["X"]).query)["text"] == ["Targi Ekonomii Społecznej w Łodzi – relacja"]
    assert links["E-mail"].startswith("mailto:?subject=")
    system = share.select_one("button.share__system")
    assert system.has_attr("hidden")  # shown by share.js only where the browser can share
    assert page.find("script", src=lambda s: s and "/js/share." in s)
    training = next((dev_site / "szkolenia").glob("abc-*/index.html"))
    assert soup(training).select_one("section.share")


def test_following_is_explained_without_jargon(dev_site, tmp_path):
    footer = soup(dev_site / "index.html").select_one(".site-footer__feeds")
    said = text(footer)
    assert "Szkolenia w Twoim kalendarzu, wpisy w czytniku" in said
    assert "Atom" not in said and "RSS" not in said and "XML" not in said
    assert footer.find("a", string=lambda s: s and "czytniku" in s)["href"] == "/obserwuj/"
    # The page explains both ways in words, each with the address to copy.
    page = soup(dev_site / "obserwuj" / "index.html")
    assert [text(h) for h in page.select("main h2")] == ["Szkolenia w Twoim kalendarzu",
                                                        "Nowe wpisy w czytniku wiadomości"]
    copied = [s["data-copy"] for s in page.select("[data-copy]")]
    assert copied[0] == "http://localhost:8000/szkolenia/kalendarz.ics"
    assert "http://localhost:8000/feeds/wszystko.atom.xml" in copied
    assert "http://localhost:8000/feeds/aktualnosci.atom.xml" in copied
    assert "Atom" not in text(page.find("main")) and "RSS" not in text(page.find("main"))
    content = scenario(tmp_path, "none", {"aktualnosci/a.md": "Title: A\nDate: 2026-11-03\n\nTekst.\n"})
    out = build(tmp_path / "out", content=content, SOCIAL_LINKS=[("Facebook", "https://www.facebook.com/centrumklucz")])
    link = soup(out / "index.html").select_one(".site-footer__feeds a[rel~=me]")
    assert text(link) == "Facebook" and link["href"] == "https://www.facebook.com/centrumklucz"


def test_the_contact_page_links_to_directions_without_embedding_a_map(dev_site):
    page = soup(dev_site / "kontakt" / "index.html")
    link = page.select_one(".directions a")
    assert link["href"].startswith("https://www.openstreetmap.org/search?query=")
    assert "Pomorska" in link["href"]
    assert page.find("iframe") is None


def test_signing_up_never_dead_ends_without_a_mail_program(dev_site, trainings):
    from urllib.parse import parse_qs, unquote, urlparse

    page = soup(next((dev_site / "szkolenia").glob("abc-ekonomii-spolecznej-co-*/index.html")))
    box = page.find("section", class_="signup")
    link = urlparse(box.select_one("a.button")["href"])
    assert link.scheme == "mailto"
    query = parse_qs(link.query)
    shown = {
        text(dt): dd.select_one("[data-copy]")
        for dt, dd in zip(box.select(".signup__mail dt"), box.select(".signup__mail dd"), strict=True)
    }
    assert shown["Adres"]["data-copy"] == unquote(link.path) == "szkolenia@instytutsprawobywatelskich.pl"
    assert shown["Temat"]["data-copy"] == query["subject"][0]
    assert shown["Temat"]["data-copy"].startswith("Zgłoszenie: ABC Ekonomii Społecznej")
    assert shown["Treść (uzupełnij)"]["data-copy"].replace("\n", "\r\n") + "\r\n" == query["body"][0]
    assert "\u2060" not in shown["Temat"]["data-copy"] and "\u00a0" not in shown["Temat"]["data-copy"]
    notice = text(box.select_one(".rodo-notice"))
    assert "trafia tylko do skrzynki szkolenia@instytutsprawobywatelskich.pl" in notice
    waiting = soup(trainings / "szkolenia" / "szkolenie-bez-wolnych-miejsc" / "index.html").find(
        "section", class_="signup"
    )
    assert "Zapisz się na listę rezerwową" in text(waiting)
    subject = parse_qs(urlparse(waiting.select_one("a.button")["href"]).query)["subject"][0]
    assert subject.startswith("Lista rezerwowa: ")
    assert "Proszę o wpisanie mnie na listę rezerwową." in waiting.select_one("pre")["data-copy"]


def test_giving_is_easy_on_a_phone(dev_site):
    support = soup(dev_site / "wesprzyj-nas" / "index.html")
    amounts = support.select("#online .donation__amounts a.amount")
    assert len(amounts) >= 3 and all(text(a).endswith(("zł jednorazowo", "zł co miesiąc")) for a in amounts)
    account = support.select_one("#przelew .account[data-copy]")
    assert account["data-copy"].isdigit() and len(account["data-copy"]) == 26
    assert [len(text(g).replace(" ", "")) for g in account.select(".account__group")] == [2] + [4] * 6
    impact = [text(li) for li in support.select(".impact li")]
    assert impact and impact[0].startswith("30 zł")
    assert support.select_one(".support__report a")["href"].endswith(".pdf")
    assert support.find("script", src=lambda s: s and "/js/copy." in s)


def test_giving_adds_up_and_says_who_receives_it(dev_site, tmp_path):
    """The amounts described are the amounts offered (each links to giving
    it); no two links share a name; the page says who receives the money."""
    support = soup(dev_site / "wesprzyj-nas" / "index.html")
    offered = {text(a).split(" zł")[0] for a in support.select("#online .donation__amounts a.amount")}
    described = [li.select_one(".impact__amount") for li in support.select(".impact li")]
    assert {text(a).split(" zł")[0] for a in described} <= offered
    for li in support.select(".impact li"):
        amount = text(li.select_one(".impact__amount"))
        gives = [text(a) for a in li.select("a.impact__give")]
        assert gives and all(g.startswith(f"Wpłać {amount} ") for g in gives)
    # Every link's name says what it does: "50 zł jednorazowo", "50 zł co miesiąc".
    names = [text(a) for a in support.select("main a")]
    repeated = {n for n in names if names.count(n) > 1}
    targets = {text(a): a["href"] for a in support.select("main a")}
    assert not [n for n in repeated if len({a["href"] for a in support.select("main a") if text(a) == n}) > 1]
    assert "50 zł jednorazowo" in targets and "50 zł co miesiąc" in targets
    said = text(support.select_one(".support__purpose"))
    assert said.startswith("Komu pomagasz Wpłaty otrzymuje Fundacja Instytut Spraw Obywatelskich – ")
    # An amount described that no button offers stops the build, in words.
    from klucz.strict_build.collector import BuildFailed

    content = scenario(tmp_path, "none", {"aktualnosci/a.md": "Title: A\nDate: 2026-11-03\n\nTekst.\n"})
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path / "out", content=content, DONATIONS_IMPACT=[(150, "porada prawna")])
    said = str(failed.value)
    assert "DONATIONS_IMPACT[0]" in said and "opisujesz wpłatę 150 zł" in said and "30 zł, 50 zł, 100 zł" in said


def test_a_short_post_gets_a_short_box_and_a_long_one_the_full_box(dev_site):
    short = soup(dev_site / "aktualnosci" / "ruszylo-doradztwo-ogolne-i-specjalistyczne" / "index.html")
    box = short.select_one("aside.donation")
    assert "donation--krotkie" in box["class"]
    assert len(box.select("a.button")) == 1 and box.select(".amount") == []
    assert len(text(box).split()) < 30
    long = soup(dev_site / "aktualnosci" / "podsumowanie-dzialan-kwiecien-maj-2016-r" / "index.html")
    words = len(text(long.select_one(".post__content")).split())
    full = long.select_one("aside.donation")
    assert words >= 150 and "donation--krotkie" not in full["class"] and full.select(".amount")


def test_every_post_and_page_of_the_live_site_has_a_share_picture(live_site):
    from PIL import Image

    checked = 0
    for path in html_pages(live_site):
        page = soup(path)
        if not page.find(attrs={"data-pagefind-body": True}):
            continue  # lists and the search page have no picture of their own
        image = page.find("meta", property="og:image")
        assert image is not None, path
        assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
        relative = image["content"].split("://", 1)[1].split("/", 1)[1]
        with Image.open(live_site / relative) as picture:
            if "/udostepnienia/" in relative:  # drawn, unless the post names its own Image:
                assert picture.size == (1200, 630), relative
        checked += 1
    assert checked >= 20


def test_share_pictures_are_drawn_once_and_the_logo_is_in_the_header(tmp_path):
    content = scenario(tmp_path, "none", {"aktualnosci/a.md": "Title: Łódź i okolice\nDate: 2026-11-03\n\nTekst.\n"})
    cache = tmp_path / "cache"
    first = build(tmp_path / "one", content=content, SHARE_IMAGES_CACHE=str(cache), SHARE_IMAGES_ENABLED=True)
    drawn = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert drawn
    build(tmp_path / "two", content=content, SHARE_IMAGES_CACHE=str(cache), SHARE_IMAGES_ENABLED=True)
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == drawn
    logo = soup(first / "index.html").select_one(".site-brand img.site-brand__logo")
    assert logo["alt"] == "" and (first / logo["src"].lstrip("/")).is_file()


def test_every_page_weighs_at_most_30_kb_gzipped_with_its_css_and_scripts(dev_site):
    import gzip

    def weight(path):
        return len(gzip.compress(path.read_bytes(), 9))

    heaviest = []
    for path in html_pages(dev_site):
        page = soup(path)
        files = [path]
        files += [
            dev_site / link["href"].lstrip("/")
            for link in page.find_all("link", rel="stylesheet")
            if link.get("media") != "print"
        ]
        files += [dev_site / script["src"].lstrip("/") for script in page.find_all("script", src=True)]
        total = sum(weight(f) for f in files)
        heaviest.append((total, str(path.relative_to(dev_site))))
    heaviest.sort(reverse=True)
    assert heaviest[0][0] <= 30 * 1024, heaviest[:3]


def test_a_post_with_a_picture_shows_it_on_its_card(dev_site):
    listing = soup(dev_site / "aktualnosci" / "index.html")
    card = next(c for c in listing.select("article.card") if "Targi Ekonomii Społecznej" in text(c))
    image = card.select_one("img.card__image")
    assert image["src"] == "/images/targi-ekonomii-spolecznej-2026.jpg" and image["alt"] == ""
    assert ".webp" in image["srcset"] and image["sizes"].startswith("(min-width: 60rem) 20rem")
    assert image.has_attr("width") and image.has_attr("height")
    plain = next(c for c in listing.select("article.card") if "Ruszyło doradztwo" in text(c))
    assert plain.select_one("img") is None


def test_a_posts_own_picture_shows_above_its_text_with_its_description(dev_site):
    page = soup(dev_site / "aktualnosci" / "targi-ekonomii-spolecznej-w-lodzi-relacja" / "index.html")
    image = page.select_one(".post__figure img")
    assert image["src"] == "/images/targi-ekonomii-spolecznej-2026.jpg"
    assert image["alt"].startswith("Ilustracja: stoiska wystawców")
    assert ".webp" in image["srcset"]
    assert page.find("meta", property="og:image")["content"].endswith("/images/targi-ekonomii-spolecznej-2026.jpg")


def test_a_post_picture_without_its_file_or_description_is_refused(tmp_path):
    from klucz.strict_build.collector import BuildFailed

    content = scenario(
        tmp_path,
        "none",
        {
            "aktualnosci/a.md": "Title: A\nDate: 2026-11-03\nImage: images/brak.jpg\n\nTekst.\n",
        },
    )
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path / "out", content=content)
    said = str(failed.value)
    assert "aktualnosci/a.md:3: Image: nie ma pliku images/brak.jpg" in said
    assert "Image-Alt: zdjęcie z pola Image nie ma opisu -> dopisz wiersz Image-Alt:" in said


def test_every_link_and_picture_on_the_site_leads_somewhere(dev_site):
    """Every address on every page that points into the site (menus, cards,
    "Co robimy", breadcrumbs, pictures, scripts) names a file the build wrote,
    and every #anchor an id on its page."""
    from urllib.parse import unquote, urlsplit

    broken = []
    ids = {}

    def ids_of(path):
        if path not in ids:
            ids[path] = {e["id"] for e in soup(path).select("[id]")}
        return ids[path]

    for html in sorted(dev_site.rglob("*.html")):
        if "admin" in html.relative_to(dev_site).parts:
            continue
        page = soup(html)
        for tag, attr in (
            ("a", "href"),
            ("link", "href"),
            ("img", "src"),
            ("script", "src"),
            ("source", "srcset"),
            ("img", "srcset"),
        ):
            for element in page.find_all(tag, attrs={attr: True}):
                for value in (
                    [v.strip().split(" ")[0] for v in element[attr].split(",")] if attr == "srcset" else [element[attr]]
                ):
                    parts = urlsplit(value)
                    if parts.scheme or parts.netloc or value.startswith(("mailto:", "tel:")):
                        continue
                    if not parts.path:
                        target = html
                    else:
                        relative = unquote(parts.path).lstrip("/")
                        target = dev_site / relative
                        if parts.path.endswith("/"):
                            target = target / "index.html"
                    if not target.is_file():
                        broken.append(f"{html.relative_to(dev_site)}: {value}")
                    elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids_of(target):
                        broken.append(f"{html.relative_to(dev_site)}: {value} (no such id)")
    assert broken == []


def test_the_home_page_tells_what_the_centre_does(dev_site):
    home = soup(dev_site / "index.html")
    services = home.find("section", attrs={"aria-labelledby": "co-robimy"})
    titles = [text(h) for h in services.select(".service__title")]
    assert titles == ["Animacja", "Doradztwo", "Szkolenia", "Dotacje"]
    assert all(a["href"].startswith("/") for a in services.select(".service__title a"))
    # Reading order: what the centre does, the next trainings, its services,
    # the news, then every appeal in one giving band.
    order = [s.get("aria-labelledby") for s in home.select("main section[aria-labelledby]")]
    assert order == ["powitanie", "najblizsze-szkolenia", "co-robimy", "aktualnosci", "wesprzyj-band"]
    assert text(home.find("title")) == "Centrum KLUCZ – Ośrodek Wsparcia Ekonomii Społecznej w Łodzi"


def test_the_home_page_gives_the_latest_news_and_the_appeals_in_one_band(dev_site):
    """The news alone (not trainings or appeals mixed in), newest first, with
    a link to all of it; the appeals together in the giving colour, once."""
    home = soup(dev_site / "index.html")
    news = home.find("section", attrs={"aria-labelledby": "aktualnosci"})
    cards = news.select("article.card")
    assert len(cards) == 3 and all("card--aktualnosci" in c["class"] for c in cards)
    dates = [c.select_one(".post-meta time")["datetime"] for c in cards]
    assert dates == sorted(dates, reverse=True)
    assert news.select("a")[-1]["href"] == "/aktualnosci/" and text(news.select("a")[-1]) == "Wszystkie aktualności"
    band = home.find("section", attrs={"aria-labelledby": "wesprzyj-band"})
    appeals = [a["href"] for a in band.select("li a")]
    assert appeals and all(h.startswith("/wesprzyj/") for h in appeals)
    assert band.select_one("a.button")["href"] == "/wesprzyj-nas/"
    others = [a["href"] for s in home.select("main section") if s is not band for a in s.select("a")]
    assert not [h for h in others if h.startswith("/wesprzyj/")]
    # Each card is one Tab stop: the section is said, not linked again.
    assert all(len(c.select("a")) == 1 for c in cards)


def test_a_training_contact_phone_dials_on_a_phone(dev_site):
    page = soup(next((dev_site / "szkolenia").glob("abc-ekonomii-spolecznej-co-*/index.html")))
    facts = dict(zip([text(dt) for dt in page.select("dl.facts dt")], page.select("dl.facts dd"), strict=True))
    link = facts["Kontakt"].find("a")
    assert link["href"] == "tel:+48426301749" and text(link) == "42 630 17 49"
