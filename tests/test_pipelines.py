"""The GitHub Actions workflow and the GitLab CI file: they publish on every
push to main, by hand and daily at 05:00 Warsaw time, through the Makefile."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import yaml

from klucz_harness.sitebuild import ROOT

WORKFLOW = ROOT / ".github/workflows/publikacja.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


def make_targets(commands):
    return re.findall(r"\bmake ([a-z-]+)", "\n".join(commands))


def test_github_workflow_runs_on_push_by_hand_and_daily_at_five_in_warsaw():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as True
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    crons = [entry["cron"] for entry in triggers["schedule"]]
    steps = workflow["jobs"]["publikacja"]["steps"]
    guard = steps[0]["run"]
    # For every day of the year, exactly one of the crons is kept by the guard,
    # and it runs at 05:00 in Warsaw.
    warsaw = ZoneInfo("Europe/Warsaw")
    for day in range(0, 366, 3):
        date = dt.date(2027, 1, 1) + dt.timedelta(days=day)
        kept = []
        for cron in crons:
            minute, hour = (int(x) for x in cron.split()[:2])
            moment = dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=dt.UTC)
            offset = moment.astimezone(warsaw).strftime("%z")
            if f'schedule/"{cron}"/{offset}' in guard:
                kept.append(moment.astimezone(warsaw).hour)
        assert kept == [5], (date, kept)
    commands = [step.get("run", "") for step in steps]
    assert make_targets(commands) == ["check", "deploy"]
    secrets = set(re.findall(r"secrets\.([A-Z_]+)", WORKFLOW.read_text(encoding="utf-8")))
    assert secrets == {"DEPLOY_TARGET", "DEPLOY_FTP_PASSWORD", "DEPLOY_SSH_PRIVATE_KEY", "DEPLOY_SSH_KNOWN_HOSTS"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for secret in secrets:
        assert secret in readme, secret


def test_gitlab_pipeline_checks_then_publishes_on_main_by_hand_and_on_schedule():
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert pipeline["stages"] == ["check", "publish"]
    check, publish = pipeline["sprawdzenie"], pipeline["publikacja"]
    assert make_targets(check["script"]) == ["check"]
    assert make_targets(publish["script"]) == ["deploy"]
    for job in (check, publish):
        conditions = " ".join(rule["if"] for rule in job["rules"])
        assert '"schedule"' in conditions and '"web"' in conditions and '$CI_COMMIT_BRANCH == "main"' in conditions
    assert publish["resource_group"]  # two deploys never at once
    text = GITLAB.read_text(encoding="utf-8")
    assert '"0 5 * * *"' in text and "Europe/Warsaw" in text


def test_both_call_only_targets_the_makefile_has():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    for text in (WORKFLOW.read_text(encoding="utf-8"), GITLAB.read_text(encoding="utf-8")):
        for target in make_targets([text]):
            assert target in targets, target
