"""Start a post from a template: `python -m klucz.commands.new post|training|appeal "Tytuł"`.

The file is created in the right folder, named from today's date and the title,
with its fields and a line of text to replace; an existing file is never overwritten.
"""

import argparse
import datetime as dt
import os
import sys
import uuid
from zoneinfo import ZoneInfo

from pelican.utils import slugify

from klucz.authoring.checks import SLUG_SUBS
from klucz.polish_dates import DateProblem, parse_moment

KINDS = {
    "post": ("aktualnosci", "wpis"),
    "training": ("szkolenia", "szkolenie"),
    "appeal": ("wesprzyj", "apel"),
}
# The make target of each kind, with an example title for the message.
TARGETS = {
    "post": ("newpost", "Relacja ze szkolenia"),
    "training": ("newtraining", "Spółdzielnia socjalna krok po kroku"),
    "appeal": ("newappeal", "Dodaj nam MOCy na święta"),
}

def body(kind, title, now, uid_domain, when=None):
    """The new file's text; `when` (a polish_dates.Moment): the training's
    start, or the post's planned publication."""
    date = (when.value if when is not None and kind != "training" else now).strftime("%Y-%m-%d %H:%M")
    header = [f"Title: {title}", f"Date: {date}", "Status: draft", "Tags: ", "Summary: "]
    if kind == "training":
        start = (now + dt.timedelta(days=30)).replace(hour=10, minute=0)
        if when is not None:
            start = when.value if when.has_time else when.value.replace(hour=10, minute=0)
        header += [
            f"Event-Start: {start:%Y-%m-%d %H:%M}",
            f"Event-End: {start.replace(hour=15):%Y-%m-%d %H:%M}",
            "Event-Location: Centrum KLUCZ, ul. Pomorska 40, 91-408 Łódź",
            "Event-Status: scheduled",
            f"Event-UID: {uuid.uuid4()}@{uid_domain}",
            "Event-Price: 0",
            "Event-Audience: ",
            "Event-Accessibility: sala na parterze, wejście bez progów; na życzenie tłumacz PJM lub pętla indukcyjna",
            "Event-Contact: ",
            "Registration-Email: szkolenia@instytutsprawobywatelskich.pl",
            f"Registration-Deadline: {(start - dt.timedelta(days=4)).replace(hour=23, minute=59):%Y-%m-%d %H:%M}",
            "Capacity: 20",
            "Registration-Status: open",
        ]
        text = "Napisz, czego dotyczy szkolenie i co uczestnicy z niego wyniosą.\n\n## Program\n\n1. …\n"
    elif kind == "appeal":
        header.append("Donation: dodaj-nam-mocy")
        text = "Napisz, na co zbieramy i dlaczego to ważne.\n"
    else:
        text = "Treść wpisu.\n"
    # No help in the file: it lives in the editor's form and in the guide
    # (docs/poradnik.md), so an edit of the text changes only what was edited.
    return "\n".join(line.rstrip() for line in header) + "\n\n" + text


def create(kind, title, content_dir, now=None, uid_domain="klucz.instytutsprawobywatelskich.pl", when=None):
    """Create the file and return its path; raise FileExistsError if it exists."""
    title = " ".join(title.split())
    if not title:
        target, example = TARGETS[kind]
        raise ValueError(f'podaj tytuł, np. make {target} TITLE="{example}"')
    when = parse_moment(when) if when else None  # DateProblem before any file is made
    now = now or dt.datetime.now(ZoneInfo("Europe/Warsaw"))
    folder, _ = KINDS[kind]
    slug = slugify(title, regex_subs=SLUG_SUBS)
    path = os.path.join(content_dir, folder, f"{now:%Y-%m-%d}-{slug}.md")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as f:  # "x": never overwrite
        f.write(body(kind, title, now, uid_domain, when))
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description="Nowy wpis z szablonu")
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("title", nargs="?", default="")
    parser.add_argument("--content", default="content")
    parser.add_argument("--when", default="", help="szkolenie: początek; wpis: data publikacji (np. 3.12.2026 10:00)")
    args = parser.parse_args(argv)
    try:
        path = create(args.kind, args.title, args.content, when=args.when.strip() or None)
    except FileExistsError as error:
        print(f"Plik {error.filename} już istnieje – nic nie zmieniono. Wybierz inny tytuł.", file=sys.stderr)
        return 1
    except DateProblem as error:
        print(f"WHEN: {error.message} -> {error.hint}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"Brak tytułu: {error}", file=sys.stderr)
        return 2
    print(f"Utworzono {path}")
    print("Otwórz go w edytorze, uzupełnij pola i treść, a potem sprawdź: make check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
