"""Donation call-outs as supporters get them, and the money-safe checks."""

import logging
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from klucz.donations.banking import iban_is_valid, nrb_groups
from klucz.donations.utm import tag_url
from klucz_harness.sitebuild import DATA, build, html_pages, scenario, soup

NBSP = "\u00a0"
VALID_NRB = "60 1020 1026 0000 1234 5678 9012"
CAMPAIGNS = {
    "mocy": {
        "title": "Dodaj nam MOCy!",
        "text": "Pomóż nam *działać*.",
        "buttons": [
            {"label": "Wpłać", "url": "https://pay.fundacja.pl/d?lang=pl#form", "kind": "one-off",
             "amounts": [30, 50], "amount_param": "kwota"},
            {"label": "Co miesiąc", "url": "https://pay.fundacja.pl/m", "kind": "monthly"},
        ],
        "variants": [{"id": "a"}, {"id": "b", "title": "Dodaj MOCy – wariant B", "button_label": "Wspieram"}],
    },
    "jesien": {
        "title": "Jesienna zbiórka",
        "text": "Zbieramy na zimę.",
        "buttons": [{"label": "Wpłać na zbiórkę", "url": "https://pay.fundacja.pl/jesien"}],
        "goal": {"target": 20000, "raised": 5000, "as_of": "2026-11-20"},
        "image": {"file": "images/mocy.jpg", "alt": "Dziewczynka w stroju superbohaterki", "width": 400, "height": 300},
    },
    "zima": {
        "title": "Zimowa zbiórka",
        "text": "Jeszcze nie teraz.",
        "start": "2026-12-01",
        "end": "2027-02-28",
        "buttons": [{"label": "Wpłać zimą", "url": "https://pay.fundacja.pl/zima"}],
    },
}
SETTINGS = {
    "DONATIONS_CAMPAIGNS": CAMPAIGNS,
    "DONATIONS_DEFAULT": "mocy",
    "DONATIONS_EXAMPLE_DATA": False,
    # These tests read the full box; short posts get the short one (tests/test_visitor.py).
    "DONATIONS_SHORT_POST_WORDS": 0,
    "DONATIONS_EXCLUDE_TAGS": ["komunikat"],
    "DONATIONS_BANK": {"holder": "Fundacja Testowa", "nrb": VALID_NRB, "bank": "Bank Testowy",
                       "swift": "BPKOPLPW", "title": "Darowizna na cele statutowe"},
    "DONATIONS_TAX": {"krs": "0000191928", "specific_goal": "Centrum KLUCZ"},
    "DONATIONS_TERMS_URL": "https://fundacja.pl/regulamin-darowizn",
    # What a gift does: amounts the default campaign offers.
    "DONATIONS_IMPACT": [(50, "materiały na szkolenie")],
}


def text(node):
    return " ".join(node.get_text(" ").replace(NBSP, " ").split())


def boxes(site, path):
    return soup(site / path / "index.html").select("aside.donation")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("donations")
    return build(tmp / "out", content=scenario(tmp, "donations"), **SETTINGS)


def test_default_box_after_every_article(site):
    page = soup(site / "aktualnosci/wpis-z-domyslnym-wezwaniem/index.html")
    (box,) = page.select("aside.donation")
    assert box["data-campaign"] == "mocy"
    heading = box.find("h2")
    assert box["aria-labelledby"] == heading["id"]
    assert text(heading) in ("Dodaj nam MOCy!", "Dodaj MOCy – wariant B")
    assert box.find("em").get_text() == "działać"
    content = page.select_one(".post__content")
    assert box.find_previous("div", class_="post__content") is content


def test_opt_out_override_and_exclusion(site):
    assert boxes(site, "aktualnosci/wpis-bez-wezwania") == []
    assert boxes(site, "aktualnosci/wpis-wylaczony-tagiem") == []
    (box,) = boxes(site, "aktualnosci/wpis-z-inna-kampania")
    assert box["data-campaign"] == "jesien"


def test_campaign_outside_its_dates_falls_back_to_the_default(site, tmp_path):
    (box,) = boxes(site, "aktualnosci/wpis-z-kampania-poza-terminem")
    assert box["data-campaign"] == "mocy"
    later = build(tmp_path / "out", content=scenario(tmp_path, "donations"),
                  BUILD_NOW="2026-12-05T12:00:00+01:00", **SETTINGS)
    (box,) = boxes(later, "aktualnosci/wpis-z-kampania-poza-terminem")
    assert box["data-campaign"] == "zima"


