"""`make cms`: the web editor on this computer, saving straight into this
checkout, beside the live preview that rebuilds after every save.

Starts decap-server (the editor's local proxy, from editor/node_modules) on
127.0.0.1, then the live preview (commands.preview) with drafts; stops the
proxy when the preview stops. Opening http://localhost:8000/admin/ shows the
editor; http://localhost:8000/ the site as it will look."""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

from . import preview

HERE = os.path.dirname(os.path.abspath(__file__))
PROXY = os.path.join(os.path.dirname(os.path.dirname(HERE)), "editor", "node_modules", "decap-server",
                     "dist", "index.js")


def wait_for_port(port, process, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def start_proxy(port, repo):
    node = shutil.which("node")
    if node is None or not os.path.isfile(PROXY):
        raise SystemExit("make cms potrzebuje Node.js z npm (pakiet decap-server instaluje make cms); "
                         "zainstaluj Node.js i spróbuj ponownie.")
    env = dict(os.environ, PORT=str(port), BIND_HOST="127.0.0.1", MODE="fs", GIT_REPO_DIRECTORY=repo,
               LOG_LEVEL=os.environ.get("LOG_LEVEL", "warn"))
    process = subprocess.Popen([node, PROXY], env=env)
    if not wait_for_port(port, process):
        process.terminate()
        raise SystemExit(f"Pośrednik edytora (decap-server) nie wystartował na porcie {port}: "
                         f"może ten port jest zajęty? Spróbuj make cms CMS_PORT=8082.")
    return process


def main(argv=None):
    parser = preview.site_options(argparse.ArgumentParser(description="Edytor w przeglądarce na tym komputerze"))
    parser.add_argument("--proxy-port", type=int, default=8081)
    args = parser.parse_args(argv)
    repo = os.path.dirname(os.path.abspath(args.content))
    # Stopped by a service manager or a test (SIGTERM): leave through the
    # `finally` below, so the proxy does not outlive the editor.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    proxy = start_proxy(args.proxy_port, repo)
    # The build writes the proxy's address into the editor's configuration.
    os.environ["CMS_LOCAL_BACKEND"] = f"http://localhost:{args.proxy_port}/api/v1"
    print(f"Edytor: http://localhost:{args.port}/admin/  (zapisuje do {os.path.abspath(args.content)})", flush=True)
    try:
        return preview.main(["-s", args.settings, "--content", args.content, "--output", args.output,
                             "--port", str(args.port)])
    finally:
        proxy.terminate()
        try:
            proxy.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proxy.kill()


if __name__ == "__main__":
    sys.exit(main())
