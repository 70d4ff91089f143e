"""Real servers on 127.0.0.1 for the deploy and serving tests: OpenSSH (Debian's
openssh-server, a throw-away key), FTP (pyftpdlib) and nginx. Each starts for
its test and stops after it. Missing programs skip the test here and fail it
in CI, where .ci/run installs them."""

import getpass
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

import pytest


def which(program):
    """The program's path, also where root's tools live off a user's PATH; or None."""
    return shutil.which(program) or next(
        (p for p in (f"/usr/sbin/{program}", f"/usr/bin/{program}") if os.path.exists(p)), None)


def need(program, package):
    path = which(program)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is missing: .ci/run must install it (apt-get install {package})")
        pytest.skip(f"{program} not installed (apt-get install {package}); CI runs this test")
    return path


def read_event(stream, deadline):
    """The next `event:` name and its data line from a server-sent event
    stream (the preview's reload channel), read until `deadline`
    (time.monotonic())."""
    event = None
    while time.monotonic() < deadline:
        line = stream.readline().decode("utf-8").strip()
        if line.startswith("event: "):
            event = line[len("event: "):]
        elif line.startswith("data: ") and event:
            return event, line[len("data: "):]
    raise AssertionError("no event from the preview server")


def stop_process(process, timeout=10):
    """Ask a server process to stop (SIGTERM) and wait for it; killed if it
    has not stopped within `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, process=None, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read() if process.stderr else ''}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


class SshServer:
    def __init__(self, folder):
        sshd = need("sshd", "openssh-server")
        need("rsync", "rsync")
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.key = folder / "id_ed25519"
        for key in (self.key, folder / "host_ed25519"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
        authorized = folder / "authorized_keys"
        shutil.copy(f"{self.key}.pub", authorized)
        os.chmod(authorized, 0o600)
        self.port = free_port()
        self.user = getpass.getuser()
        config = folder / "sshd_config"
        config.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host_ed25519'}\n"
            f"AuthorizedKeysFile {authorized}\nPidFile {folder / 'sshd.pid'}\n"
            "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
            "PermitRootLogin prohibit-password\nLogLevel ERROR\n",
            encoding="utf-8",
        )
        if os.geteuid() == 0:
            os.makedirs("/run/sshd", exist_ok=True)  # privilege separation needs it
        self.process = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)],
                                        stderr=subprocess.PIPE, text=True)
        wait_for_port(self.port, self.process)
        self.env = {
            "DEPLOY_SSH_KEY": str(self.key),
            "DEPLOY_SSH_OPTIONS": "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR",
        }

    def target(self, path):
        return f"ssh://{self.user}@127.0.0.1:{self.port}{path}"

    def stop(self):
        stop_process(self.process)


class FtpServer:
    USER, PASSWORD = "klucz", "haslo-testowe"

    def __init__(self, home):
        from pyftpdlib.authorizers import DummyAuthorizer
        from pyftpdlib.handlers import FTPHandler
        from pyftpdlib.servers import FTPServer

        need("lftp", "lftp")
        home.mkdir(parents=True, exist_ok=True)
        self.home = home
        authorizer = DummyAuthorizer()
        authorizer.add_user(self.USER, self.PASSWORD, str(home), perm="elradfmwMT")
        handler = type("Handler", (FTPHandler,), {"authorizer": authorizer, "passive_ports": None})
        self.server = FTPServer(("127.0.0.1", 0), handler)
        self.port = self.server.socket.getsockname()[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"timeout": 0.2}, daemon=True)
        self.thread.start()
        self.env = {"DEPLOY_FTP_PASSWORD": self.PASSWORD}

    def target(self, path="/"):
        return f"ftp://{self.USER}@127.0.0.1:{self.port}{path}"

    def stop(self):
        self.server.close_all()


class Nginx:
    """nginx serving `root` with the site's generated _nginx.conf."""

    def __init__(self, folder, root, port=None):
        nginx = need("nginx", "nginx")
        folder.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        mime = "/etc/nginx/mime.types"
        config = folder / "nginx.conf"
        config.write_text(
            f"daemon off;\nmaster_process off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
            f"error_log {folder / 'error.log'} warn;\n"
            "events { worker_connections 64; }\n"
            "http {\n"
            f"  include {mime};\n  default_type application/octet-stream;\n"
            f"  access_log off;\n  client_body_temp_path {folder};\n  proxy_temp_path {folder};\n"
            f"  fastcgi_temp_path {folder};\n  uwsgi_temp_path {folder};\n  scgi_temp_path {folder};\n"
            f"  server {{\n    listen 127.0.0.1:{self.port};\n    server_name localhost;\n"
            f"    root {root};\n    include {root}/_nginx.conf;\n  }}\n"
            "}\n",
            encoding="utf-8",
        )
        self.process = subprocess.Popen([nginx, "-c", str(config), "-p", str(folder)],
                                        stderr=subprocess.PIPE, text=True)
        wait_for_port(self.port, self.process)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        stop_process(self.process)


