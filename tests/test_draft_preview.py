"""A draft saved in the live editor (a cms/… branch), as the pipeline runs
`make draft` on it: checked and built as the live site, sent to the preview
folder, and its result given to the git host (GitLab or GitHub, here a small
HTTP server standing in for its API) as the commit's status the editor shows."""

import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest

from klucz_harness.servers import free_port
from klucz_harness.sitebuild import REAL_PAYMENT_DETAILS, ROOT, SAMPLE

NEW_POST = ("Title: Nowy punkt doradczy w Kutnie\nDate: 2026-11-27 10:00\nTags: doradztwo\n\n"
            "Od grudnia doradcy Centrum KLUCZ przyjmują także w Kutnie.\n")
BROKEN = ("Title: Szkolenie z błędem\nDate: 2026-11-27 10:00\nEvent-Start: 31.02.2027 10:00\n"
          "Event-End: 2027-03-01 12:00\nEvent-Location: Sala, ul. Pomorska 40, 91-408 Łódź\n"
          "Registration-Email: zapisy@example.org\n\nOpis.\n")


class GitHost:
    """Records every commit status posted to it."""

    def __init__(self):
        self.statuses = []
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                kind = self.headers.get("Content-Type", "")
                data = json.loads(body) if "json" in kind else dict(urllib.parse.parse_qsl(body))
                headers = {k.lower(): v for k, v in self.headers.items()}
                host.statuses.append({"path": self.path, "headers": headers, **data})
                self.send_response(201)
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", free_port()), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def stop(self):
        self.server.shutdown()


@pytest.fixture
def repo(tmp_path):
    """The site's content on main, and a draft's branch as the editor makes it."""
    folder = tmp_path / "repo"
    shutil.copytree(SAMPLE, folder / "content")
    settings = "\n".join([
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from publishconf import *  # noqa",
        f"THEME = {str(ROOT / 'theme')!r}",
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}",
        "EVENTS_PREVIOUS_RELEASE = None",
        *(f"{name} = {value!r}" for name, value in REAL_PAYMENT_DETAILS.items()),
    ])
    (folder / "conf.py").write_text(settings + "\n", encoding="utf-8")

    def git(*args):
        return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout.strip()

    git("init", "-q", "-b", "main")
    git("-c", "user.name=Zespół", "-c", "user.email=z@example.org", "add", ".")
    git("-c", "user.name=Zespół", "-c", "user.email=z@example.org", "commit", "-q", "-m", "Strona")
    return SimpleNamespace(path=folder, git=git)


def draft(repo, branch, files):
    repo.git("checkout", "-q", "-b", branch)
    for relative, text in files.items():
        (repo.path / "content" / relative).write_text(text, encoding="utf-8")
    repo.git("add", ".")
    repo.git("-c", "user.name=Edytor", "-c", "user.email=e@example.org", "commit", "-q", "-m", "Szkic")
    return repo.git("rev-parse", "HEAD")


def run_draft(repo, env):
    environ = {key: value for key, value in os.environ.items()
               if not key.startswith(("CI_", "GITHUB_", "DEPLOY_", "SITEURL"))}
    environ.update(env, DRAFT_BASE_BRANCH="main", BUILD_NOW="2026-11-28T12:00:00+01:00")
    return subprocess.run([sys.executable, "-m", "klucz.deploy.draft", "-s", "conf.py", "--content", "content"],
                          cwd=repo.path, env=environ, capture_output=True, text=True, timeout=600)


