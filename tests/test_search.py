"""The search index is built with every build, from the posts and pages only,
and a search page and field are there for visitors."""

import json

import pytest

from klucz_harness.sitebuild import build, html_pages, scenario, soup


def test_every_build_writes_the_index_of_the_posts_and_pages(dev_site):
    entry = json.loads((dev_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    assert list(entry["languages"]) == ["pl"]  # Polish word forms
    bodies = [p for p in html_pages(dev_site) if soup(p).find(attrs={"data-pagefind-body": True})]
    assert indexed == len(bodies) >= 20
    assert not soup(dev_site / "index.html").find(attrs={"data-pagefind-body": True})  # lists are not results


def test_a_search_field_on_every_page_and_the_search_page(dev_site):
    for path in html_pages(dev_site):
        form = soup(path).select_one("header form[role=search]")
        assert form is not None and form["action"] == "/szukaj/" and form.find("input", attrs={"name": "q"}), path
    page = soup(dev_site / "szukaj" / "index.html")
    assert page.find("script", src=lambda s: s and "/js/search." in s)
    assert page.find("noscript")
    others = [p for p in html_pages(dev_site) if "szukaj" not in str(p)]
    assert not any(soup(p).find("script", src=lambda s: s and ("search." in s or "pagefind" in s)) for p in others)


def test_a_failing_index_stops_the_build_with_a_polish_message(tmp_path):
    from klucz.strict_build.collector import BuildFailed

    content = scenario(tmp_path, "none", {"aktualnosci/a.md": "Title: A\nDate: 2026-11-03\n\nTekst.\n"})
    with pytest.raises(BuildFailed) as failed:
        build(tmp_path / "out", content=content, SEARCH_TIMEOUT=0.001)
    assert "indeks wyszukiwarki się nie zbudował" in str(failed.value)


def test_the_search_page_and_field_follow_the_setting_and_go_when_search_is_off(tmp_path):
    content = scenario(tmp_path, "none", {"aktualnosci/a.md": "Title: A\nDate: 2026-11-03\n\nTekst.\n"})
    moved = build(tmp_path / "out", content=content, SEARCH_URL="wyszukaj/")
    assert soup(moved / "index.html").select_one("header form[role=search]")["action"] == "/wyszukaj/"
    assert (moved / "wyszukaj" / "index.html").is_file()
    off = build(tmp_path / "off", content=content, SEARCH_ENABLED=False)
    assert soup(off / "index.html").select_one("header form[role=search]") is None
    assert not (off / "pagefind").exists()


def test_the_preview_reuses_a_young_index_and_says_that_search_is_older(tmp_path):
    """SEARCH_INDEX_MAX_AGE (the preview's 600 s): the last build's index is
    linked in, not made again, and a warning says search is older than the
    pages; without it every build indexes."""
    from klucz.strict_build import reported

    content = scenario(tmp_path, "none", {"aktualnosci/a.md": "Title: A\nDate: 2026-11-03\n\nTekst.\n"})
    out = tmp_path / "out"
    build(out, content=content, staged=True, SEARCH_INDEX_MAX_AGE=600)
    first = (out / "pagefind" / "pagefind-entry.json").stat().st_ino
    assert (out / "pagefind" / "zbudowano.txt").is_file()
    words = out / "szukaj" / "slowa.json"
    (content / "aktualnosci" / "b.md").write_text("Title: B\nDate: 2026-11-04\n\nNowy w Łodzi.\n", encoding="utf-8")
    build(out, content=content, staged=True, SEARCH_INDEX_MAX_AGE=600)
    assert (out / "pagefind" / "pagefind-entry.json").stat().st_ino == first  # linked, not made again
    # The words with ł go with the index they are looked up in.
    assert "lodzi" not in json.loads(words.read_text(encoding="utf-8"))
    said = [p for p in reported() if p.field == "SEARCH_INDEX_MAX_AGE"]
    assert len(said) == 1 and said[0].severity == "warning"
    assert said[0].message.startswith("wyszukiwarka w podglądzie pokazuje strony z ")
    build(out, content=content, staged=True)
    assert (out / "pagefind" / "pagefind-entry.json").stat().st_ino != first
    assert json.loads(words.read_text(encoding="utf-8"))["lodzi"] == "łodzi"
    assert not [p for p in reported() if p.field == "SEARCH_INDEX_MAX_AGE"]


def test_the_words_with_l_are_listed_as_typed_without_polish_letters(dev_site):
    """Beside the search page: each word of the site with ł by its plain form
    (Pagefind folds accents, not ł), unless the plain form is a word too."""
    from klucz.search import fold, without_l

    words = json.loads((dev_site / "szukaj" / "slowa.json").read_text(encoding="utf-8"))
    assert words["lodz"] == "łódź" and words["lodzi"] == "łodzi"
    assert all("ł" in word and fold(word) == plain for plain, word in words.items())
    assert not any("ł" not in word for word in words.values())
    # "pal" is a word of its own here: typed, it is searched as typed.
    assert without_l(["<p>Pałac i pal, <b>Łąka</b></p>"]) == {"laka": "łąka", "palac": "pałac"}
