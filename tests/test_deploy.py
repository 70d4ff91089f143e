"""make deploy and make rollback, end to end against real servers on 127.0.0.1,
and the addresses that must never die silently."""

import http.client
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from klucz_harness import sitebuild
from klucz_harness.servers import FtpServer, Nginx, SshServer
from klucz_harness.sitebuild import LIVE_URL, ROOT, make_check, scenario, serve

PYTHON = sys.executable


def deploy(output, target, *extra, env=None):
    return subprocess.run(
        [PYTHON, "-m", "klucz.deploy", *extra, "-s", "publishconf.py", "--output", str(output), "--target", target],
        cwd=ROOT, capture_output=True, text=True,
        env=dict(os.environ, SITEURL=LIVE_URL, **(env or {})),
    )


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), dict(error.headers)


def first_answer(url):
    """(status, Location) of a GET, redirects not followed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path)
        response = connection.getresponse()
        return response.status, response.getheader("Location") or ""
    finally:
        connection.close()


def live_build(tmp_path, name, files):
    """A small site built with the live settings."""
    content = scenario(tmp_path, "clean", files)
    return sitebuild.live_build(tmp_path / name, content=content), content


POSTS = {
    "pages/404.md": (
        "Title: Nie znaleziono strony\nSlug: 404\nTemplate: 404\nSave_as: 404.html\nURL: 404.html\n"
        "Status: hidden\n\nStrony o tym adresie nie ma.\n"
    ),
    "aktualnosci/2026-11-10-targi.md": "Title: Targi Ekonomii Społecznej\nDate: 2026-11-10 10:00\n\n"
    "Relacja z targów.\n",
    "aktualnosci/2026-11-12-dyzur.md": "Title: Dyżur doradczy\nDate: 2026-11-12 10:00\n\nDyżur w Zgierzu.\n",
}


@pytest.fixture
def ssh(tmp_path):
    server = SshServer(tmp_path / "sshd")
    yield server
    server.stop()


@pytest.fixture
def ftp(tmp_path):
    server = FtpServer(tmp_path / "ftp-home")
    yield server
    server.stop()


def test_deploy_over_ssh_releases_symlink_and_rollback(tmp_path, live_site, ssh):
    remote = tmp_path / "serwer" / "klucz"
    target = ssh.target(str(remote))
    first = deploy(live_site, target, env=ssh.env)
    assert first.returncode == 0, first.stderr
    assert "Opublikowano stronę" in first.stdout
    current = remote / "current"
    assert current.is_symlink() and (current / "index.html").is_file()
    assert (current / "adresy.json").read_text(encoding="utf-8") == (live_site / "adresy.json").read_text(
        encoding="utf-8"
    )
    # Served from the result: a page read back through nginx.
    server = Nginx(tmp_path / "nginx", current)
    try:
        status, body, headers = fetch(server.url + "/o-nas/")
        assert status == 200 and "<h1" in body
    finally:
        server.stop()
    # Six more deploys: five releases kept, the live one among them.
    releases = [os.readlink(current)]
    for _ in range(6):
        again = deploy(live_site, target, env=ssh.env)
        assert again.returncode == 0, again.stderr
        releases.append(os.readlink(current))
    kept = sorted(os.listdir(remote / "releases"))
    assert len(kept) == 5 and os.path.basename(releases[-1]) == kept[-1]
    # Unchanged files are hard links to the previous release.
    a, b = (remote / "releases" / kept[-1] / "index.html"), (remote / "releases" / kept[-2] / "index.html")
    assert os.stat(a).st_ino == os.stat(b).st_ino
    back = subprocess.run(
        [PYTHON, "-m", "klucz.deploy", "rollback", "-s", "publishconf.py", "--target", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, SITEURL=LIVE_URL, **ssh.env),
    )
    assert back.returncode == 0, back.stderr
    assert os.path.basename(os.readlink(current)) == kept[-2]


def test_deploy_over_ftp_new_files_first_and_stale_ones_removed(tmp_path, live_site, ftp):
    stale = ftp.home / "stary-plik.html"
    stale.write_text("<p>dawna strona</p>", encoding="utf-8")
    result = deploy(live_site, ftp.target("/"), env=ftp.env)
    assert result.returncode == 0, result.stderr
    for name in ("index.html", "adresy.json", "_nginx.conf", ".htaccess", "szkolenia/kalendarz.ics"):
        assert (ftp.home / name).read_bytes() == (live_site / name).read_bytes(), name
    assert not stale.exists()
    url, server = serve(ftp.home)
    try:
        status, body, _ = fetch(url + "/kontakt/")
        assert status == 200 and "Kontakt" in body
    finally:
        server.shutdown()
    # A second deploy with the same site changes nothing and succeeds.
    assert deploy(live_site, ftp.target("/"), env=ftp.env).returncode == 0
    # FTP keeps no releases: rollback says what to do instead.
    back = subprocess.run(
        [PYTHON, "-m", "klucz.deploy", "rollback", "-s", "publishconf.py", "--target", ftp.target("/")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, **ftp.env),
    )
    assert back.returncode == 1 and "FTP nie przechowuje poprzednich wydań" in back.stderr


def test_deploy_to_a_folder(tmp_path, live_site):
    target = tmp_path / "www"
    result = deploy(live_site, str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "current" / "index.html").read_bytes() == (live_site / "index.html").read_bytes()


def test_after_the_upload_the_sign_up_service_reads_the_new_trainings(tmp_path, live_site):
    """DEPLOY_AFTER runs where the site went (here: a folder; over SSH: on the
    server): the service migrates its database and reads the trainings."""
    target = tmp_path / "www"
    command = f"{sys.executable} -m signups.cli load current/szkolenia/zapisy.json"
    data = tmp_path / "dane-zapisow"
    result = deploy(live_site, str(target), env={"DEPLOY_AFTER": command, "SIGNUPS_DATA": str(data)})
    assert result.returncode == 0, result.stderr
    trainings = json.loads((live_site / "szkolenia" / "zapisy.json").read_text(encoding="utf-8"))["trainings"]
    assert f"Zapisy: Szkolenia z pliku strony: {len(trainings)} nowe, 0 zaktualizowane." in result.stdout
    assert (data / "zapisy.sqlite3").exists()
    again = deploy(live_site, str(target), env={"DEPLOY_AFTER": command, "SIGNUPS_DATA": str(data)})
    assert f"0 nowe, {len(trainings)} zaktualizowane" in again.stdout
    broken = deploy(live_site, str(target), env={"DEPLOY_AFTER": "false-program-xyz", "SIGNUPS_DATA": str(data)})
    assert broken.returncode == 1 and "polecenie po publikacji (DEPLOY_AFTER): nie udało się" in broken.stderr


def test_a_development_build_or_no_build_is_not_uploaded(tmp_path, dev_site):
    target = tmp_path / "www"
    result = deploy(dev_site, str(target))
    assert result.returncode == 1
    assert "zbudowano dla adresu „wersja robocza”" in result.stderr and "make publish" in result.stderr
    missing = deploy(tmp_path / "nic", str(target))
    assert missing.returncode == 1 and "nie ma zbudowanej strony" in missing.stderr
    assert not target.exists()


def test_make_deploy_uploads_nothing_when_the_check_or_build_fails(tmp_path):
    content = scenario(
        tmp_path, "clean", {**POSTS, "aktualnosci/zla-data.md": "Title: Zła data\nDate: 11/03/2026\n\nTekst.\n"}
    )
    target = tmp_path / "www"
    result = subprocess.run(
        ["make", "-s", "deploy", f"INPUTDIR={content}", f"OUTPUTDIR={tmp_path / 'out'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=dict(os.environ, DEPLOY_TARGET=str(target), SITEURL=LIVE_URL),
    )
    assert result.returncode != 0
    assert "zla-data.md:2: Date" in result.stdout + result.stderr
    assert not target.exists()


def test_no_target_is_a_clear_error(tmp_path, live_site):
    result = subprocess.run(
        [PYTHON, "-m", "klucz.deploy", "-s", "publishconf.py", "--output", str(live_site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={k: v for k, v in dict(os.environ).items() if k != "DEPLOY_TARGET"},
    )
    assert result.returncode == 1
    assert "DEPLOY_TARGET: nie wiadomo, dokąd wysłać stronę" in result.stderr


# --- addresses that never die silently ---------------------------------------------


def _deployed(tmp_path, files, target):
    out, _content = live_build(tmp_path, "first", files)
    result = deploy(out, str(target))
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize(
    "change, fix, old_status",
    [
        # Title edited: the address moves; fixed with Aliases on the post.
        ("title", "alias", 301),
        # File renamed (and the title with it): fixed with Aliases in the renamed file.
        ("rename", "alias", 301),
        # Post deleted: fixed with a line in the file of removed addresses.
        ("delete", "removed", 410),
    ],
)
def test_a_lost_address_blocks_the_deploy_until_kept(tmp_path, change, fix, old_status):
    target = tmp_path / "www"
    _deployed(tmp_path, POSTS, target)
    files = dict(POSTS)
    if change == "title":
        files["aktualnosci/2026-11-10-targi.md"] = files["aktualnosci/2026-11-10-targi.md"].replace(
            "Title: Targi Ekonomii Społecznej", "Title: Targi Ekonomii Społecznej 2026"
        )
    elif change == "rename":
        text = files.pop("aktualnosci/2026-11-10-targi.md")
        files["aktualnosci/2026-11-10-targi-w-lodzi.md"] = text.replace(
            "Title: Targi Ekonomii Społecznej", "Title: Targi w Łodzi"
        )
    else:
        del files["aktualnosci/2026-11-10-targi.md"]
    changed, _ = live_build(tmp_path, "second", files)
    blocked = deploy(changed, str(target))
    assert blocked.returncode == 1
    old = "/aktualnosci/targi-ekonomii-spolecznej/"
    if change == "title":
        assert (
            f"BŁĄD: aktualnosci/2026-11-10-targi.md: adres {old} zniknie – wpis ma teraz adres "
            "/aktualnosci/targi-ekonomii-spolecznej-2026/ -> dodaj w jego nagłówku wiersz Aliases: "
            f"{old}"
        ) in blocked.stderr
    else:
        assert f"BŁĄD: {old}: wpis aktualnosci/2026-11-10-targi.md zniknie ze strony" in blocked.stderr
        assert f"Aliases: {old}" in blocked.stderr and "usuniete-adresy.txt" in blocked.stderr
    assert "Nic nie wysłano" in blocked.stderr
    # Fixed the way the message says.
    if fix == "alias":
        name = next(n for n in files if "targi" in n)
        head, body = files[name].split("\n\n", 1)
        files[name] = f"{head}\nAliases: {old}\n\n{body}"
    else:
        files["usuniete-adresy.txt"] = f"# adresy usunięte celowo\n{old}  wpis usunięty 2026-11-29\n"
    fixed, _ = live_build(tmp_path, "third", files)
    result = deploy(fixed, str(target))
    assert result.returncode == 0, result.stderr
    server = Nginx(tmp_path / "nginx", target / "current")
    try:
        status, body, headers = fetch(server.url + old)
        if old_status == 301:
            # urllib follows the redirect: the page at the new address answered.
            assert status == 200 and "Targi" in body
            code, location = first_answer(server.url + old)
            assert code == 301, (code, location)
            # nginx answers with a full address or a path (absolute_redirect): the same place.
            landed = urllib.parse.urljoin(server.url + old, location)
            assert landed.startswith(server.url + "/aktualnosci/targi-"), location
            # Hosts without redirect rules: a page at the old address leads on.
            page = (target / "current" / old.strip("/") / "index.html").read_text(encoding="utf-8")
            assert 'rel="canonical"' in page and 'http-equiv="refresh"' in page
        else:
            assert status == 410
            assert "Nie znaleziono strony" in body  # the site's own page, not nginx's
        # The other post still answers.
        assert fetch(server.url + "/aktualnosci/dyzur-doradczy/")[0] == 200
    finally:
        server.stop()


def test_check_warns_as_soon_as_an_edit_changes_a_live_address(tmp_path):
    live, _ = live_build(tmp_path, "live", POSTS)
    files = dict(POSTS)
    files["aktualnosci/2026-11-10-targi.md"] = files["aktualnosci/2026-11-10-targi.md"].replace(
        "Title: Targi Ekonomii Społecznej", "Title: Targi 2026"
    )
    content = scenario(tmp_path, "clean", files)
    result, _ = make_check(content)
    assert result.returncode == 0
    assert "adres" not in result.stdout  # no live list given: nothing said
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"SERVING_LIVE_ADDRESSES = {str(live / 'adresy.json')!r}\n",
        encoding="utf-8",
    )
    warned, _ = make_check(content, "-s", str(conf))
    assert warned.returncode == 0, warned.stdout
    assert (
        "UWAGA: aktualnosci/2026-11-10-targi.md:1: Title: adres /aktualnosci/targi-ekonomii-spolecznej/ "
        "zniknie – wpis ma teraz adres /aktualnosci/targi-2026/ -> dodaj w jego nagłówku wiersz Aliases: "
        "/aktualnosci/targi-ekonomii-spolecznej/"
    ) in warned.stdout


def test_aliases_mistakes_are_reported(tmp_path):
    files = dict(POSTS)
    files["aktualnosci/2026-11-12-dyzur.md"] = files["aktualnosci/2026-11-12-dyzur.md"].replace(
        "Date: 2026-11-12 10:00",
        "Date: 2026-11-12 10:00\nAliases: aktualnosci/bez-ukosnika/, /aktualnosci/targi-ekonomii-spolecznej/",
    )
    content = scenario(tmp_path, "clean", files)
    result, _ = make_check(content)
    assert result.returncode == 1
    assert (
        "BŁĄD: aktualnosci/2026-11-12-dyzur.md:3: Aliases: „aktualnosci/bez-ukosnika/” to nie jest adres na tej stronie"
    ) in result.stdout
    assert (
        "BŁĄD: aktualnosci/2026-11-12-dyzur.md:3: Aliases: pod adresem /aktualnosci/targi-ekonomii-spolecznej/ "
        "jest dziś strona z pliku aktualnosci/2026-11-10-targi.md"
    ) in result.stdout


def test_the_manifest_names_the_source_of_every_page(live_site):
    data = json.loads((live_site / "adresy.json").read_text(encoding="utf-8"))
    assert data["site"] == LIVE_URL
    assert data["pages"]["/o-nas/"] == "pages/o-nas.md"
    assert all(source.endswith(".md") for source in data["pages"].values())
    for address in data["pages"]:
        # An address ending in / is a folder's index.html, any other a file (404.html).
        path = live_site / (address.strip("/") + "/index.html" if address.endswith("/") else address.lstrip("/"))
        assert path.is_file(), address
