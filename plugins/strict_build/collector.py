"""Collect error records during a build and fail at the end with all of them."""

import logging
import os
import re
import sys

from pelican import signals

from .fields import field_line, read_header_file
from .problems import Problem, Reported, report

logger = logging.getLogger(__name__)

_SKIPPING = re.compile(r"^Skipping (.+): could not find information about '(\w+)'$")
_FIELD_HINTS = {
    "title": ("Title", "brak tytułu", "dodaj na początku pliku wiersz Title: Tytuł wpisu"),
    "date": ("Date", "brak daty publikacji", "dodaj wiersz z datą publikacji, np. Date: 2026-11-28 10:00 albo Date: 28.11.2026 10:00"),
}
# Dates in .md files are read by the authoring reader; this is for any other reader.
DATE_HINT = "wpisz 2026-11-03 albo 3.11.2026 (z godziną: 2026-11-03 10:00 albo 3.11.2026 10:00)"


class BuildFailed(SystemExit):
    """Ends the build with exit code 1 once every problem has been reported."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(1)

    def __str__(self):
        return "\n".join(self.problems)


def _relative(path, content_root):
    if content_root and os.path.isabs(path):
        try:
            return os.path.relpath(path, content_root).replace(os.sep, "/")
        except ValueError:
            pass
    return path


def _is_blank(path):
    try:
        with open(path, "rb") as f:
            return not f.read().strip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False


def translate(record, error, content_root):
    """Pelican's own messages about a content file, as a Problem a person can act on."""
    message = record.getMessage()
    match = _SKIPPING.match(message)
    if match:
        path, prop = match.groups()
        shown = _relative(path, content_root)
        if _is_blank(path):
            return Problem(shown, "plik", "plik jest pusty",
                           "wpisz nagłówek (Title:, Date:) i treść albo usuń plik", line=1)
        field, what, hint = _FIELD_HINTS.get(prop, (prop, f"brak pola {prop}", f"dodaj wiersz {prop}: …"))
        return Problem(shown, field, what, hint, line=1)
    if record.msg == "Could not process %s" and record.args and error is not None:
        path = str(record.args[0])
        full = path if os.path.isabs(path) else os.path.join(content_root or "", path)
        shown = _relative(full, content_root)
        if isinstance(error, UnicodeDecodeError):
            return Problem(shown, "plik", "plik nie jest zapisany w kodowaniu UTF-8",
                           "otwórz go w edytorze i zapisz jako UTF-8 (Notatnik: Plik → Zapisz jako → Kodowanie: UTF-8)",
                           line=1)
        reason = str(error)
        bad_date = re.match(r"^'(.*)' is not a valid date$", reason)
        if bad_date:
            value = bad_date.group(1)
            field = _field_with_value(full, value) or "Date"
            return Problem(shown, field, f"„{value}” to nie jest poprawna data", DATE_HINT,
                           line=field_line(full, field))
        return Problem(shown, "plik", f"nie udało się odczytać pliku: {reason}", "popraw nagłówek pliku", line=1)
    return None


def _field_with_value(path, value):
    for item in read_header_file(path):
        if item.value == value:
            return item.name
    return None


class _ErrorCollector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.problems = []
        self.content_root = None

    def emit(self, record):
        if record.name == __name__:
            return
        # "Could not process FILE" is logged inside the except block that
        # caught the reader's error; its reason is only available here.
        error = sys.exc_info()[1]
        if isinstance(error, Reported):
            return  # the reader has said what is wrong with the file
        problem = translate(record, error, self.content_root)
        if problem is not None:
            # Say it in the staff's words too, not only Pelican's.
            logger.error("%s", problem)
            self.problems.append(str(problem))
            return
        message = record.getMessage()
        # Pelican's own messages name the error only in the exception; ours
        # (strict_build.content) are already said in full for staff.
        if error is not None and str(error) not in message and record.name != "strict_build.content":
            message = f"{message}: {error}"
        self.problems.append(message)


_collector = _ErrorCollector()


def _not_reported_already(record):
    """Pelican's "Could not process FILE" for a file whose reader has already
    said, in Polish, what is wrong with it: not shown a second time."""
    return not isinstance(sys.exc_info()[1], Reported)


def start_collecting(settings=None):
    """Reset the list at the start of each build (autoreload runs many)."""
    _collector.problems = []
    root = logging.getLogger()
    if _collector not in root.handlers:
        root.addHandler(_collector)
    generators = logging.getLogger("pelican.generators")
    if _not_reported_already not in generators.filters:
        generators.addFilter(_not_reported_already)


def remember_content_root(pelican):
    _collector.content_root = pelican.settings.get("PATH")


def check_plugin_order(pelican):
    """initialized: strict_build must come first to hear the other plugins'
    problems (Pelican registers them in PLUGINS order)."""
    loaded = pelican.settings.get("PLUGINS") or []
    if loaded and loaded[0] != "strict_build":
        report(Problem("pelicanconf.py", "PLUGINS", "strict_build nie jest pierwszą wtyczką na liście",
                       "przenieś \"strict_build\" na początek PLUGINS, żeby zbierała problemy innych wtyczek"))


def start_pelican(settings):
    """Pelican(settings), refusing to build without a plugin it could not load:
    Pelican only logs that, before any plugin can collect it, and builds
    without the plugin (a site without its checks or its trainings)."""
    from pelican import Pelican

    requested = [p for p in settings.get("PLUGINS") or [] if isinstance(p, str)]
    pelican = Pelican(settings)
    loaded = set(pelican.settings.get("PLUGINS") or [])
    missing = [str(Problem("pelicanconf.py", "PLUGINS", f"wtyczka „{name}” się nie wczytała",
                           "sprawdź jej nazwę i folder plugins/ (szczegóły: DEBUG=1 make html)"))
               for name in requested if name not in loaded]
    if missing:
        for line in missing:
            logger.critical("%s", line)
        raise BuildFailed(missing)
    return pelican


def fail_on_problems(pelican):
    """Report every problem together and stop with a non-zero exit code."""
    problems = list(_collector.problems)
    if not problems:
        return
    _collector.problems = []
    lines = [f"  {i}. {p}" for i, p in enumerate(problems, 1)]
    logger.critical(
        "Budowanie strony nie powiodło się, problemów: %d\n%s\n"
        "Popraw je i zbuduj stronę ponownie.",
        len(problems),
        "\n".join(lines),
    )
    raise BuildFailed(problems)


def register():
    # Pelican registers plugins in PLUGINS order before sending any signal, so
    # with strict_build listed first, problems other plugins report from
    # `initialized` on (e.g. settings checks) are all collected.
    start_collecting()
    signals.initialized.connect(remember_content_root)
    signals.initialized.connect(check_plugin_order)
    signals.finalized.connect(fail_on_problems)
