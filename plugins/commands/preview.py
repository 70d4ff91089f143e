"""`make devserver`: the preview for staff. Builds the site with drafts and
scheduled posts shown (and marked), serves it on http://localhost:8000, rebuilds
when a file is saved and refreshes the open browser page. When a build fails,
the last good preview stays and the browser shows the list of problems.

Only the preview server adds its small reload script to pages; the built site
never contains it.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time

from .serve import SiteHandler, make_server, serve_until_stopped

RELOAD_JS = """(function () {
  var box;
  function fill(element, title, lines) {
    element.innerHTML = "";
    var h = document.createElement("strong");
    h.textContent = title;
    element.appendChild(h);
    var ul = document.createElement("ul");
    lines.forEach(function (p) { var li = document.createElement("li"); li.textContent = p; ul.appendChild(li); });
    element.appendChild(ul);
  }
  function panel(role, css) {
    var element = document.createElement("div");
    element.setAttribute("role", role);
    element.style.cssText = "position:fixed;left:0;right:0;overflow:auto;font:16px/1.5 system-ui,sans-serif;" + css;
    document.body.appendChild(element);
    return element;
  }
  function show(problems) {
    box = box || panel("alert", "bottom:0;max-height:50vh;background:#7a2000;color:#fff;padding:1rem;z-index:9999");
    fill(box, "Strona nie zbudowała się. Podgląd pokazuje ostatnią dobrą wersję. Popraw:", problems);
  }
  function warn(lines) {
    if (!lines.length) { return; }
    var note = panel("status", "top:0;max-height:40vh;background:#fff4d6;color:#3d2a00;" +
      "border-bottom:3px dashed #5c4000;padding:0.75rem 1rem;z-index:9998");
    fill(note, "Podgląd: uwagi do sprawdzenia przed publikacją", lines);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Zamknij";
    close.addEventListener("click", function () { note.remove(); });
    note.appendChild(close);
  }
  var source = new EventSource("/__podglad/zdarzenia");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("problems", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("warnings", function (e) { warn(JSON.parse(e.data)); });
})();
""".encode()
SCRIPT_TAG = b'<script src="/__podglad/odswiez.js"></script>'


class Preview:
    def __init__(self, settings_file, content, output, watch, drafts=True):
        self.drafts = drafts
        self.settings_file = settings_file
        self.content = content
        self.output = output
        self.watch = watch
        self.clients = []
        self.lock = threading.Lock()
        self.watching = threading.Event()
        self.problems = []
        self.warnings = []
        self.worker = None

    def start_worker(self):
        """The warm builder (`make check --worker`): imports once, builds on
        request. Its stderr is the preview's (DEBUG=1 tracebacks show there)."""
        command = [
            sys.executable, "-m", "klucz.commands.check", *(["--preview"] if self.drafts else []), "--cached",
            "--worker", "-s", self.settings_file, "--content", self.content, "--output", self.output,
        ]
        self.worker = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def stop_worker(self):
        if self.worker is not None:
            self.worker.stdin.close()
            try:
                self.worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.worker.kill()
                self.worker.wait()
            self.worker = None

    def build(self, code_changed=False):
        """Build into the preview folder. The site is written to a folder
        beside it and replaces it only when the build succeeded (strict_build.build_site),
        so when a build fails the last good preview stays. A changed Python
        file (a plugin, the settings) gets a new builder, so it counts."""
        if code_changed or (self.worker is not None and self.worker.poll() is not None):
            self.stop_worker()
        if self.worker is None:
            self.start_worker()
        started = time.monotonic()
        try:
            self.worker.stdin.write("build\n")
            self.worker.stdin.flush()
            answer = self.worker.stdout.readline()
        except (BrokenPipeError, OSError):
            answer = ""
        took = time.monotonic() - started
        try:
            found = json.loads(answer)
        except ValueError:  # the builder itself broke: it said why on stderr
            self.stop_worker()
            found = {"errors": [{"text": "podgląd: budowanie przerwał błąd programu (opis powyżej w terminalu) -> "
                                         "przekaż go opiekunowi strony"}], "warnings": []}
        if not found["errors"]:
            self.problems = []
            print(f"Zbudowano {'podgląd' if self.drafts else 'stronę'} w {took:.1f} s.", flush=True)
            # Warnings that need a decision before publishing (an edit that
            # takes away a live address): in the terminal and on the page.
            # That the payment details are examples is known while the sample
            # stands: said by `make check`, not on every page of the preview.
            self.warnings = [w["text"] for w in found["warnings"] if w.get("field") != "DONATIONS_EXAMPLE_DATA"]
            for line in self.warnings:
                print(f"  UWAGA: {line}", flush=True)
            self.send("reload", "{}")
            return True
        self.problems = [e["text"] for e in found["errors"]]
        print("Strona nie zbudowała się:", flush=True)
        for line in self.problems:
            print(f"  {line}", flush=True)
        self.send("problems", json.dumps(self.problems, ensure_ascii=False))
        return False

    def send(self, event, data):
        with self.lock:
            for client in list(self.clients):
                client.put((event, data))

    def watch_forever(self):
        from watchfiles import watch

        # watchfiles yields an empty set once it watches and nothing changed
        # (yield_on_timeout): then `watching` is set, and the server says
        # where it serves only after that, so no save is missed.
        for changes in watch(*self.watch, debounce=300, step=20, yield_on_timeout=True, rust_timeout=500):
            self.watching.set()
            if changes:
                print("Zmiana w plikach – buduję od nowa…", flush=True)
                self.build(code_changed=any(path.endswith(".py") for _change, path in changes))


def handler_for(preview):
    class Handler(SiteHandler):
        quiet = True

        def decorate(self, html):
            return html.replace(b"</body>", SCRIPT_TAG + b"</body>", 1)

        def do_GET(self):
            if self.path == "/__podglad/odswiez.js":
                return self._send(200, "application/javascript", RELOAD_JS)
            if self.path == "/__podglad/zdarzenia":
                return self._events()
            if self.path == "/__podglad/problemy.json":
                # For the web editor (make cms): the latest build's errors.
                body = json.dumps({"errors": preview.problems, "warnings": preview.warnings}, ensure_ascii=False)
                return self._send(200, "application/json; charset=utf-8", body.encode())
            path = self.translate_path(self.path)
            if os.path.isdir(path) and self.path.endswith("/"):
                path = os.path.join(path, "index.html")
            # The web editor (/admin/) is not reloaded after a build: it would
            # lose what the staff member is typing.
            if path.endswith(".html") and os.path.isfile(path) and not self.path.startswith("/admin/"):
                with open(path, "rb") as f:
                    return self._send(200, "text/html; charset=utf-8", self.decorate(f.read()))
            return super().do_GET()

        def _send(self, status, kind, body):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self):
            # Registered before the answer starts: a save right after the page
            # connects reaches it.
            inbox = queue.Queue()
            with preview.lock:
                preview.clients.append(inbox)
            if preview.problems:
                inbox.put(("problems", json.dumps(preview.problems, ensure_ascii=False)))
            elif preview.warnings:
                inbox.put(("warnings", json.dumps(preview.warnings, ensure_ascii=False)))
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                while True:
                    try:
                        event, data = inbox.get(timeout=15)
                        self.wfile.write(f"event: {event}\ndata: {data}\n\n".encode())
                    except queue.Empty:
                        self.wfile.write(b": ping\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                with preview.lock:
                    preview.clients.remove(inbox)

    return Handler


def site_options(parser):
    """The options the preview and the editor (klucz-cms, which runs it) share."""
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default=".podglad")
    parser.add_argument("--port", type=int, default=8000)
    return parser


