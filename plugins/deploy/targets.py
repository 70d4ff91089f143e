"""Where the site goes: a folder, an SSH server, an FTP(S) server."""

import datetime as dt
import os
import shlex
import shutil
import subprocess
import tempfile
import urllib.parse
from dataclasses import dataclass, field

KEEP_RELEASES = 5


class DeployError(Exception):
    """What went wrong, in Polish, and what to do about it."""


def release_name():
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def parse_target(text, manifest):
    """DEPLOY_TARGET -> a target object; `manifest`: the name of the site's
    list of addresses (the serving plugin's addresses_file())."""
    text = (text or "").strip()
    if not text:
        raise DeployError("DEPLOY_TARGET: nie wiadomo, dokąd wysłać stronę -> ustaw DEPLOY_TARGET, np. "
                          "ssh://uzytkownik@serwer/srv/klucz albo ftp://uzytkownik@ftp.example.pl/public_html "
                          "(README: Publikacja)")
    parts = urllib.parse.urlsplit(text)
    if parts.scheme in ("ssh", "sftp"):
        if not parts.hostname or not parts.path:
            raise DeployError(f"DEPLOY_TARGET: „{text}” – podaj serwer i folder, np. ssh://klucz@serwer.pl/srv/klucz")
        return SshTarget(parts.username, parts.hostname, parts.port, parts.path, manifest=manifest)
    if parts.scheme in ("ftp", "ftps"):
        if not parts.hostname:
            raise DeployError(f"DEPLOY_TARGET: „{text}” – podaj serwer, np. ftp://uzytkownik@ftp.example.pl/public_html")
        password = urllib.parse.unquote(parts.password) if parts.password else os.environ.get("DEPLOY_FTP_PASSWORD")
        return FtpTarget(parts.scheme, urllib.parse.unquote(parts.username or "anonymous"), password,
                         parts.hostname, parts.port, parts.path or "/", manifest=manifest)
    if parts.scheme == "file":
        return LocalTarget(urllib.parse.unquote(parts.path), manifest=manifest)
    if parts.scheme:
        raise DeployError(f"DEPLOY_TARGET: nie znamy sposobu „{parts.scheme}://” -> użyj ssh://, ftp://, ftps:// "
                          "albo ścieżki folderu")
    return LocalTarget(text, manifest=manifest)


def _run(command, what, **kwargs):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=True, **kwargs)
    except FileNotFoundError:
        raise DeployError(
            f"brak programu {command[0]} -> zainstaluj go (Debian/Ubuntu: apt install {command[0]})"
        ) from None
    except subprocess.CalledProcessError as error:
        said = " / ".join((error.stderr or error.stdout or "").strip().splitlines()[-3:]) or f"kod {error.returncode}"
        hint = ""
        if "530" in said or "Permission denied" in said or "Authentication failed" in said:
            hint = " -> sprawdź użytkownika, hasło (DEPLOY_FTP_PASSWORD) albo klucz SSH (DEPLOY_SSH_KEY)"
        elif "Connection refused" in said or "timed out" in said or "Could not resolve" in said:
            hint = " -> sprawdź adres serwera w DEPLOY_TARGET i połączenie z internetem"
        raise DeployError(f"{what}: nie udało się ({said}){hint}") from None


@dataclass
class LocalTarget:
    """A folder on this machine: releases/<time>/ and a `current` symlink."""

    path: str
    manifest: str = field(kw_only=True)

    def describe(self):
        return f"folder {self.path}"

    def live_manifest(self):
        try:
            with open(os.path.join(self.path, "current", self.manifest), encoding="utf-8") as f:
                return f.read()
        except OSError:
            return None

    def upload(self, output):
        releases = os.path.join(self.path, "releases")
        os.makedirs(releases, exist_ok=True)
        name = release_name()
        staging = os.path.join(releases, f".{name}")
        shutil.copytree(output, staging, symlinks=True)
        os.replace(staging, os.path.join(releases, name))
        self._switch(name)
        self._prune()
        return name

    def _switch(self, name):
        link = os.path.join(self.path, "current")
        temporary = os.path.join(self.path, ".current.new")
        if os.path.lexists(temporary):
            os.remove(temporary)
        os.symlink(os.path.join("releases", name), temporary)
        os.replace(temporary, link)  # one step: visitors see the old or the new site

    def releases(self):
        folder = os.path.join(self.path, "releases")
        return sorted(n for n in os.listdir(folder) if not n.startswith(".")) if os.path.isdir(folder) else []

    def current(self):
        link = os.path.join(self.path, "current")
        return os.path.basename(os.readlink(link)) if os.path.islink(link) else None

    def _prune(self):
        for old in self.releases()[:-KEEP_RELEASES]:
            if old != self.current():
                shutil.rmtree(os.path.join(self.path, "releases", old), ignore_errors=True)

    def rollback(self):
        return _previous(self, self._switch)

    def run_after(self, command):
        """A command after the upload (the sign-up service reading the new trainings)."""
        return _run(["sh", "-c", command], "polecenie po publikacji (DEPLOY_AFTER)", cwd=self.path).stdout


def _previous(target, switch):
    names, current = target.releases(), target.current()
    if current not in names or names.index(current) == 0:
        raise DeployError("nie ma wcześniejszego wydania, do którego można wrócić")
    earlier = names[names.index(current) - 1]
    switch(earlier)
    return earlier


