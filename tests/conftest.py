"""Build sites into temporary folders and read them back as a visitor would."""

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# A fixed "now" keeps the sample site's upcoming/past split stable in tests.
TEST_NOW = "2026-11-28T12:00:00+01:00"
LIVE_URL = "https://klucz.example.org"


def build(output, content=ROOT / "content", conf="pelicanconf.py", **override):
    """Build `content` with the project's theme and plugins into `output`."""
    settings = read_settings(
        str(ROOT / conf),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "BUILD_NOW": TEST_NOW,
            **override,
        },
    )
    Pelican(settings).run()
    return Path(output)


def scenario(tmp_path, name, files=None):
    """Copy tests/data/<name>/content (or `files`: path -> text) into tmp_path."""
    content = tmp_path / "content"
    source = DATA / name / "content"
    if source.exists():
        shutil.copytree(source, content)
    for relative, text in (files or {}).items():
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return content


def soup(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def html_pages(output):
    return sorted(p for p in Path(output).rglob("*.html"))


@pytest.fixture(autouse=True)
def _fresh_log_filter():
    """Pelican's LimitFilter drops repeated messages for the whole session."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    yield


@pytest.fixture(scope="session")
def dev_site(tmp_path_factory):
    """The real content/ built with the development settings."""
    return build(tmp_path_factory.mktemp("dev") / "output")


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The real content/ built with publishconf.py, its address from SITEURL."""
    saved = os.environ.get("SITEURL")
    os.environ["SITEURL"] = LIVE_URL + "/"
    try:
        return build(tmp_path_factory.mktemp("live") / "output", conf="publishconf.py")
    finally:
        if saved is None:
            del os.environ["SITEURL"]
        else:
            os.environ["SITEURL"] = saved
