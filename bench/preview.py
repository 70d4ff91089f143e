"""Save to preview: from a post written to disk to the preview serving the
changed page (what a staff member waits for after "Zapisz" in the editor).

    python bench/preview.py [--posts 0] [--saves 7]

--posts 0 measures the sample site (tests/data/sample); N > 0 a generated
corpus of N posts. Starts the preview (`make devserver`) on a free port,
edits one post `--saves` times, and prints the median and the worst time from
the write to the changed page being served.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import corpus  # noqa: E402

from klucz_harness.servers import free_port, read_event, stop_process  # noqa: E402

SAMPLE = os.path.join(ROOT, "tests", "data", "sample", "content")
NOW = "2026-11-28T12:00:00+01:00"


def measure(content, post, saves):
    port = free_port()
    output = tempfile.mkdtemp(prefix="klucz-preview-bench-")
    process = subprocess.Popen(
        [sys.executable, "-m", "klucz.commands.preview", "--content", content, "--output", output,
         "--port", str(port)],
        cwd=ROOT, env=dict(os.environ, BUILD_NOW=NOW), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        started = time.monotonic()
        for line in process.stdout:
            if line.startswith("Podgląd: "):
                break
        else:
            raise SystemExit("the preview did not start")
        first = time.monotonic() - started
        # Keep reading what the preview prints (a long list of warnings at every
        # rebuild would fill the pipe and stop it).
        threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        # The post's address, from the list of addresses the build writes.
        pages = json.loads(urllib.request.urlopen(base + "/adresy.json").read())["pages"]
        source = os.path.relpath(post, content).replace(os.sep, "/")
        address = next(a for a, s in pages.items() if s == source)
        stream = urllib.request.urlopen(base + "/__podglad/zdarzenia", timeout=60)
        original = open(post, encoding="utf-8").read()
        times = []
        for number in range(saves):
            marker = f"Zmiana-numer-{number}-podglad"
            began = time.monotonic()
            with open(post, "w", encoding="utf-8") as f:
                f.write(original.rstrip("\n") + f"\n\n{marker}\n")
            while True:
                event, _ = read_event(stream, began + 60)
                if event == "reload":
                    break
                if event == "problems":
                    raise SystemExit("the edited post did not build")
            page = urllib.request.urlopen(base + address).read().decode("utf-8")
            times.append(time.monotonic() - began)
            if marker not in page:
                raise SystemExit("the preview reloaded without the change")
            time.sleep(0.4)  # a person reads before saving again
        with open(post, "w", encoding="utf-8") as f:
            f.write(original)
        return first, times
    finally:
        stop_process(process, timeout=20)
        shutil.rmtree(output, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=0, help="0: the sample site; N: a generated corpus")
    parser.add_argument("--saves", type=int, default=7)
    args = parser.parse_args(argv)
    work = tempfile.mkdtemp(prefix="klucz-preview-bench-")
    try:
        content = os.path.join(work, "content")
        if args.posts:
            posts = corpus.make(content, args.posts)
            post = [p for p in posts if "/aktualnosci/" in p][-1]
            what = f"{len(posts)} generated posts"
        else:
            shutil.copytree(SAMPLE, content)
            post = os.path.join(content, "aktualnosci", "2016-06-20-ruszylo-doradztwo.md")
            what = "the sample site"
        first, times = measure(content, post, args.saves)
        print(f"Save to preview, {what}: first build {first:.2f} s; after a save: median "
              f"{statistics.median(times):.2f} s, worst {max(times):.2f} s ({len(times)} saves)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