def test_a_good_draft_gets_its_preview_and_the_editor_its_link(repo, tmp_path):
    sha = draft(repo, "cms/aktualnosci/2026-11-27-nowy-punkt", {"aktualnosci/2026-11-27-nowy-punkt.md": NEW_POST})
    host = GitHost()
    previews = tmp_path / "podglad"
    port = free_port()
    try:
        result = run_draft(repo, {
            "CI_API_V4_URL": host.url + "/api/v4", "CI_PROJECT_ID": "7", "CI_COMMIT_SHA": sha,
            "CI_COMMIT_REF_NAME": "cms/aktualnosci/2026-11-27-nowy-punkt", "DRAFT_STATUS_TOKEN": "sekret",
            "CI_JOB_URL": "https://gitlab.example.org/klucz/-/jobs/42",
            "DEPLOY_PREVIEW_TARGET": str(previews) + "/{szkic}",
            "DEPLOY_PREVIEW_URL": f"http://127.0.0.1:{port}/{{szkic}}/current",
        })
    finally:
        host.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    name = "cms-aktualnosci-2026-11-27-nowy-punkt"
    preview = f"http://127.0.0.1:{port}/{name}/current"
    said = [(s["path"], s["state"], s["name"], s.get("target_url")) for s in host.statuses]
    assert said == [
        (f"/api/v4/projects/7/statuses/{sha}", "pending", "deploy/podglad-szkicu",
         "https://gitlab.example.org/klucz/-/jobs/42"),
        (f"/api/v4/projects/7/statuses/{sha}", "success", "deploy/podglad-szkicu",
         f"{preview}/aktualnosci/nowy-punkt-doradczy-w-kutnie/"),
    ]
    assert all(s["headers"]["private-token"] == "sekret" for s in host.statuses)
    # The preview, served as a web server would, is the live site with the draft in it, kept from search engines.
    handler = lambda *a, **k: SimpleHTTPRequestHandler(*a, directory=str(previews), **k)  # noqa: E731
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with urllib.request.urlopen(f"{preview}/aktualnosci/nowy-punkt-doradczy-w-kutnie/", timeout=10) as response:
            page = soup_text(response.read())
    finally:
        server.shutdown()
    assert page.find("h1").get_text(strip=True).replace("\u00a0", " ") == "Nowy punkt doradczy w Kutnie"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert page.find("link", rel="canonical")["href"].startswith(preview + "/")
    # The editor is told where to look for it.
    config = json.loads((previews / name / "current" / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["preview_context"] == "deploy/podglad-szkicu"


def soup_text(data):
    from bs4 import BeautifulSoup

    return BeautifulSoup(data.decode("utf-8"), "html.parser")


def test_a_draft_that_fails_the_check_says_why_and_sends_nothing(repo, tmp_path):
    sha = draft(repo, "cms/szkolenia/2026-11-27-z-bledem", {"szkolenia/2026-11-27-z-bledem.md": BROKEN})
    host = GitHost()
    previews = tmp_path / "podglad"
    try:
        result = run_draft(repo, {
            "GITHUB_API_URL": host.url, "GITHUB_REPOSITORY": "iso/klucz", "GITHUB_SHA": sha,
            "GITHUB_REF_NAME": "cms/szkolenia/2026-11-27-z-bledem", "GITHUB_TOKEN": "gh-sekret",
            "GITHUB_SERVER_URL": "https://github.com", "GITHUB_RUN_ID": "99",
            "DEPLOY_PREVIEW_TARGET": str(previews) + "/{szkic}",
            "DEPLOY_PREVIEW_URL": "https://podglad.example.org/{szkic}",
        })
    finally:
        host.stop()
    assert result.returncode == 1
    assert [s["state"] for s in host.statuses] == ["pending", "failure"]
    failed = host.statuses[-1]
    assert failed["path"] == f"/repos/iso/klucz/statuses/{sha}" and failed["context"] == "deploy/podglad-szkicu"
    assert failed["description"].startswith("szkolenia/2026-11-27-z-bledem.md:3: Event-Start:")
    assert failed["target_url"] == "https://github.com/iso/klucz/actions/runs/99"
    assert failed["headers"]["authorization"] == "Bearer gh-sekret"
    assert "BŁĄD: szkolenia/2026-11-27-z-bledem.md:3: Event-Start" in result.stdout
    assert not previews.exists()  # nothing sent


def test_without_a_preview_address_it_says_what_to_set(repo):
    result = run_draft(repo, {"CI_COMMIT_REF_NAME": "cms/x", "CI_COMMIT_SHA": "abc"})
    assert result.returncode == 2
    assert "DEPLOY_PREVIEW_TARGET i DEPLOY_PREVIEW_URL" in result.stderr and "Traceback" not in result.stderr


def test_the_pipelines_run_it_on_the_editors_branches():
    """Both hosts' pipelines: the draft job on cms/ branches only, publishing never."""
    gitlab = (ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert 'if: $CI_COMMIT_BRANCH =~ /^cms\\//' in gitlab and "make draft" in gitlab
    github = (ROOT / ".github" / "workflows" / "szkic.yml").read_text(encoding="utf-8")
    assert '"cms/**"' in github and "make draft" in github and "statuses: write" in github
    assert Path(ROOT / "README.md").read_text(encoding="utf-8").count("DEPLOY_PREVIEW_TARGET") >= 2
