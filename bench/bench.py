"""`make bench`: build a generated corpus with this site's theme and plugins and
with stock Pelican (same posts, its `simple` theme, no plugins), several times
each, and print the median times, their ratio and the time of a rebuild after
one post is edited.

    python bench/bench.py [--posts 1000] [--runs 5] [--output disk|memory|both]
"""

import argparse
import os
import resource
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


def remove_site(output):
    """A built site gone, with the folders a build keeps beside it (.old, .new)."""
    for folder in (output, output + ".old", output + ".new"):
        shutil.rmtree(folder, ignore_errors=True)


def pelican(content, output, settings, extra=(), fresh=True, site=False):
    if fresh:
        # Full builds start from an empty folder, as on a fresh checkout.
        remove_site(output)
    # Let the previous build's writes reach the disk first, so that one build
    # does not pay for another's.
    os.sync()
    # This site is built the way `make html` builds it (into output.new, then
    # swapped in); stock Pelican by its own command.
    runner = "klucz.commands.build" if site else "pelican"
    command = [sys.executable, "-m", runner, content, "-o", output, "-s", settings, "-q", *extra]
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


def memory_folder():
    """A folder in RAM (tmpfs), where the disk's state cannot skew the times."""
    for candidate in ("/dev/shm",):
        if os.path.isdir(candidate) and os.access(candidate, os.W_OK):
            return candidate
    return None


def pagefind_alone(output):
    """Pagefind run by itself on a built site, as the search plugin runs it."""
    shutil.rmtree(os.path.join(output, "pagefind"), ignore_errors=True)
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", output, "--output-subdir", "pagefind", "--quiet"],
                   check=True, capture_output=True)
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return took


