"""A build with a broken post fails loudly and names the file and the field."""

import logging

import pytest

from klucz_harness.sitebuild import build, scenario

GOOD = "Title: Dobry wpis\nDate: 2026-11-01 10:00\n\nTreść.\n"


def test_bad_date_fails_the_build_and_names_file_and_field(tmp_path, caplog):
    content = scenario(tmp_path, "bad_date")
    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit) as failure:
        build(tmp_path / "out", content=content)
    assert failure.value.code == 1
    problems = failure.value.problems
    assert len(problems) == 2
    assert sorted(problems) == [
        "aktualnosci/article_with_bad_date.md:2: Date: „31.13.2026”: miesiąc 13 nie istnieje (miesiące mają"
        " numery od 1 do 12) -> wpisz 2026-11-03 albo 3.11.2026 (z godziną: 2026-11-03 10:00 albo 3.11.2026 10:00)",
        "aktualnosci/article_with_missing_title.md:1: Title: brak tytułu"
        " -> dodaj na początku pliku wiersz Title: Tytuł wpisu",
    ]
    assert any("Budowanie strony nie powiodło się" in r.getMessage() for r in caplog.records)


def test_clean_build_passes_after_a_failed_one(tmp_path):
    content = scenario(tmp_path, "clean", {"aktualnosci/dobry.md": GOOD})
    out = build(tmp_path / "out", content=content)
    assert (out / "aktualnosci/dobry-wpis/index.html").is_file()


def test_a_plugin_that_does_not_load_stops_the_build(tmp_path):
    from pelicanconf import PLUGINS

    content = scenario(tmp_path, "clean", {"aktualnosci/dobry.md": GOOD})
    with pytest.raises(SystemExit) as failure:
        build(tmp_path / "out", content=content, PLUGINS=PLUGINS + ["nie_ma_takiej"])
    assert failure.value.problems == [
        "pelicanconf.py: PLUGINS: wtyczka „nie_ma_takiej” się nie wczytała -> sprawdź jej nazwę "
        "(klucz.<nazwa> dla wtyczek z folderu plugins/; szczegóły: DEBUG=1 make html)"]
    with pytest.raises(SystemExit) as failure:
        build(tmp_path / "out2", content=content, PLUGINS=PLUGINS[1:] + ["klucz.strict_build"])
    assert any("strict_build nie jest pierwszą wtyczką" in p for p in failure.value.problems)


def test_a_quiet_build_still_fails_on_errors(tmp_path):
    """`make html PELICANOPTS=-q`: quiet output, but errors are never silenced."""
    import subprocess

    from klucz_harness.sitebuild import ROOT

    content = scenario(tmp_path, "clean", {"aktualnosci/zla.md": "Title: Zła\nDate: 11/03/2026\n\nTekst.\n"})
    for options in ("-q", ""):
        result = subprocess.run(["make", "-s", "html", f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'out'}",
                                 f"PELICANOPTS={options}"], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode != 0, options
        assert "zla.md:2: Date" in result.stdout + result.stderr
        assert not (tmp_path / "out").exists()