@dataclass
class SshTarget:
    """rsync over SSH into releases/<time>/, then the `current` symlink moved."""

    user: str | None
    host: str
    port: int | None
    path: str
    manifest: str = field(kw_only=True)

    def describe(self):
        return f"{self.user + '@' if self.user else ''}{self.host}:{self.path} (SSH)"

    def _ssh(self):
        command = ["ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20"]
        if self.port:
            command += ["-p", str(self.port)]
        if os.environ.get("DEPLOY_SSH_KEY"):
            command += ["-i", os.environ["DEPLOY_SSH_KEY"], "-o", "IdentitiesOnly=yes"]
        command += shlex.split(os.environ.get("DEPLOY_SSH_OPTIONS", ""))
        return command

    def _login(self):
        return f"{self.user}@{self.host}" if self.user else self.host

    def _remote(self, script, what):
        return _run(self._ssh() + [self._login(), script], what)

    def run_after(self, command):
        """A command on the server after the upload (the sign-up service reading the new trainings)."""
        script = f"cd {shlex.quote(self.path)} && {command}"
        return self._remote(script, "polecenie po publikacji (DEPLOY_AFTER)").stdout

    def live_manifest(self):
        result = self._remote(
            f"cat {shlex.quote(self.path + '/current/' + self.manifest)} 2>/dev/null || true",
            "odczyt listy adresów z serwera",
        )
        return result.stdout or None

    def releases(self):
        listing = self._remote(
            f"ls -1 {shlex.quote(self.path + '/releases')} 2>/dev/null || true", "odczyt wydań na serwerze"
        ).stdout
        return sorted(n for n in listing.split() if not n.startswith("."))

    def current(self):
        out = self._remote(f"readlink {shlex.quote(self.path + '/current')} || true", "odczyt bieżącego wydania").stdout
        return os.path.basename(out.strip()) or None

    def upload(self, output):
        name = release_name()
        base = shlex.quote(self.path)
        previous = self.current()
        self._remote(f"mkdir -p {base}/releases", "przygotowanie folderu na serwerze")
        command = ["rsync", "-a", "--delete", "-e", shlex.join(self._ssh())]
        if previous:  # unchanged files are hard links to the previous release: fast, small
            command.append(f"--link-dest={self.path}/releases/{previous}")
        command += [output.rstrip("/") + "/", f"{self._login()}:{self.path}/releases/.{name}/"]
        _run(command, "wysyłanie plików (rsync)")
        self._remote(f"mv {base}/releases/.{name} {base}/releases/{name}", "zapisanie wydania")
        self._switch(name)
        self._remote(
            f"cd {base}/releases && ls -1 | grep -v '^\\.' | sort | head -n -{KEEP_RELEASES} "
            f'| grep -vx "$(basename "$(readlink {base}/current)")" | xargs -r rm -rf',
            "usuwanie starych wydań",
        )
        return name

    def _switch(self, name):
        base = shlex.quote(self.path)
        self._remote(
            f"ln -sfn releases/{shlex.quote(name)} {base}/.current.new && mv -Tf {base}/.current.new {base}/current",
            "przełączenie strony na nowe wydanie",
        )

    def rollback(self):
        return _previous(self, self._switch)


@dataclass
class FtpTarget:
    """lftp mirror: what is new first, what is gone last (FTP has no atomic switch)."""

    scheme: str
    user: str
    password: str | None
    host: str
    port: int | None
    path: str
    manifest: str = field(kw_only=True)

    def describe(self):
        return f"{self.user}@{self.host}:{self.path} ({self.scheme.upper()})"

    def _lftp(self, commands, what):
        # (No cmd:fail-exit: lftp then hangs after a failed command. The
        # commands are joined with && instead, so the first failure ends it.)
        settings = ["set net:max-retries 2", "set net:timeout 30", "set net:reconnect-interval-base 2"]
        if self.scheme == "ftps":
            settings += ["set ftp:ssl-force true", "set ftp:ssl-protect-data true"]
            if os.environ.get("DEPLOY_FTP_VERIFY_CERT", "yes").lower() in ("no", "0", "false"):
                settings.append("set ssl:verify-certificate no")
        else:
            settings.append("set ftp:ssl-allow false")
        port = f" -p {self.port}" if self.port else ""
        script = settings + [
            " && ".join([f"open --env-password -u {_lftp_quote(self.user)}{port} {self.host}"] + commands)
        ]
        with tempfile.NamedTemporaryFile("w", suffix=".lftp", delete=False, encoding="utf-8") as f:
            f.write("\n".join(script) + "\n")
        try:
            env = dict(os.environ, LFTP_PASSWORD=self.password or "")
            return _run(["lftp", "-f", f.name], what, env=env)
        finally:
            os.remove(f.name)

    def live_manifest(self):
        try:
            result = self._lftp(
                [f"cat {_lftp_quote(self.path.rstrip('/') + '/' + self.manifest)}"], "odczyt listy adresów z serwera"
            )
        except DeployError as error:
            if "550" in str(error) or "No such file" in str(error) or "Access failed" in str(error):
                return None
            raise
        return result.stdout or None

    def upload(self, output):
        local, remote = _lftp_quote(output.rstrip("/") + "/"), _lftp_quote(self.path.rstrip("/") + "/")
        mirror = "mirror --reverse --no-perms --parallel=4"
        self._lftp(
            [
                f"mkdir -p -f {remote}",
                # 1. assets and media: pages that link to them come after them;
                f"{mirror} --exclude-glob *.html --exclude-glob {self.manifest} {local} {remote}",
                # 2. the pages and the list of addresses;
                f"{mirror} {local} {remote}",
                # 3. only now what is no longer part of the site.
                f"{mirror} --delete --only-missing {local} {remote}",
            ],
            "wysyłanie plików (lftp)",
        )
        return None

    def rollback(self):
        raise DeployError(
            "serwer FTP nie przechowuje poprzednich wydań -> wróć do wcześniejszej wersji plików w "
            "repozytorium i uruchom make deploy jeszcze raz"
        )


def _lftp_quote(text):
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