def test_inline_marker_places_the_box_in_the_text(site):
    page = soup(site / "aktualnosci/wpis-z-wezwaniem-w-tekscie/index.html")
    content = page.select_one(".post__content")
    paragraphs = [p.get_text() for p in content.find_all("p", recursive=False)]
    assert paragraphs == ["Pierwszy akapit.", "Drugi akapit."]
    (box,) = page.select("aside.donation")
    assert box.parent is content
    assert box.find_previous_sibling("p").get_text() == "Pierwszy akapit."
    assert "[[" not in page.get_text()
    (chosen,) = boxes(site, "aktualnosci/wpis-z-wybrana-kampania-w-tekscie")
    assert chosen["data-campaign"] == "jesien"
    (on_page,) = boxes(site, "o-nas")
    assert on_page["data-campaign"] == "mocy"


def test_appeal_leads_with_its_campaign(site):
    page = soup(site / "wesprzyj/apel-o-wsparcie/index.html")
    (box,) = page.select("aside.donation")
    content = page.select_one(".post__content")
    assert box.find_next("div", class_="post__content") is content
    assert "utm_medium=apel" in box.select_one("a.button")["href"]


def test_an_appeal_that_places_its_box_in_the_text_has_it_once(tmp_path):
    """The editor's "Pole wsparcia" left on its default campaign in an appeal:
    the box where staff put it, not a second one above the text; a box of
    another campaign in the text leaves the appeal's own in place."""
    appeal = (DATA / "donations" / "content" / "wesprzyj" / "appeal.md").read_text(encoding="utf-8")
    head, body = appeal.split("\n\n", 1)
    content = scenario(tmp_path, "donations", {
        "wesprzyj/appeal.md": f"{head}\n\nPierwszy akapit.\n\n[[wesprzyj]]\n\nDrugi akapit.\n",
        "wesprzyj/appeal-inny.md": f"{head.replace('Title: ', 'Title: Inny ')}\n\nTekst.\n\n[[wesprzyj:jesien]]\n",
    })
    out = build(tmp_path / "out", content=content, **SETTINGS)
    page = soup(out / "wesprzyj" / "apel-o-wsparcie" / "index.html")
    (box,) = page.select("aside.donation")
    assert box.parent is page.select_one(".post__content")
    other = [b["data-campaign"] for b in boxes(out, "wesprzyj/inny-apel-o-wsparcie")]
    assert len(other) == 2 and "jesien" in other


def test_links_are_tagged_without_losing_their_query(site):
    (box,) = boxes(site, "aktualnosci/wpis-z-domyslnym-wezwaniem")
    first = box.select("a.button")[0]["href"]
    parts = urlsplit(first)
    assert parts.scheme == "https" and parts.netloc == "pay.fundacja.pl" and parts.fragment == "form"
    query = parse_qs(parts.query)
    assert query["lang"] == ["pl"]
    assert query["utm_source"] == ["strona-klucz"]
    assert query["utm_medium"] == ["po-artykule"]
    assert query["utm_campaign"] == ["mocy"]
    assert query["utm_content"] == [box["data-variant"]]
    amounts = box.select(".donation__amounts a")
    # Each says one-off or monthly to a screen reader: no two links of one name.
    assert [a.get_text() for a in amounts] == [f"30{NBSP}zł jednorazowo", f"50{NBSP}zł jednorazowo"]
    assert parse_qs(urlsplit(amounts[1]["href"]).query)["kwota"] == ["50"]
    (inline,) = boxes(site, "aktualnosci/wpis-z-wezwaniem-w-tekscie")
    assert "utm_medium=w-tekscie" in inline.select_one("a.button")["href"]


def test_no_third_party_scripts_and_safe_new_tabs(site, tmp_path):
    for path in html_pages(site):
        page = soup(path)
        assert not page.find("script", src=lambda s: s and s.startswith("http"))
        assert page.select("aside.donation a[target]") == [], "no new tabs unless configured"
    tabbed = build(tmp_path / "out", content=scenario(tmp_path, "donations"),
                   DONATIONS_NEW_TAB=True, **SETTINGS)
    links = soup(tabbed / "aktualnosci/wpis-z-domyslnym-wezwaniem/index.html").select("aside.donation a[target]")
    assert links
    for a in links:
        assert a["target"] == "_blank"
        assert set(a["rel"]) == {"noopener", "noreferrer"}


def test_variants_are_stable_between_builds_and_vary_across_pages(tmp_path):
    def variants(out):
        result = {}
        for path in html_pages(out):
            for box in soup(path).select("aside.donation[data-campaign=mocy]"):
                result[str(path.relative_to(out))] = (box["data-variant"], text(box.find("h2")))
        return result

    first = variants(build(tmp_path / "a", content=scenario(tmp_path, "donations"), **SETTINGS))
    second = variants(build(tmp_path / "b", content=scenario(tmp_path, "donations"), **SETTINGS))
    assert first == second
    assert {v for v, _ in first.values()} == {"a", "b"}
    for variant, title in first.values():
        assert title == ("Dodaj MOCy – wariant B" if variant == "b" else "Dodaj nam MOCy!")