class Mailbox:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 keeping every message."""

    def __init__(self):
        import email
        import email.policy

        from aiosmtpd.controller import Controller

        box = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                box.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
                return "250 OK"

        self.messages = []
        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def wait(self, count, timeout=15):
        """The first `count` messages, waiting for them to arrive."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} e-mails, got {len(self.messages)}: "
                                     f"{[m['Subject'] for m in self.messages]}")
            time.sleep(0.05)
        return self.messages[:count]

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]

    def stop(self):
        self.controller.stop()


class SignupService:
    """The sign-up service (`klucz-signups serve`) as a real process with its
    own data folder, e-mails to `mailbox`."""

    def __init__(self, folder, trainings, site_url, mailbox, port=None, **env):
        folder.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.env = {**os.environ, "SIGNUPS_DATA": str(folder), "SIGNUPS_SITE_URL": site_url,
                    "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(mailbox.port),
                    "SIGNUPS_FROM_EMAIL": "Centrum KLUCZ <szkolenia@example.org>",
                    **{k: str(v) for k, v in env.items()}}
        self.trainings = trainings
        self.log = open(folder / "service.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "signups.cli", "serve", "--port", str(self.port), "--trainings", str(trainings)],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        wait_for_port(self.port, self.process, timeout=60)
        self.url = f"http://127.0.0.1:{self.port}"

    def run(self, *args):
        """Another klucz-signups command on the same data (load, tick, manage …)."""
        return subprocess.run([sys.executable, "-m", "signups.cli", *args], env=self.env,
                              capture_output=True, text=True, timeout=120)

    def stop(self):
        stop_process(self.process)
        self.log.close()


class PostgreSQL:
    """A throw-away PostgreSQL cluster (Debian's package) on 127.0.0.1, run as
    the `postgres` user when the tests run as root; each `database()` is new."""

    def __init__(self):
        import glob
        import tempfile

        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            need("initdb", "postgresql")
        bin_dir = os.path.dirname(found[-1])
        self.folder = tempfile.mkdtemp(prefix="klucz-pg-")
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        data = os.path.join(self.folder, "data")
        subprocess.run([*self.as_user, f"{bin_dir}/initdb", "-D", data, "-U", "klucz", "--auth=trust",
                        "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
        self.port = free_port()
        self.process = subprocess.Popen(
            [*self.as_user, f"{bin_dir}/postgres", "-D", data, "-p", str(self.port), "-h", "127.0.0.1",
             "-k", self.folder, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=200"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wait_for_port(self.port, self.process, timeout=30)
        self.bin_dir = bin_dir
        self.count = 0

    def database(self):
        """A new empty database's DATABASE_URL."""
        self.count += 1
        name = f"zapisy{self.count}"
        subprocess.run([f"{self.bin_dir}/createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "klucz", name],
                       check=True, capture_output=True)
        return f"postgresql://klucz@127.0.0.1:{self.port}/{name}"

    def stop(self):
        stop_process(self.process, timeout=20)
        shutil.rmtree(self.folder, ignore_errors=True)
