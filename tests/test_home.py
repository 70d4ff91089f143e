"""The home page's words from content/strona-glowna.json, as staff save them
in the editor's "Strona główna" form: what the file says is what the home page
shows; a file written wrong fails `make check` with the field and what to
write, and nothing is built."""

import json
import re
import shutil

import pytest

from klucz_harness.sitebuild import ROOT, SAMPLE, build, make_check, soup
from klucz_harness.sitebuild import visible_text as text


@pytest.fixture
def content(tmp_path):
    """A copy of the sample content whose home-page file a test may rewrite."""
    folder = tmp_path / "content"
    shutil.copytree(SAMPLE, folder)
    return folder


def write(content, data):
    written = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2)
    (content / "strona-glowna.json").write_text(written, encoding="utf-8")


def test_the_home_page_says_what_the_file_says(content, tmp_path):
    write(content, {
        "headline": "Wspieramy  spółdzielnie socjalne w Łodzi i regionie",
        "lead": "Doradzamy, szkolimy i pomagamy zdobyć dotacje.",
        "services": [
            {"title": "Szkolenia", "text": "Warsztaty z biznesplanu i z księgowości.", "url": "/szkolenia"},
            {"title": "Kontakt", "text": "Zadzwoń albo napisz do nas.", "url": "http://127.0.0.1:8000/kontakt/"},
            {"title": "Fundacja", "text": "Kto nas prowadzi.", "url": "https://instytutsprawobywatelskich.pl/"},
        ]})
    out = build(tmp_path / "out", content=content, SITEURL="http://127.0.0.1:8000")
    home = soup(out / "index.html")
    assert text(home.find("h1")) == "Wspieramy spółdzielnie socjalne w Łodzi i regionie"
    assert text(home.select_one(".hero__lead")) == "Doradzamy, szkolimy i pomagamy zdobyć dotacje."
    links = [(text(a), a["href"]) for a in home.select(".services .service__title a")]
    # Written as staff copy them from the address bar; linked as the site links.
    assert links == [("Szkolenia", "http://127.0.0.1:8000/szkolenia/"),
                     ("Kontakt", "http://127.0.0.1:8000/kontakt/"),
                     ("Fundacja", "https://instytutsprawobywatelskich.pl/")]
    assert [text(p) for p in home.select(".services .service p")][0] == "Warsztaty z biznesplanu i z księgowości."


def test_without_the_file_the_settings_speak(content, tmp_path):
    (content / "strona-glowna.json").unlink()
    out = build(tmp_path / "out", content=content, SITESUBTITLE="Ośrodek Wsparcia Ekonomii Społecznej",
                SITE_DESCRIPTION="Opis strony.", HOME_SERVICES=[("Doradztwo", "Bezpłatnie.", "kontakt/")])
    home = soup(out / "index.html")
    assert text(home.find("h1")) == "Ośrodek Wsparcia Ekonomii Społecznej"
    assert text(home.select_one(".hero__lead")) == "Opis strony."
    assert [text(a) for a in home.select(".service__title a")] == ["Doradztwo"]