def test_goal_progress_and_stale_goal(site, tmp_path, caplog):
    (box,) = boxes(site, "aktualnosci/wpis-z-inna-kampania")
    progress = box.find("progress")
    assert progress["max"] == "20000" and progress["value"] == "5000"
    assert progress["aria-labelledby"] == box.select_one(".donation__goal p")["id"]
    goal = text(box.select_one(".donation__goal"))
    assert "Zebraliśmy 5 000 zł z 20 000 zł (25 %)" in goal
    assert "Stan na 20 listopada 2026 r." in goal
    image = box.find("img")
    assert image["alt"] == "Dziewczynka w stroju superbohaterki" and image["width"] == "400"
    with caplog.at_level(logging.WARNING):
        stale = build(tmp_path / "out", content=scenario(tmp_path, "donations"),
                      BUILD_NOW="2027-02-01T12:00:00+01:00", **SETTINGS)
    (box,) = boxes(stale, "aktualnosci/wpis-z-inna-kampania")
    assert not box.find("progress") and "Zebraliśmy" not in text(box)
    warnings = [r.getMessage() for r in caplog.records if "goal.as_of" in r.getMessage()]
    assert len(warnings) == 1
    assert "DONATIONS_CAMPAIGNS['jesien'].goal.as_of" in warnings[0]


@pytest.mark.parametrize(
    "now, in_season",
    [("2027-01-01T09:00:00+01:00", True), ("2027-04-30T20:00:00+02:00", True),
     ("2027-05-01T09:00:00+02:00", False), ("2026-11-28T12:00:00+01:00", False)],
)
def test_tax_block_joins_the_call_outs_in_season(tmp_path, now, in_season):
    out = build(tmp_path / "out", content=scenario(tmp_path, "donations"), BUILD_NOW=now, **SETTINGS)
    (box,) = boxes(out, "aktualnosci/wpis-z-domyslnym-wezwaniem")
    tax = box.select_one(".donation__tax")
    assert bool(tax) == in_season
    if in_season:
        assert "KRS 0000191928" in text(tax) and "Centrum KLUCZ" in text(tax)
        assert tax.find("a")["href"].endswith("/wesprzyj-nas/#podatek")


def test_support_page_lists_every_way_to_give(site):
    page = soup(site / "wesprzyj-nas/index.html")
    assert "Wstęp strony." in text(page.find("main"))
    online = page.find(id="online")
    hrefs = [a["href"] for a in online.select("a.button")]
    assert len(hrefs) == 2 and all("utm_medium=strona-wesprzyj" in h for h in hrefs)
    bank = page.find(id="przelew")
    facts = {text(d): text(d.find_next_sibling("dd")) for d in bank.select("dt")}
    assert facts["Numer konta"] == VALID_NRB
    assert facts["Z zagranicy: IBAN"] == "PL60 1020 1026 0000 1234 5678 9012"
    assert facts["SWIFT/BIC"] == "BPKOPLPW"
    assert facts["Tytuł przelewu"] == "Darowizna na cele statutowe"
    assert bank.select_one("span.account").name == "span"
    tax = page.find(id="podatek")
    assert "0000191928" in text(tax) and "cel szczegółowy" in text(tax)
    assert "6% dochodu" in text(page.find(id="ulga"))
    assert page.find("a", href="https://fundacja.pl/regulamin-darowizn")


def test_sample_site_runs_dodaj_nam_mocy(dev_site):
    (box,) = soup(dev_site / "aktualnosci/podsumowanie-dzialan-kwiecien-maj-2016-r/index.html").select("aside.donation")
    assert "Od 2004 roku działamy na rzecz zmiany społecznej" in text(box)
    assert box["data-campaign"] == "dodaj-nam-mocy"


# --- money-safe validation -------------------------------------------------------

def failing_build(tmp_path, content="donations", **override):
    settings = {**SETTINGS, **override}
    with pytest.raises(SystemExit) as failure:
        build(tmp_path / "out", content=scenario(tmp_path, content), **settings)
    return failure.value.problems


def test_unknown_campaign_in_header_and_marker(tmp_path):
    problems = failing_build(tmp_path, "donation_errors")
    assert len(problems) == 2
    header = [p for p in problems if p.startswith("aktualnosci/appeal_unknown_campaign.md:3: Donation:")]
    assert header and "„nieznana”" in header[0] and "mocy, jesien, zima" in header[0]
    marker = [p for p in problems if p.startswith("aktualnosci/post_unknown_marker.md:6: [[wesprzyj:nieistniejaca]]:")]
    assert marker


