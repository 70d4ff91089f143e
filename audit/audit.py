"""`make audit`: build the site, serve it on localhost as the live site is
served (nginx with the generated _nginx.conf) and audit the main page types
with Lighthouse (mobile preset) in Debian's Chromium; print the four scores per
page and exit 1 if any is below --min (a page under it is measured three times
and its median counts).

    python audit/audit.py [--min 95] [--pages home article training ...]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

from klucz_harness.servers import Nginx, free_port, which  # noqa: E402
from klucz_harness.sitebuild import build, serve  # noqa: E402

PAGES = {
    "home": "/",
    "article": "/aktualnosci/podsumowanie-dzialan-kwiecien-maj-2016-r/",
    "training": "/szkolenia/abc-ekonomii-spolecznej-co-kazdy-przedsiebiorca-spoleczny-wiedziec-powinien/",
    "trainings": "/szkolenia/",
    "month": "/szkolenia/kalendarz/2027/01/",
    "support": "/wesprzyj-nas/",
    "search": "/szukaj/?q=sp%C3%B3%C5%82dzielnia",
    "accessibility": "/deklaracja-dostepnosci/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def lighthouse_bin():
    path = os.path.join(HERE, "node_modules", ".bin", "lighthouse")
    return path if os.path.exists(path) else None


def chromium():
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    return None


METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index"]


def audit(url, workdir):
    """One Lighthouse run: the four scores, and what fell short (the audits
    that failed, and the timings when performance is under 100)."""
    report = os.path.join(workdir, "report.json")
    command = [
        lighthouse_bin(), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES),
    ]
    env = dict(os.environ, CHROME_PATH=chromium())
    # Now and then Chromium's trace misses the page load and Lighthouse stops
    # with "Something went wrong with recording the trace … Please run
    # Lighthouse again" (NO_NAVSTART, NO_FCP): it is run again, three times at most.
    said = []
    for _attempt in range(3):
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode == 0:
            break
        said.append(done.stderr[-1500:])
    else:
        raise RuntimeError(f"Lighthouse failed three times on {url}:\n" + "\n---\n".join(said))
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    scores = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    notes = [
        f"{c}: {ref['id']} ({data['audits'][ref['id']].get('displayValue', '')})"
        for c in CATEGORIES
        for ref in data["categories"][c]["auditRefs"]
        if ref.get("weight") and (data["audits"][ref["id"]].get("score") or 0) < 1
        and data["audits"][ref["id"]].get("scoreDisplayMode") == "binary"
    ]
    if scores["performance"] < 100:
        notes.append("performance: " + ", ".join(
            f"{m} {data['audits'][m].get('displayValue', '?')}".replace("\u00a0", " ") for m in METRICS))
    return scores, notes


def run(pages, minimum, runs=3):
    """Audit `pages`; return {page: (scores, notes)}. A page under `minimum` in
    any category is measured again, up to `runs` times in all, and its median
    scores count: Lighthouse's timings vary from run to run on a shared
    machine, and its authors advise the median of several runs (Lighthouse CI
    asserts on the median of three)."""
    if lighthouse_bin() is None:
        raise SystemExit("Lighthouse is not installed: npm ci --prefix audit")
    if chromium() is None:
        raise SystemExit("Chromium is not installed: apt-get install chromium")
    work = tempfile.mkdtemp(prefix="klucz-audit-")
    try:
        url, stop = serve_built(work)
        try:
            results = {}
            for name in pages:
                tries = [audit(url + PAGES[name], work)]
                if min(tries[0][0].values()) < minimum:
                    tries += [audit(url + PAGES[name], work) for _ in range(runs - 1)]
                median = {c: sorted(t[0][c] for t in tries)[len(tries) // 2] for c in CATEGORIES}
                notes = [f"run {i + 1}: " + " ".join(str(t[0][c]) for c in CATEGORIES) for i, t in enumerate(tries)
                         ] if len(tries) > 1 else []
                results[name] = (median, notes + [n for t in tries for n in t[1]])
            return results
        finally:
            stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def serve_built(work):
    """Build the sample site and serve it as the live site is served: by nginx
    with the generated _nginx.conf (compression, headers, the search page's
    policy) where nginx is installed, and always in CI; elsewhere by Python's
    server, which sends files uncompressed (the scores are then a little lower).
    Returns the address and a function that stops the server."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    out = build(os.path.join(work, "out"), SITE_ORIGIN=origin, FEED_DOMAIN=origin,
                SEO_ALLOW_INDEXING=True, IMAGES_CACHE_PATH=os.path.join(work, "img"))
    if os.environ.get("CI") or which("nginx"):
        server = Nginx(Path(work) / "nginx", out, port=port)
        return server.url, server.stop
    url, server = serve(out, not_found="404.html", port=port)
    return url, server.shutdown


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--min", type=int, default=0, help="fail below this score")
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args(argv)
    results = run(args.pages, args.min)
    print("| page | performance | accessibility | best practices | SEO |")
    print("|---|---|---|---|---|")
    worst = 100
    for name, (scores, notes) in results.items():
        print(f"| {name} | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |")
        worst = min(worst, *scores.values())
        for line in notes:
            print(f"    {line}")
    if worst < args.min:
        print(f"\nA score is below {args.min}.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