def measure(content, posts, work, out_root, runs):
    stock_conf = os.path.join(work, "stock.py")
    pretty_conf = os.path.join(work, "stock_pretty.py")
    site_conf = os.path.join(ROOT, "pelicanconf.py")
    nocache = ["-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]
    keys = ("stock", "pretty", "site", "typo_off", "search", "pagefind", "rebuild", "rebuild_search")
    times = {key: [] for key in keys}
    cpu = {key: [] for key in keys}

    def site_full(run, *extra):
        # Nothing cached: no reader cache, no compiled templates, no earlier pages.
        cache = os.path.join(work, f"cold-cache-{run}")
        shutil.rmtree(cache, ignore_errors=True)
        return pelican(content, os.path.join(out_root, "site"), site_conf,
                       nocache + [f'CACHE_PATH="{cache}"', f'IMAGES_CACHE_PATH="{cache}/img"', *extra], site=True)

    for run in range(runs):
        for key, build in (
            ("stock", lambda: pelican(content, os.path.join(out_root, "stock"), stock_conf, nocache)),
            ("pretty", lambda: pelican(content, os.path.join(out_root, "pretty"), pretty_conf, nocache)),
            ("typo_off", lambda run=run: site_full(run, "SEARCH_ENABLED=false", "TYPOGRAPHY_ENABLED=false")),
            ("search", lambda run=run: site_full(run)),
            ("site", lambda run=run: site_full(run, "SEARCH_ENABLED=false")),
            # Pagefind alone over the pages the build just wrote.
            ("pagefind", lambda: pagefind_alone(os.path.join(out_root, "site"))),
        ):
            times[key].append(build())
            cpu[key].append(CPU[-1])
        print(f"  run {run + 1}: stock {times['stock'][-1]:.2f} s, stock with pretty URLs "
              f"{times['pretty'][-1]:.2f} s, site {times['site'][-1]:.2f} s (with search "
              f"{times['search'][-1]:.2f} s, without typography {times['typo_off'][-1]:.2f} s), "
              f"Pagefind alone {times['pagefind'][-1]:.2f} s", flush=True)

    # Rebuild after one edit, as `make html` does it a second time: the output
    # folder and the caches of the previous build are there, one post changed.
    for key, extra in (("rebuild", ["SEARCH_ENABLED=false"]), ("rebuild_search", [])):
        warm_cache = os.path.join(work, f"warm-cache-{key}")
        warm = ["-e", f'CACHE_PATH="{warm_cache}"', f'IMAGES_CACHE_PATH="{warm_cache}/img"', *extra]
        warm_output = os.path.join(out_root, "warm")
        shutil.rmtree(warm_output, ignore_errors=True)
        pelican(content, warm_output, site_conf, warm, site=True)
        for run in range(runs):
            edited = posts[run * 7 % len(posts)]
            with open(edited, "a", encoding="utf-8") as f:
                f.write(f"\nDopisek {run}.\n")
            times[key].append(pelican(content, warm_output, site_conf, warm, fresh=False, site=True))
            cpu[key].append(CPU[-1])
    for key in ("stock", "pretty", "site", "warm"):
        remove_site(os.path.join(out_root, key))
    return ({k: statistics.median(v) for k, v in times.items()},
            {k: statistics.median(v) for k, v in cpu.items()})


def typography_alone(posts, runs):
    """The typography pass of the posts' text by itself, in one process, as
    the Markdown pass runs it (nbsp_html over Markdown's output, the site's
    units, nothing remembered between runs): the median of `runs`."""
    import markdown

    from klucz.typography import rules

    units = tuple(rules.SETTINGS.get({}, "TYPOGRAPHY_UNITS"))
    htmls = []
    for path in posts:
        with open(path, encoding="utf-8") as f:
            body = f.read().partition("\n\n")[2]
        htmls.append(markdown.markdown(body, extensions=["markdown.extensions.extra"], output_format="html5"))
    took = []
    for _ in range(runs):
        rules.nbsp_text.cache_clear()
        started = time.perf_counter()
        for html in htmls:
            rules.nbsp_html(html, units)
        took.append(time.perf_counter() - started)
    return statistics.median(took)


def table(where, posts, runs, t, c):
    print()
    print(f"Output {where}; corpus: {len(posts)} posts ({sum('/szkolenia/' in p for p in posts)} trainings), "
          f"{runs} runs each, median")
    print("| build | wall (s) | ratio | CPU (s) | CPU ratio |")
    print("|---|---|---|---|---|")

    def row(name, key, base, base_name=None):
        print(f"| {name} | {t[key]:.2f} | {t[key] / t[base]:.2f}{base_name or ''} "
              f"| {c[key]:.2f} | {c[key] / c[base]:.2f}{base_name or ''} |")

    row("stock Pelican, simple theme, no plugins", "stock", "stock")
    row("stock Pelican with this site's pretty URLs", "pretty", "stock")
    row("this site, full build, search off (goal <= 1.50)", "site", "stock")
    row("this site, rebuild after one edit, search off (goal <= 0.35 of full)", "rebuild", "site", " of full")
    typo_t, typo_c = t["site"] - t["typo_off"], c["site"] - c["typo_off"]
    print(f"| typography (full build minus one with TYPOGRAPHY_ENABLED = False; goal <= 0.25 s) "
          f"| {typo_t:.2f} | | {typo_c:.2f} | |")
    print(f"| typography of the posts' text alone, in one process (goal <= 0.25 s) | {t['typo_alone']:.2f} | | | |")
    index_t, index_c = t["search"] - t["site"], c["search"] - c["site"]
    print(f"| search index (full build with search minus without) | {index_t:.2f} | "
          f"{index_t / t['pagefind']:.2f} of Pagefind alone | {index_c:.2f} | {index_c / c['pagefind']:.2f} |")
    row("Pagefind alone on the same pages", "pagefind", "pagefind")
    row("this site, full build with search (as deployed)", "search", "stock")
    row("this site, rebuild after one edit, with search", "rebuild_search", "search", " of full")
    sys.stdout.flush()


def compile_project():
    """The project's Python compiled once, as Python does the first time it
    imports a module on a machine that lets it keep the result. The installed
    packages, stock Pelican's among them, were compiled when pip installed
    them; the project's own modules (an editable install) are compiled when
    first imported, unless PYTHONDONTWRITEBYTECODE forbids keeping them (some
    machines set it: then every build compiled them again, ≈0.05 s)."""
    import compileall

    for path in ("plugins", "harness", "pelicanconf.py", "publishconf.py"):
        full = os.path.join(ROOT, path)
        if os.path.isdir(full):
            compileall.compile_dir(full, quiet=1)
        elif os.path.isfile(full):
            compileall.compile_file(full, quiet=1)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", choices=("disk", "memory", "both"), default="both",
                        help="where the builds write: the temporary folder on disk, a RAM folder, or both")
    args = parser.parse_args(argv)
    work = tempfile.mkdtemp(prefix="klucz-bench-")
    places = []
    if args.output in ("disk", "both"):
        places.append(("on disk", work))
    if args.output in ("memory", "both"):
        ram = memory_folder()
        if ram is None:
            print("No RAM folder (tmpfs) here: measuring on disk only.")
        else:
            places.append(("in RAM (tmpfs)", tempfile.mkdtemp(prefix="klucz-bench-", dir=ram)))
    compile_project()
    try:
        content = os.path.join(work, "content")
        posts = corpus.make(content, args.posts)
        with open(os.path.join(work, "stock.py"), "w", encoding="utf-8") as f:
            f.write(STOCK_SETTINGS)
        with open(os.path.join(work, "stock_pretty.py"), "w", encoding="utf-8") as f:
            f.write(STOCK_SETTINGS + PRETTY_URLS)
        results = []
        for where, out_root in places:
            print(f"Output {where}:", flush=True)
            results.append((where, *measure(content, posts, work, out_root, args.runs)))
        alone = typography_alone(posts, args.runs)
        for where, t, c in results:
            table(where, posts, args.runs, {**t, "typo_alone": alone}, c)
    finally:
        for _where, folder in places:
            shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
