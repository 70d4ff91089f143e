"""Helpers for the tests: build a site into a folder, read it back, serve it."""

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from bs4 import BeautifulSoup

from klucz.commands.build import build as build_from
from klucz.commands.serve import make_server

ROOT = Path(__file__).resolve().parent.parent

DATA = ROOT / "tests" / "data"
# The sample site the tests build: content/ as it was when the tests were
# written, frozen here. Staff change content/ every day through the editor;
# no test reads it but the one that `make check` passes on it.
SAMPLE = DATA / "sample" / "content"
# A fixed "now" keeps the sample site's upcoming/past split stable in tests.
TEST_NOW = "2026-11-28T12:00:00+01:00"
LIVE_URL = "https://klucz.example.org"


# A live build refuses the sample's example payment details; the live-site tests
# stand in for the foundation's real ones (a valid NRB, its own payment host).
REAL_PAYMENT_DETAILS = {
    "DONATIONS_EXAMPLE_DATA": False,
    "DONATIONS_BANK": {
        "holder": "Fundacja Instytut Spraw Obywatelskich",
        "nrb": "60 1020 1026 0000 1234 5678 9012",
        "bank": "Bank",
        "title": "Darowizna na cele statutowe",
    },
    "DONATIONS_CAMPAIGNS": {
        "dodaj-nam-mocy": {
            "title": "Dodaj nam MOCy!",
            "text": "Dorzuć się do działań Instytutu.",
            "buttons": [{"label": "Wpłać", "url": "https://platnosci.fundacja-iso.pl/darowizna",
                         "amounts": [30, 50, 100], "amount_param": "kwota"}],
        }
    },
}


def build(output, content=SAMPLE, conf="pelicanconf.py", staged=False, **override):
    """Build `content` with the project's theme and plugins into `output`
    (`staged`: as `make html` does, into output.new swapped in on success)."""
    build_from(str(ROOT / conf), {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "THEME": str(ROOT / "theme"),
        "BUILD_NOW": TEST_NOW,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        **override,
    }, staged=staged)
    return Path(output)


def live_build(output, content=SAMPLE, siteurl=LIVE_URL, **override):
    """`build` with publishconf.py, its address from SITEURL as the deploy
    sets it, and real payment details in place of the sample's."""
    saved = os.environ.get("SITEURL")
    os.environ["SITEURL"] = siteurl
    try:
        return build(output, content=content, conf="publishconf.py", **{**REAL_PAYMENT_DETAILS, **override})
    finally:
        if saved is None:
            del os.environ["SITEURL"]
        else:
            os.environ["SITEURL"] = saved


def scenario(tmp_path, name, files=None):
    """Copy tests/data/<name>/content (or `files`: path -> text) into tmp_path."""
    content = tmp_path / "content"
    number = 1
    while content.exists():
        number += 1
        content = tmp_path / f"content{number}"
    source = DATA / name / "content"
    if source.exists():
        shutil.copytree(source, content)
    for relative, text in (files or {}).items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return content


# Pagefind writes the search index anew at every build and its filter and
# metadata files are not byte-stable between runs (upstream: Pagefind issue
# 638); comparisons of whole sites leave the index out, and tests/test_search.py
# and the browser tests check what it finds.
SEARCH_INDEX = "pagefind"


def site_files(folder):
    """{relative path: bytes} of a built site, the search index left out."""
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != SEARCH_INDEX}


def site_folders(folder):
    """The folders of a built site (relative paths), the search index left out."""
    folder = Path(folder)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_dir() and p.relative_to(folder).parts[0] != SEARCH_INDEX)


def as_read(text):
    """Text as a reader sees it: no-break spaces as spaces, word joiners
    unseen, the no-break hyphen as a hyphen (the typography rules add them)."""
    return text.replace("\u00a0", " ").replace("\u2060", "").replace("\u2011", "-")


def visible_text(node):
    """A node's text as a reader sees it, spaces collapsed."""
    return " ".join(as_read(node.get_text(" ")).split())


def make_check(content, *extra):
    """`make check` on a content folder: the finished process and its error
    lines ("BŁĄD: …")."""
    result = subprocess.run([sys.executable, "-m", "klucz.commands.check", "--content", str(content), *extra],
                            cwd=ROOT, capture_output=True, text=True)
    return result, [line for line in result.stdout.splitlines() if line.startswith("BŁĄD: ")]


def soup(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def html_pages(output):
    """The pages visitors read (the web editor, admin/, is tested on its own)."""
    return sorted(p for p in Path(output).rglob("*.html") if p.relative_to(output).parts[0] != "admin")


def serve(directory, not_found=None, port=0):
    """Serve `directory` on loopback (a free port by default), as `make serve`
    does; returns (base URL, server)."""
    server = make_server(directory, port, quiet=True, not_found=not_found)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server
