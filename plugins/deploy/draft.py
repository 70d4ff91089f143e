"""klucz-draft (make draft): a draft from the live editor checked and shown
before anyone publishes it.

The editor's editorial workflow saves each draft on a branch of its own
(`cms/<collection>/<file>`); the pipeline runs this on every push to such a
branch. It builds the branch as the live site would be built, with drafts
shown and no search engine let in, sends the result where
DEPLOY_PREVIEW_TARGET points (a folder per draft: `{szkic}` in it is the
branch's name made safe), and tells the git host how it went as the commit's
status, which the editor shows beside the draft ("Podgląd" and its link):

- pending while it works;
- failed with the first problem in the build's words (file, field, what to
  do) when the check fails: nothing is sent, and the host's rule that
  pipelines must succeed keeps the draft from being published;
- success with the address of the draft's own page in the preview.

The git host is the one the pipeline runs on: GitLab (CI_API_V4_URL,
CI_PROJECT_ID, a token with the api scope in DRAFT_STATUS_TOKEN) or GitHub
(GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_TOKEN with statuses: write).
Without either it prints the status and goes on (a run on one's own computer).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

from pelican.settings import read_settings

from klucz.serving import addresses_file

from .targets import DeployError, parse_target

# The status's name. Decap shows a status whose context is its backend's
# preview_context (the cms plugin sets it to this) as the draft's preview.
CONTEXT = "deploy/podglad-szkicu"


def preview_context():
    """The commit status the editor reads as a draft's preview."""
    return CONTEXT


def draft_name(branch):
    """cms/posts/2026-12-05-nowy-wpis -> cms-posts-2026-12-05-nowy-wpis."""
    return re.sub(r"[^a-z0-9]+", "-", branch.lower()).strip("-")[:80] or "szkic"


class StatusReporter:
    """The commit status on the git host the pipeline runs on."""

    def __init__(self, sha, environ):
        self.sha = sha
        self.env = environ
        self.said = []

    def job_url(self):
        env = self.env
        if env.get("CI_JOB_URL"):
            return env["CI_JOB_URL"]
        if env.get("GITHUB_RUN_ID"):
            return f"{env.get('GITHUB_SERVER_URL', 'https://github.com')}/{env.get('GITHUB_REPOSITORY')}" \
                   f"/actions/runs/{env['GITHUB_RUN_ID']}"
        return None

    def report(self, state, description, target_url=None):
        """state: pending, success or failure."""
        description = description if len(description) <= 140 else description[:139] + "…"
        self.said.append((state, description, target_url))
        print(f"Status szkicu: {state}: {description}" + (f" ({target_url})" if target_url else ""))
        env = self.env
        if env.get("CI_API_V4_URL") and env.get("CI_PROJECT_ID"):
            gitlab_state = {"failure": "failed"}.get(state, state)
            url = f"{env['CI_API_V4_URL']}/projects/{env['CI_PROJECT_ID']}/statuses/{self.sha}"
            fields = {"state": gitlab_state, "name": CONTEXT, "description": description}
            if target_url:
                fields["target_url"] = target_url
            data = urllib.parse.urlencode(fields).encode()
            headers = {"PRIVATE-TOKEN": env.get("DRAFT_STATUS_TOKEN", "")}
        elif env.get("GITHUB_API_URL") and env.get("GITHUB_REPOSITORY"):
            url = f"{env['GITHUB_API_URL']}/repos/{env['GITHUB_REPOSITORY']}/statuses/{self.sha}"
            body = {"state": state, "context": CONTEXT, "description": description}
            if target_url:
                body["target_url"] = target_url
            data = json.dumps(body).encode()
            headers = {"Authorization": f"Bearer {env.get('GITHUB_TOKEN', '')}",
                       "Accept": "application/vnd.github+json", "Content-Type": "application/json"}
        else:
            return
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
        except (urllib.error.URLError, OSError) as error:
            raise DeployError(f"serwis git nie przyjął statusu szkicu ({error}) -> sprawdź token (GitLab: "
                              "DRAFT_STATUS_TOKEN z uprawnieniem api; GitHub: permissions: statuses: write)") from None


