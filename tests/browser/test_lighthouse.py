"""Lighthouse (mobile preset) on the home page, an article, a training, the
search page with results and "Wesprzyj nas", served by nginx as the live site
is: every score at least 95 (100 when measured on a quiet machine; a page
under 95 is measured three times and the median counts, as Lighthouse CI does;
`make audit` shows all pages)."""

import os
import sys

import pytest

from klucz_harness.sitebuild import ROOT

pytestmark = pytest.mark.browser
sys.path.insert(0, str(ROOT / "audit"))

import audit  # noqa: E402


def test_lighthouse_scores_at_least_95(browser):
    if audit.lighthouse_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("Lighthouse is missing: make test installs it with npm ci --prefix audit")
        pytest.skip("npm not available: Lighthouse not installed")
    pages = ["home", "article", "training", "search", "support"]
    results = audit.run(pages, 95)
    low = {
        page: {c: s for c, s in scores.items() if s < 95}
        for page, (scores, _notes) in results.items()
    }
    assert low == {page: {} for page in pages}, results
