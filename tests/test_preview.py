"""`make devserver`: the preview rebuilds on save, tells the open page to
reload, and shows the problems (keeping the last good preview) when a build fails."""

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from klucz_harness.servers import free_port, read_event, stop_process
from klucz_harness.sitebuild import ROOT, as_read, scenario

ENV = dict(os.environ, BUILD_NOW="2026-11-28T12:00:00+01:00")


def start_preview(tmp_path, content, *settings):
    """`make devserver` on a free port; returns (process, base URL) once it says
    where it serves, which it does when its first build is done and it is
    watching the files."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "klucz.commands.preview", *settings, "--content", str(content),
         "--output", str(tmp_path / "podglad"), "--port", str(port)],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    said = []
    for line in process.stdout:
        said.append(line)
        if line.startswith("Podgląd: "):
            return process, f"http://127.0.0.1:{port}"
    process.wait(timeout=10)
    raise AssertionError("the preview stopped before serving:\n" + "".join(said))


@pytest.fixture
def preview(tmp_path):
    content = scenario(tmp_path, "clean", {
        "aktualnosci/wpis.md": "Title: Wpis\nDate: 2026-11-01 10:00\n\nPierwsza wersja.\n",
        "aktualnosci/szkic.md": "Title: Szkic\nDate: 2026-11-02 10:00\nStatus: draft\n\nRoboczy.\n",
    })
    process, base = start_preview(tmp_path, content)
    yield base, content
    stop_process(process)


def test_preview_reloads_on_save_and_shows_problems(preview):
    base, content = preview
    page = urllib.request.urlopen(base + "/aktualnosci/wpis/").read().decode("utf-8")
    assert "Pierwsza wersja." in page
    assert '<script src="/__podglad/odswiez.js"></script>' in page
    draft = as_read(urllib.request.urlopen(base + "/aktualnosci/szkic/").read().decode("utf-8"))
    assert "Szkic – widoczny tylko w podglądzie" in draft

    # The server registers the page before it answers: no save is missed.
    stream = urllib.request.urlopen(base + "/__podglad/zdarzenia", timeout=30)
    (content / "aktualnosci/wpis.md").write_text(
        "Title: Wpis\nDate: 2026-11-01 10:00\n\nDruga wersja.\n", encoding="utf-8")
    assert read_event(stream, time.monotonic() + 30) == ("reload", "{}")
    assert "Druga wersja." in urllib.request.urlopen(base + "/aktualnosci/wpis/").read().decode("utf-8")

    (content / "aktualnosci/wpis.md").write_text(
        "Title: Wpis\nDate: jutro\n\nTrzecia wersja.\n", encoding="utf-8")
    event, data = read_event(stream, time.monotonic() + 30)
    assert event == "problems"
    assert "aktualnosci/wpis.md:2: Date: „jutro”: to nie jest data w znanej postaci" in data
    # The last good preview stays.
    assert "Druga wersja." in urllib.request.urlopen(base + "/aktualnosci/wpis/").read().decode("utf-8")


def test_preview_warns_on_the_page_when_an_edit_takes_away_a_live_address(tmp_path):
    """A title edited in the preview: the live site (its adresy.json) has the
    old address, so the page says at once how to keep it."""
    live = tmp_path / "live-adresy.json"
    live.write_text('{"site": "", "pages": {"/aktualnosci/wpis/": "aktualnosci/wpis.md"}, '
                    '"aliases": {}, "removed": []}', encoding="utf-8")
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
                    f"THEME = {str(ROOT / 'theme')!r}\n"
                    f"SERVING_LIVE_ADDRESSES = {str(live)!r}\n", encoding="utf-8")
    content = scenario(tmp_path, "clean", {
        "aktualnosci/wpis.md": "Title: Wpis\nDate: 2026-11-01 10:00\n\nTekst.\n"})
    process, base = start_preview(tmp_path, content, "-s", str(conf))
    try:
        stream = urllib.request.urlopen(base + "/__podglad/zdarzenia", timeout=30)
        (content / "aktualnosci/wpis.md").write_text(
            "Title: Wpis poprawiony\nDate: 2026-11-01 10:00\n\nTekst.\n", encoding="utf-8")
        assert read_event(stream, time.monotonic() + 30) == ("reload", "{}")
        # After the reload the page connects again and gets the warning.
        again = urllib.request.urlopen(base + "/__podglad/zdarzenia", timeout=30)
        event, data = read_event(again, time.monotonic() + 10)
        assert event == "warnings"
        assert "adres /aktualnosci/wpis/ zniknie – wpis ma teraz adres /aktualnosci/wpis-poprawiony/" in data
        assert "Aliases: /aktualnosci/wpis/" in data
        script = urllib.request.urlopen(base + "/__podglad/odswiez.js").read().decode("utf-8")
        assert 'addEventListener("warnings"' in script
    finally:
        stop_process(process)