def main(argv=None):
    parser = site_options(argparse.ArgumentParser(description="Podgląd strony na żywo"))
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--once", action="store_true", help="zbuduj i zakończ (do testów)")
    parser.add_argument("--no-serve", action="store_true",
                        help="tylko przebudowuj po zmianach (make regenerate), bez serwera i szkiców")
    args = parser.parse_args(argv)
    plugins = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the klucz package
    watch = [p for p in (args.content, "theme", plugins, args.settings) if os.path.exists(p)]
    preview = Preview(args.settings, args.content, os.path.abspath(args.output), watch,
                      drafts=not args.no_serve)
    try:
        ok = preview.build()
        if args.once:
            return 0 if ok else 1
        if args.no_serve:
            print("Przebudowuję po każdej zmianie plików (zatrzymanie: Ctrl+C).", flush=True)
            try:
                preview.watch_forever()
            except KeyboardInterrupt:
                print("\nZatrzymano.")
            return 0
        os.makedirs(preview.output, exist_ok=True)
        server = make_server(preview.output, args.port, args.bind, handler=handler_for(preview))
        threading.Thread(target=preview.watch_forever, daemon=True).start()
        preview.watching.wait()
        serve_until_stopped(server, f"http://localhost:{args.port}/", "Podgląd")
        return 0
    finally:
        preview.stop_worker()


if __name__ == "__main__":
    sys.exit(main())
