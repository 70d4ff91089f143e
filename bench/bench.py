"""`make bench`: build a generated corpus with this site's theme and plugins and
with stock Pelican (same posts, its `simple` theme, no plugins), several times
each, and print the median times, their ratio and the time of a rebuild after
one post is edited.

    python bench/bench.py [--posts 1000] [--runs 5]
"""

import argparse
import resource
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import corpus  # noqa: E402

CPU = []  # CPU seconds (user + system) of each build, in order

STOCK_SETTINGS = """\
SITENAME = "Benchmark"
SITEURL = ""
TIMEZONE = "Europe/Warsaw"
DEFAULT_LANG = "pl"
THEME = "simple"
ARTICLE_PATHS = ["aktualnosci", "szkolenia", "wesprzyj"]
PLUGINS = []
"""
# The same stock build with this site's pretty URLs (one folder per page), to
# show what the URL scheme alone costs on this file system.
PRETTY_URLS = """ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
"""


def pelican(content, output, settings, extra=(), fresh=True):
    if fresh:
        # Both builds start from an empty folder, as `make html` does (it
        # builds into a new folder and swaps it in).
        shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pelican", content, "-o", output, "-s", settings, "-q", *extra]
    env = dict(os.environ, BUILD_NOW="2026-11-28T12:00:00+01:00")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    if result.returncode != 0:
        sys.exit(f"build failed ({settings}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return took


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    work = tempfile.mkdtemp(prefix="klucz-bench-")
    try:
        content = os.path.join(work, "content")
        posts = corpus.make(content, args.posts)
        stock_conf = os.path.join(work, "stock.py")
        with open(stock_conf, "w", encoding="utf-8") as f:
            f.write(STOCK_SETTINGS)
        pretty_conf = os.path.join(work, "stock_pretty.py")
        with open(pretty_conf, "w", encoding="utf-8") as f:
            f.write(STOCK_SETTINGS + PRETTY_URLS)
        site_conf = os.path.join(ROOT, "pelicanconf.py")
        cache = ["-e", f'CACHE_PATH="{os.path.join(work, "cache")}"', f'IMAGES_CACHE_PATH="{os.path.join(work, "img")}"']
        nocache = ["-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]

        stock, pretty, site = [], [], []
        cpu = {"stock": [], "pretty": [], "site": [], "rebuild": []}
        for run in range(args.runs):
            stock.append(pelican(content, os.path.join(work, "stock"), stock_conf, nocache))
            cpu["stock"].append(CPU[-1])
            pretty.append(pelican(content, os.path.join(work, "pretty"), pretty_conf, nocache))
            cpu["pretty"].append(CPU[-1])
            site.append(pelican(content, os.path.join(work, "site"), site_conf,
                                ["-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false",
                                 f'IMAGES_CACHE_PATH="{os.path.join(work, "img")}"']))
            cpu["site"].append(CPU[-1])
            print(f"  run {run + 1}: stock {stock[-1]:.2f} s, stock with pretty URLs {pretty[-1]:.2f} s, "
                  f"site {site[-1]:.2f} s", flush=True)

        # Rebuild after one edit: a warm cache, then one post changed.
        pelican(content, os.path.join(work, "warm"), site_conf, cache)
        rebuild = []
        for run in range(args.runs):
            edited = posts[run * 7 % len(posts)]
            with open(edited, "a", encoding="utf-8") as f:
                f.write(f"\nDopisek {run}.\n")
            rebuild.append(pelican(content, os.path.join(work, "warm"), site_conf, cache))
            cpu["rebuild"].append(CPU[-1])

        s_stock, s_pretty, s_site, s_rebuild = (statistics.median(x) for x in (stock, pretty, site, rebuild))
        c = {k: statistics.median(v) for k, v in cpu.items()}
        print()
        print(f"Corpus: {args.posts} posts ({sum('/szkolenia/' in p for p in posts)} trainings), {args.runs} runs each, median")
        print("| build | wall (s) | ratio | CPU (s) | CPU ratio |")
        print("|---|---|---|---|---|")
        print(f"| stock Pelican, simple theme, no plugins | {s_stock:.2f} | 1.00 | {c['stock']:.2f} | 1.00 |")
        print(f"| stock Pelican with this site's pretty URLs | {s_pretty:.2f} | {s_pretty / s_stock:.2f} | {c['pretty']:.2f} | {c['pretty'] / c['stock']:.2f} |")
        print(f"| this site, full build (goal <= 1.30) | {s_site:.2f} | {s_site / s_stock:.2f} | {c['site']:.2f} | {c['site'] / c['stock']:.2f} |")
        print(f"| this site, rebuild after one edit (goal <= 0.50 of full) | {s_rebuild:.2f} | {s_rebuild / s_site:.2f} | {c['rebuild']:.2f} | {c['rebuild'] / c['site']:.2f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
