"""`make check`: check all content in one run and list every problem as
`file:line: field: what is wrong -> how to fix`; exit 1 on any error.

It runs the real build (same plugins, same rules as `make html` and `make
publish`) into a temporary folder, so there is one source of truth.
"""

import argparse
import contextlib
import io
import json
import logging
import os
import sys
import tempfile

from klucz.strict_build import BuildFailed, Problem, empty_spare, reported, unexpected

from .build import build


def run(settings_file, content=None, overrides=None, output=None, cached=False):
    """Build (into `output`, else a temporary folder); return (errors,
    warnings): Problems, and for an error no plugin reported as one (Pelican's
    own, a template's) a Problem made from its line.

    With `cached` (the preview), what was read and written last time is reused
    as in `make html`; otherwise every file is read afresh, so warnings about a
    file show every time."""
    root = logging.getLogger()
    # Only this command prints; Pelican's own log lines would repeat the list
    # (one handler, however many builds the preview's builder runs).
    if not any(isinstance(handler, logging.NullHandler) for handler in root.handlers):
        root.addHandler(logging.NullHandler())
    root.setLevel(logging.WARNING)
    errors = []
    with tempfile.TemporaryDirectory(prefix="klucz-check-") as scratch:
        override = {"OUTPUT_PATH": output or scratch}
        if not cached:
            override.update(CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
        if not output:
            override["RENDER_CACHE_PAGES"] = False
        override.update(overrides or {})
        if content:
            override["PATH"] = os.path.abspath(content)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                # The preview's output: into <output>.new, swapped in on success.
                build(settings_file, override, staged=bool(output))
        except BuildFailed as failure:
            errors = [str(line) for line in failure.problems]
        except Exception as error:  # never a bare traceback for staff
            if os.environ.get("DEBUG", "").strip() not in ("", "0", "no", "false"):
                raise
            errors = [unexpected(error)]
    problems = reported()
    as_reported = {str(p): p for p in problems if p.severity == "error"}
    errors = [as_reported.get(line) or Problem("", "", line) for line in errors]
    warnings = [p for p in problems if p.severity != "error"]
    return errors, warnings


def as_json(errors, warnings):
    errors = sorted(errors, key=_by_place)
    warnings = sorted(warnings, key=_by_place)
    return json.dumps({"errors": [p.as_dict() for p in errors], "warnings": [p.as_dict() for p in warnings]},
                      ensure_ascii=False)


def serve_builds(args, overrides):
    """The preview's warm builder: Python, Pelican and the plugins are imported
    once, and each line "build" read on stdin builds the site again (Pelican's
    own autoreload builds in one process the same way), answering with one
    line of JSON. The preview starts a new one when a Python file changes."""
    for line in sys.stdin:
        if line.strip() != "build":
            continue
        errors, warnings = run(args.settings, args.content, overrides, args.output, cached=args.cached)
        print(as_json(errors, warnings), flush=True)
        if args.output:
            empty_spare(args.output)  # the next build's first step, done before it is asked for
    return 0


def _by_place(problem):
    """Sort by file, then line number."""
    return (problem.path, problem.line or 0, str(problem))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Sprawdza wszystkie wpisy i strony.")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--content", default=None, help="folder z treścią (domyślnie content/)")
    parser.add_argument("--output", default=None, help="zapisz zbudowaną stronę w tym folderze")
    parser.add_argument("--preview", action="store_true", help="pokaż szkice i wpisy zaplanowane")
    parser.add_argument("--cached", action="store_true",
                        help="korzystaj z tego, co odczytano i zbudowano poprzednio (podgląd)")
    parser.add_argument("--worker", action="store_true",
                        help="buduj na żądanie: wiersz \"build\" na wejściu, wiersz JSON na wyjściu (podgląd)")
    parser.add_argument("--json", action="store_true",
                        help="wypisz problemy jako JSON: {\"errors\": [...], \"warnings\": [...]} (dla podglądu)")
    args = parser.parse_args(argv)
    overrides = {}
    if args.preview:
        # The preview reuses a search index up to 10 minutes old (it says so).
        overrides = {"AUTHORING_PREVIEW": True, "DONATIONS_REFUSE_EXAMPLE_DATA": False, "SEARCH_INDEX_MAX_AGE": 600}
    # The build's own summary goes to the log; this command prints the list itself.
    logging.getLogger("klucz.strict_build.collector").disabled = True
    if args.worker:
        return serve_builds(args, overrides)
    errors, warnings = run(args.settings, args.content, overrides, args.output, cached=args.cached)
    errors.sort(key=_by_place)
    warnings.sort(key=_by_place)
    if args.json:
        print(as_json(errors, warnings))
        return 1 if errors else 0
    for problem in errors:
        print(f"BŁĄD: {problem}")
    for problem in warnings:
        print(f"UWAGA: {problem}")
    if errors:
        print(f"\nBłędów: {len(errors)}, ostrzeżeń: {len(warnings)}. Popraw błędy – do tego czasu strona się nie "
              "zbuduje.")
        return 1
    print(f"Wszystko w porządku. Ostrzeżeń: {len(warnings)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
