"""`make audit`: build the site, serve it on localhost and audit the main page
types with Lighthouse (mobile preset) in Debian's Chromium; print the four
scores per page and exit 1 if any is below --min.

    python audit/audit.py [--min 95] [--pages home article training ...]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from sitebuild import build, serve  # noqa: E402

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


def audit(url, workdir):
    report = os.path.join(workdir, "report.json")
    command = [
        lighthouse_bin(), url, "--quiet", "--output=json", f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES),
    ]
    env = dict(os.environ, CHROME_PATH=chromium())
    subprocess.run(command, check=True, env=env, capture_output=True, text=True)
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    scores = {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failing = [
        f"{c}: {ref['id']} ({data['audits'][ref['id']].get('displayValue', '')})"
        for c in CATEGORIES
        for ref in data["categories"][c]["auditRefs"]
        if ref.get("weight") and (data["audits"][ref["id"]].get("score") or 0) < 1
        and data["audits"][ref["id"]].get("scoreDisplayMode") == "binary"
    ]
    return scores, failing


def run(pages, minimum):
    """Audit `pages`; return {page: (scores, failing audits)}."""
    if lighthouse_bin() is None:
        raise SystemExit("Lighthouse is not installed: npm ci --prefix audit")
    if chromium() is None:
        raise SystemExit("Chromium is not installed: apt-get install chromium")
    work = tempfile.mkdtemp(prefix="klucz-audit-")
    try:
        url, server = serve_built(work)
        results = {}
        for name in pages:
            results[name] = audit(url + PAGES[name], work)
        server.shutdown()
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def serve_built(work):
    # Bind first to learn the port, then build with it as the site's origin.
    probe_url, probe = serve(work, not_found="404.html")
    probe.shutdown()
    probe.server_close()
    port = probe_url.rsplit(":", 1)[1]
    origin = f"http://127.0.0.1:{port}"
    out = build(os.path.join(work, "out"), SITE_ORIGIN=origin, FEED_DOMAIN=origin,
                SEO_ALLOW_INDEXING=True, IMAGES_CACHE_PATH=os.path.join(work, "img"))
    return serve(out, not_found="404.html", port=int(port))


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--min", type=int, default=0, help="fail below this score")
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args(argv)
    results = run(args.pages, args.min)
    print("| page | performance | accessibility | best practices | SEO |")
    print("|---|---|---|---|---|")
    worst = 100
    for name, (scores, failing) in results.items():
        print(f"| {name} | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |")
        worst = min(worst, *scores.values())
        for line in failing:
            print(f"    {line}")
    if worst < args.min:
        print(f"\nA score is below {args.min}.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