@pytest.mark.parametrize(
    "override, expected",
    [
        ({"DONATIONS_CAMPAIGNS": {**CAMPAIGNS, "jesien": {**CAMPAIGNS["jesien"], "buttons": [{"label": "X", "url": "http://pay.fundacja.pl/x"}]}}},
         "pelicanconf.py: DONATIONS_CAMPAIGNS['jesien'].buttons[0].url: „http://pay.fundacja.pl/x” nie zaczyna się od "
         "https://"),
        ({"DONATIONS_BANK": {**SETTINGS["DONATIONS_BANK"], "nrb": "61 1020 1026 0000 1234 5678 9012"}},
         "pelicanconf.py: DONATIONS_BANK.nrb: numer konta „61 1020 1026 0000 1234 5678 9012” jest błędny"),
        ({"DONATIONS_TAX": {"krs": "191928"}},
         "pelicanconf.py: DONATIONS_TAX.krs: KRS „191928” nie ma 10 cyfr"),
        ({"DONATIONS_DEFAULT": "brak"},
         "pelicanconf.py: DONATIONS_DEFAULT: nie ma kampanii „brak”"),
    ],
)
def test_settings_problems_fail_the_build(tmp_path, override, expected):
    problems = failing_build(tmp_path, **override)
    # "pelicanconf.py:<line of the setting>: FIELD: message"
    located = [re.sub(r"^pelicanconf\.py:\d+: ", "pelicanconf.py: ", p) for p in problems]
    assert any(p.startswith(expected) for p in located), problems
    assert all(re.match(r"^pelicanconf\.py:\d+: ", p) for p in problems), problems


def test_publish_refuses_example_data_and_development_only_warns(tmp_path, caplog):
    example = {"DONATIONS_BANK": {**SETTINGS["DONATIONS_BANK"], "nrb": "PL61 1090 1014 0000 0712 1981 2874"}}
    with caplog.at_level(logging.WARNING):
        build(tmp_path / "dev", content=scenario(tmp_path, "donations"), **{**SETTINGS, **example})
    assert any("dane do wpłat są przykładowe" in r.getMessage() for r in caplog.records)
    problems = failing_build(tmp_path, DONATIONS_REFUSE_EXAMPLE_DATA=True, **example)
    assert any("dane do wpłat są przykładowe" in p for p in problems)
    flagged = failing_build(tmp_path, DONATIONS_REFUSE_EXAMPLE_DATA=True, DONATIONS_EXAMPLE_DATA=True)
    assert any("DONATIONS_EXAMPLE_DATA = True" in p for p in flagged)


def test_sample_settings_cannot_be_published(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEURL", "https://klucz.example.org")
    with pytest.raises(SystemExit) as failure:
        build(tmp_path / "out", conf="publishconf.py")
    assert any("dane do wpłat są przykładowe" in p for p in failure.value.problems)


# --- units -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "number, valid",
    [
        ("PL61 1090 1014 0000 0712 1981 2874", True),
        ("61109010140000071219812874", True),
        ("PL27 1140 2004 0000 3002 0135 5387", True),
        (VALID_NRB, True),
        ("PL61 1090 1014 0000 0712 1981 2875", False),
        ("PL16 1090 1014 0000 0712 1981 2874", False),
        ("1090 1014 0000 0712 1981 2874", False),
        ("DE89 3704 0044 0532 0130 00", False),
        ("", False),
    ],
)
def test_mod97(number, valid):
    assert iban_is_valid(number) is valid


def test_nrb_groups():
    assert nrb_groups("PL61109010140000071219812874") == "61 1090 1014 0000 0712 1981 2874"


@pytest.mark.parametrize(
    "url, expected_query, fragment",
    [
        ("https://pay.pl/d", "utm_source=s&utm_medium=m&utm_campaign=c&utm_content=v", ""),
        (
            "https://pay.pl/d?kwota=50&lang=pl",
            "kwota=50&lang=pl&utm_source=s&utm_medium=m&utm_campaign=c&utm_content=v",
            "",
        ),
        ("https://pay.pl/d?utm_source=old&x=1#f", "x=1&utm_source=s&utm_medium=m&utm_campaign=c&utm_content=v", "f"),
    ],
)
def test_utm_merging(url, expected_query, fragment):
    parts = urlsplit(tag_url(url, "s", "m", "c", "v"))
    assert parts.query == expected_query
    assert parts.fragment == fragment