@pytest.mark.parametrize("written, expected", [
    ('{"headline": "A",\n "services": [\n  {"title": "x" "text": "y", "url": "o-nas/"}]}',
     "strona-glowna.json:3: plik: plik nie daje się odczytać: brakuje przecinka między polami albo pozycjami"),
    ('{"headline": "A", "services": [{"title": "x", "text": "y", "url": "o-nas/"},]}',
     "strona-glowna.json:1: plik: plik nie daje się odczytać: brakuje wartości"),
    ({"headline": " ", "services": []},
     "strona-glowna.json: headline (Nagłówek): puste pole -> wpisz tekst"),
    ({"headline": "A", "services": [{"title": "Szkolenia", "text": "", "url": "szkolenia/"}]},
     "strona-glowna.json: services (Co robimy), pozycja 1: text (Jedno zdanie): puste pole"),
    ({"headline": "A", "services": [{"title": "Szkolenia", "text": "T", "url": "szkolenia/"},
                                    {"title": "Dotacje", "text": "T", "url": "dotacje-2025/"}]},
     "strona-glowna.json: services (Co robimy), pozycja 2: url (Adres): „Dotacje” prowadzi pod /dotacje-2025/, "
     "a takiej strony nie ma (wpis zmienił adres, jest szkicem albo go usunięto?) -> popraw adres w edytorze: "
     "Strona główna → Co robimy"),
    ({"headline": "A", "services": "szkolenia"},
     "strona-glowna.json: services (Co robimy): to nie jest lista"),
    ({"headline": "A", "uslugi": []},
     "strona-glowna.json: uslugi: nieznane pole -> plik ma tylko pola headline (Nagłówek), lead (Wprowadzenie) "
     "i services (Co robimy)"),
    ({"headline": "A", "lead": 5, "services": []},
     "strona-glowna.json: lead (Wprowadzenie): to nie jest tekst"),
])
def test_a_file_written_wrong_is_named_with_the_field_and_stops_the_build(content, tmp_path, written, expected):
    write(content, written)
    result, found = make_check(content, "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    found = [line.removeprefix("BŁĄD: ") for line in found]
    assert len(found) == 1 and found[0].startswith(expected), found
    assert not (tmp_path / "out" / "index.html").exists()


def test_the_sample_file_is_what_the_editor_writes(tmp_path):
    """The sample content's file has exactly the form's fields, and the form
    is in the editor's configuration with the address pattern staff meet."""
    from pelican.settings import read_settings

    from klucz.cms.config import decap_config

    data = json.loads((SAMPLE / "strona-glowna.json").read_text(encoding="utf-8"))
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(SAMPLE)})
    form = next(c for c in decap_config(settings)["collections"] if c["name"] == "strona-glowna")["files"][0]
    assert form["file"] == "content/strona-glowna.json" and form["format"] == "json"
    fields = {f["name"]: f for f in form["fields"]}
    assert set(data) == set(fields)
    items = {f["name"]: f for f in fields["services"]["fields"]}
    assert all(set(item) == set(items) for item in data["services"])
    pattern = re.compile(items["url"]["pattern"][0])
    assert all(pattern.match(item["url"]) for item in data["services"])
    assert not pattern.match("szkolenia i doradztwo")


def test_a_post_the_home_page_links_to_cannot_lose_its_address_unnoticed(content, tmp_path):
    """"Doradztwo" leads to a news post; retitled, the post gets another
    address and the home page would link nowhere: the build says so."""
    home = content / "strona-glowna.json"
    home.write_text(home.read_text(encoding="utf-8").replace(
        '"url": "doradztwo/"', '"url": "aktualnosci/ruszylo-doradztwo-ogolne-i-specjalistyczne/"'), encoding="utf-8")
    assert make_check(content)[0].returncode == 0
    post = content / "aktualnosci" / "2016-06-20-ruszylo-doradztwo.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Title: ", "Title: Nowość: ", 1), encoding="utf-8")
    result, found = make_check(content, "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert [line.removeprefix("BŁĄD: ") for line in found] == [
        "strona-glowna.json: services (Co robimy), pozycja 2: url (Adres): „Doradztwo” prowadzi pod "
        "/aktualnosci/ruszylo-doradztwo-ogolne-i-specjalistyczne/, a takiej strony nie ma (wpis zmienił adres, "
        "jest szkicem albo go usunięto?) -> popraw adres w edytorze: Strona główna → Co robimy; wpisz adres strony "
        "tej witryny bez domeny, np. szkolenia/ albo o-nas/ (skopiuj go z paska adresu po otwarciu strony)"]


def test_an_empty_introduction_leaves_the_sites_description(content, tmp_path):
    write(content, {"headline": "Nagłówek", "lead": "  ", "services": []})
    out = build(tmp_path / "out", content=content, SITE_DESCRIPTION="Opis strony.")
    assert text(soup(out / "index.html").select_one(".hero__lead")) == "Opis strony."
