"""The trainings the site's build wrote (szkolenia/zapisy.json), read into
the service at its start and on every deploy."""

import datetime as dt
import json

from django.db import transaction

from .models import Signup, Training

FIELDS = ("title", "url", "start", "end", "all_day", "when", "location", "online_url", "capacity", "deadline",
          "status", "registration_status", "registration_email", "sequence")


class BadFile(Exception):
    pass


def _moment(value):
    return dt.datetime.fromisoformat(value) if value else None


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError as error:
        raise BadFile(f"{path}: nie ma tego pliku. Zbuduj najpierw stronę (make html), "
                      f"która go zapisuje.") from error
    except (OSError, ValueError) as error:
        raise BadFile(f"{path}: to nie jest plik szkoleń zapisany przez budowanie strony ({error}).") from error
    if not isinstance(data, dict) or not isinstance(data.get("trainings"), list):
        raise BadFile(f"{path}: brak listy „trainings” – to nie jest plik szkoleń zapisany przez budowanie strony.")
    return data


def load(path):
    """Add and update the trainings; one missing from the file is kept (its
    sign-ups too) but marked as gone from the site. Returns a report."""
    data = read(path)
    clause = data.get("clause", "")
    seen = set()
    report = {"added": 0, "updated": 0, "gone": 0, "problems": []}
    with transaction.atomic():
        for item in data["trainings"]:
            values = {name: item.get(name) for name in FIELDS}
            for name in ("start", "end", "deadline"):
                values[name] = _moment(values[name])
            for name in ("when", "location", "online_url", "registration_status", "registration_email"):
                values[name] = values[name] or ""
            values["status"] = values["status"] or "scheduled"
            values["all_day"] = bool(values["all_day"])
            values["sequence"] = int(values["sequence"] or 0)  # a file from before the field: 0
            values["clause"] = clause
            values["on_site"] = True
            training, created = Training.objects.update_or_create(uid=item["uid"], defaults=values)
            seen.add(training.uid)
            report["added" if created else "updated"] += 1
            confirmed = Signup.objects.filter(training=training, status=Signup.CONFIRMED).count()
            if training.capacity is not None and confirmed > training.capacity:
                report["problems"].append(
                    f"„{training.title}”: liczba miejsc ({training.capacity}) jest mniejsza niż liczba "
                    f"potwierdzonych osób ({confirmed}). Nikogo nie wypisaliśmy – zdecydujcie, kogo przenieść "
                    f"albo zwiększcie Capacity.")
            if training.status == "cancelled" and training.cancellation_sent is None and \
                    Signup.objects.filter(training=training, status__in=Signup.ACTIVE).exists():
                report["problems"].append(
                    f"„{training.title}” jest odwołane: powiadom zapisane osoby (w panelu: Szkolenia → "
                    f"zaznacz → „Wyślij e-mail o odwołaniu”).")
        gone = Training.objects.exclude(uid__in=seen).filter(on_site=True)
        report["gone"] = gone.update(on_site=False)
    return report


def describe(report):
    lines = [f"Szkolenia z pliku strony: {report['added']} nowe, {report['updated']} zaktualizowane"
             + (f", {report['gone']} zniknęły ze strony" if report["gone"] else "") + "."]
    lines += [f"Uwaga: {p}" for p in report["problems"]]
    return "\n".join(lines)
