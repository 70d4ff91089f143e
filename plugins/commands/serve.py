"""`make serve`: serve the built site on localhost as the live server would,
with the site's own 404 page for missing addresses (Pelican's development
server drops such requests without an answer)."""

import argparse
import atexit
import functools
import http.client
import os
import signal
import subprocess
import sys
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files; a missing address gets 404.html with status 404."""

    not_found = "404.html"
    quiet = False

    def log_message(self, *args):
        if not self.quiet:
            super().log_message(*args)

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, self.not_found or "")
        if code == 404 and self.not_found and os.path.isfile(page):
            with open(page, "rb") as f:
                body = self.decorate(f.read())
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def decorate(self, html):
        """Hook for the preview, which adds its reload script to pages."""
        return html


UNAVAILABLE = ("<!DOCTYPE html><html lang=\"pl\"><meta charset=\"utf-8\"><title>Zapisy chwilowo niedostępne</title>"
               "<h1>Zapisy chwilowo niedostępne</h1><p>Serwis zapisów nie odpowiada. Wróć na stronę szkolenia "
               "i zapisz się e-mailem albo spróbuj za kilka minut.</p></html>")
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization",
              "proxy-authenticate", "host"}


class ProxyingHandler(SiteHandler):
    """The site, and one folder passed on to a service (the sign-up service
    at /zapisy/), as the live nginx does: same address, so the forms post
    to the site itself."""

    proxy_prefix = None
    proxy_upstream = None

    def _proxied(self):
        return self.proxy_prefix and self.path.startswith(self.proxy_prefix)

    def _forward(self):
        target = urlsplit(self.proxy_upstream)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        headers["Host"] = self.headers.get("Host", "")
        headers["X-Forwarded-For"] = self.client_address[0]
        headers["X-Forwarded-Proto"] = "http"
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        try:
            connection.request(self.command, self.path, body=body, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
        except OSError:  # as nginx answers (the serving plugin's _nginx.conf)
            json_asked = self.path.split("?")[0].endswith("/stan.json")
            data = b'{"state": "unavailable"}' if json_asked else UNAVAILABLE.encode()
            self.send_response(200 if json_asked else 503)
            self.send_header("Content-Type", "application/json" if json_asked else "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        finally:
            connection.close()
        self.send_response(answer.status, answer.reason)
        for name, value in answer.getheaders():
            if name.lower() not in HOP_BY_HOP | {"content-length", "server", "date"}:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self):
        if self._proxied():
            return self._forward()
        return super().do_GET()

    def do_HEAD(self):
        if self._proxied():
            return self._forward()
        return super().do_HEAD()

    def do_POST(self):
        if self._proxied():
            return self._forward()
        self.send_error(405)


def start_signups(port, site_url, trainings):
    """The sign-up service beside the site (`make serve`), stopped with it."""
    env = {**os.environ, "SIGNUPS_SITE_URL": os.environ.get("SIGNUPS_SITE_URL", site_url)}
    process = subprocess.Popen([sys.executable, "-m", "signups.cli", "serve", "--port", str(port),
                                "--trainings", trainings], env=env)
    atexit.register(process.terminate)
    # Stopped by a signal too (not only Ctrl+C): the service stops with the site.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/zapisy/zdrowie")
            return process
        except OSError:
            time.sleep(0.2)
    print("Serwis zapisów nie wystartował: strona działa, zapisy tylko e-mailem.", file=sys.stderr)
    return process


def make_server(directory, port=0, bind="127.0.0.1", handler=SiteHandler, **attrs):
    """A threaded server for `directory`; port 0 picks a free one."""
    handler_class = type("Handler", (handler,), attrs)
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer((bind, port), functools.partial(handler_class, directory=str(directory)))
    server.daemon_threads = True
    return server


def serve_until_stopped(server, url, what="Strona"):
    """Serve until Ctrl+C, telling the person where to look."""
    print(f"{what}: {url}  (zatrzymanie: Ctrl+C)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nZatrzymano.")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Serwuje zbudowaną stronę")
    parser.add_argument("directory", nargs="?", default="output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--signups", type=int, metavar="PORT",
                        help="uruchom obok serwis zapisów na tym porcie i przekazuj mu --signups-url")
    parser.add_argument("--signups-url", default="/zapisy/", help="adres serwisu zapisów na stronie")
    args = parser.parse_args(argv)
    if args.signups:
        start_signups(args.signups, f"http://localhost:{args.port}",
                      os.path.join(args.directory, "szkolenia", "zapisy.json"))
        server = make_server(args.directory, args.port, args.bind, ProxyingHandler,
                             proxy_prefix=args.signups_url, proxy_upstream=f"http://127.0.0.1:{args.signups}")
    else:
        server = make_server(args.directory, args.port, args.bind)
    serve_until_stopped(server, f"http://localhost:{args.port}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
