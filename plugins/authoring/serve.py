"""`make serve`: serve the built site on localhost as the live server would,
with the site's own 404 page for missing addresses (Pelican's development
server drops such requests without an answer)."""

import argparse
import functools
import os
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


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
    args = parser.parse_args(argv)
    server = make_server(args.directory, args.port, args.bind)
    serve_until_stopped(server, f"http://localhost:{args.port}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
