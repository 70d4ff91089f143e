"""The calendar's change numbers (SEQUENCE), worked out by the build: a
training whose date, time, place or status changed since the last release
gets the next number, so participants' calendars take the change; nobody
raises `Event-Sequence` by hand (a number written there is a floor).

Each build writes EVENTS_RELEASES_FILE (szkolenia/wersje.json):
    {"version": 1, "trainings": {"<uid>": {"sequence": 2, "what": "<digest>"}}}
and reads the last release's from EVENTS_PREVIOUS_RELEASE: the live site's
address for a live build (publishconf.py), or a build's folder or file."""

import hashlib
import json
import os
import urllib.error
import urllib.request

from klucz.strict_build import Problem, report

from .settings import setting


def what_changes(t):
    """The digest of what a calendar must be told about: date and time,
    place, online or not, status."""
    facts = [t.start_at.isoformat(), t.end_at.isoformat(), t.all_day, t.location or "", bool(t.online_url), t.status]
    return hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def previous_release(settings):
    """{uid: {"sequence", "what"}} of the last release ({} before the first
    one), or None when it could not be read (a warning says so)."""
    where = setting(settings, "EVENTS_PREVIOUS_RELEASE")
    if not where:
        return {}
    if str(where).startswith(("http://", "https://")) or os.path.isdir(where):
        # A site's address or a build's folder: its file of change numbers.
        where = str(where).rstrip("/") + "/" + setting(settings, "EVENTS_RELEASES_FILE").lstrip("/")
    try:
        if str(where).startswith(("http://", "https://")):
            with urllib.request.urlopen(str(where), timeout=10) as response:
                data = json.load(response)
        elif os.path.isfile(where):
            with open(where, encoding="utf-8") as f:
                data = json.load(f)
        else:
            return {}  # no release yet
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return {}  # the live site has no such file yet: its first release
        data = None
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict):
        report(Problem("(ustawienia)", "EVENTS_PREVIOUS_RELEASE",
                       f"nie udało się odczytać numerów zmian szkoleń z {where}",
                       "sprawdź adres; do tego czasu kalendarze dostaną numery z pól Event-Sequence",
                       severity="warning"))
        return None
    return data.get("trainings") or {}


def sequence(t, previous):
    """The training's SEQUENCE in this release."""
    floor = t.sequence or 0
    if previous is None:
        return floor
    last = previous.get(t.uid)
    if last is None:
        return floor
    number = int(last.get("sequence") or 0)
    if last.get("what") != what_changes(t):
        number += 1
    return max(number, floor)


def release(trainings):
    """The file's content for this build's trainings (articles with .training)."""
    data = {t.uid: {"sequence": t.sequence, "what": what_changes(t)}
            for t in (a.training for a in trainings)}
    return {"version": 1, "trainings": dict(sorted(data.items()))}
