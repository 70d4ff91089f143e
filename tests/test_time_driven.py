"""What changes on the site by the date alone, tested across a change of day:
a build at 23:59 and one at 00:01 (what the daily 05:00 rebuild and any
rebuild after midnight publish)."""

import pytest

from klucz_harness.sitebuild import build, scenario, soup

TRAINING = (
    "Title: Ekonomia społeczna w gminie\nDate: 2026-11-20 10:00\nEvent-Start: 2026-12-10 10:00\n"
    "Event-End: 2026-12-10 15:00\nEvent-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź\n"
    "Registration-Email: szkolenia@instytutsprawobywatelskich.pl\nRegistration-Deadline: 2.12.2026 00:00\n\nProgram.\n"
)
SCHEDULED = "Title: Wpis o północy\nDate: 2026-12-02 00:00\n\nOpublikowany o północy.\n"
NEWS = "Title: Zwykły wpis\nDate: 2026-04-20 10:00\n\nTekst.\n"
TAX = {"DONATIONS_TAX": {"krs": "0000191928", "specific_goal": "Centrum KLUCZ"}}


def built(tmp_path, name, now):
    content = scenario(tmp_path, "clean", {"szkolenia/gmina.md": TRAINING, "aktualnosci/polnoc.md": SCHEDULED,
                                            "aktualnosci/zwykly.md": NEWS})
    return build(tmp_path / name, content=content, BUILD_NOW=now, **TAX)


@pytest.mark.parametrize("before, after", [("2026-12-01T23:59:00+01:00", "2026-12-02T00:01:00+01:00")])
def test_sign_up_deadline_and_scheduled_post_across_midnight(tmp_path, before, after):
    evening, night = built(tmp_path, "evening", before), built(tmp_path, "night", after)
    training = "szkolenia/ekonomia-spoleczna-w-gminie/index.html"
    assert "Zapisy otwarte" in soup(evening / training).get_text()
    assert "Zapisy zakończone" in soup(night / training).get_text()
    assert "Zapisy otwarte" not in soup(night / training).get_text()
    assert not (evening / "aktualnosci/wpis-o-polnocy/index.html").exists()
    assert (night / "aktualnosci/wpis-o-polnocy/index.html").is_file()
    assert "Wpis o północy" in soup(night / "index.html").get_text().replace("\u00a0", " ")


def test_the_1_5_percent_season_ends_with_april(tmp_path):
    evening, night = (
        built(tmp_path, "april", "2027-04-30T23:59:00+02:00"),
        built(tmp_path, "may", "2027-05-01T00:01:00+02:00"),
    )
    page = "aktualnosci/zwykly-wpis/index.html"
    assert soup(evening / page).select_one(".donation__tax") is not None
    assert soup(night / page).select_one(".donation__tax") is None