def changed_files(base, content):
    """The content files the draft's branch changes (against `base`)."""
    try:
        result = subprocess.run(["git", "diff", "--name-only", f"{base}...HEAD", "--", content],
                                capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return []
    root = content.rstrip("/") + "/"
    return [line[len(root):] for line in result.stdout.splitlines() if line.startswith(root)]


def page_of(output, manifest, changed):
    """The address of the first changed file's page in the build, else "/"."""
    try:
        with open(os.path.join(output, manifest), encoding="utf-8") as f:
            pages = json.load(f).get("pages", {})
    except (OSError, ValueError):
        return "/"
    by_source = {source: address for address, source in pages.items()}
    for source in changed:
        if source in by_source:
            return by_source[source]
    return "/"


def main(argv=None, environ=None):
    from klucz.commands.check import run  # the one build and check `make check` runs

    env = dict(os.environ if environ is None else environ)
    parser = argparse.ArgumentParser(description="Sprawdza szkic z edytora i publikuje jego podgląd.")
    parser.add_argument("-s", "--settings", default="publishconf.py")
    parser.add_argument("--content", default="content")
    parser.add_argument("--branch", default=env.get("CI_COMMIT_REF_NAME") or env.get("GITHUB_REF_NAME") or "")
    parser.add_argument("--sha", default=env.get("CI_COMMIT_SHA") or env.get("GITHUB_SHA") or "")
    parser.add_argument("--base", default=env.get("DRAFT_BASE_BRANCH") or "origin/main",
                        help="gałąź, z którą porównać szkic (zmienione pliki)")
    parser.add_argument("--target", default=env.get("DEPLOY_PREVIEW_TARGET"))
    parser.add_argument("--url", default=env.get("DEPLOY_PREVIEW_URL"))
    args = parser.parse_args(argv)
    status = StatusReporter(args.sha, env)
    try:
        if not args.target or not args.url or "{szkic}" not in args.target or "{szkic}" not in args.url:
            raise DeployError("DEPLOY_PREVIEW_TARGET i DEPLOY_PREVIEW_URL: nie wiadomo, gdzie wysłać podgląd szkicu "
                              "-> ustaw oba, z {szkic} w miejscu nazwy szkicu, np. ssh://klucz@serwer/srv/podglad/"
                              "{szkic} i https://podglad.example.pl/{szkic}/current (README: Podgląd szkicu)")
        name = draft_name(args.branch)
        address = args.url.format(szkic=name).rstrip("/")
        status.report("pending", "Sprawdzam szkic i buduję podgląd…", status.job_url())
        manifest = addresses_file(read_settings(args.settings))
        with tempfile.TemporaryDirectory(prefix="klucz-szkic-") as scratch:
            output = os.path.join(scratch, "output")
            overrides = {"SITEURL": address, "SITE_ORIGIN": address, "FEED_DOMAIN": address,
                         "AUTHORING_PREVIEW": True, "SEO_ALLOW_INDEXING": False}
            errors, warnings = run(args.settings, args.content, overrides, output)
            for problem in errors:
                print(f"BŁĄD: {problem}")
            for problem in warnings:
                print(f"UWAGA: {problem}")
            if errors:
                more = f" (i {len(errors) - 1} więcej)" if len(errors) > 1 else ""
                status.report("failure", f"{errors[0]}{more}", status.job_url())
                return 1
            target = parse_target(args.target.format(szkic=name), manifest)
            target.upload(output)
            page = page_of(output, manifest, changed_files(args.base, args.content))
        said = "Podgląd gotowy" + (f"; ostrzeżeń: {len(warnings)}" if warnings else "")
        status.report("success", said, address + page)
        return 0
    except DeployError as error:
        print(f"BŁĄD: {error}", file=sys.stderr)
        if status.said and status.said[-1][0] == "pending":
            try:
                status.report("failure", str(error), status.job_url())
            except DeployError:
                pass
        return 2


if __name__ == "__main__":
    sys.exit(main())
