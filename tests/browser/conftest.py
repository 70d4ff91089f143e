"""A built site served on localhost and a real Chromium to look at it."""

import os
import shutil

import pytest

from klucz_harness.sitebuild import build, serve

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path():
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run must install it (apt-get install chromium)")
        pytest.skip("Chromium not installed (apt-get install chromium); CI runs these tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """The sample site served on localhost, once per test module."""
    out = build(tmp_path_factory.mktemp("browser") / "out", SITE_ORIGIN="http://127.0.0.1")
    url, server = serve(out, not_found="404.html")
    yield url
    server.shutdown()
