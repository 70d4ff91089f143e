"""One way for every plugin to report a content problem a staff member can fix."""

import logging
import os
from dataclasses import dataclass

logger = logging.getLogger("klucz.strict_build.content")


@dataclass(frozen=True)
class Problem:
    """`path:line: Field: what is wrong -> how to fix it`."""

    path: str
    field: str
    message: str
    hint: str = ""
    line: int | None = None
    severity: str = "error"

    def as_dict(self):
        """The problem as data (JSON between processes), its line as printed too."""
        return {"path": self.path, "line": self.line, "field": self.field, "message": self.message,
                "hint": self.hint, "severity": self.severity, "text": str(self)}

    def __str__(self):
        if not self.path and not self.field:  # an error no plugin reported: its own line
            return f"{self.message} -> {self.hint}" if self.hint else self.message
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}"
        return f"{text} -> {self.hint}" if self.hint else text


_RELATIVE = {}  # (content folder, source path) -> relative path; relpath is slow


def relative_path(content, settings):
    """The file's path as staff know it: relative to the content folder."""
    source = getattr(content, "source_path", None) or ""
    base = settings.get("PATH") or ""
    key = (base, source)
    if key not in _RELATIVE:
        try:
            _RELATIVE[key] = os.path.relpath(source, base).replace(os.sep, "/") if source else ""
        except ValueError:
            _RELATIVE[key] = source
    return _RELATIVE[key]


# The Problems reported in this build, as data (the log has them as text).
_REPORTED = []


def reported():
    """Every Problem reported since the build started, in order: what the
    editor's problem list and `make check --json` give on, never the log's
    text parsed back."""
    return list(_REPORTED)


def forget_reported():
    _REPORTED.clear()


def report(problem):
    """Log a problem; errors make the build fail at the end (see collector)."""
    _REPORTED.append(problem)
    if problem.severity == "error":
        logger.error("%s", problem)
    else:
        logger.warning("%s", problem)


def reader_name(reader_class):
    """What a post's `reader` says when `reader_class` read it (Pelican names
    it after the class: StaffMarkdownReader -> "staffmarkdown"), so plugins
    compare classes, not names typed twice."""
    return reader_class.__name__.replace("Reader", "").lower()


class Reported(Exception):
    """Raised by a reader when it has reported what is wrong with a file: the
    file is left out of the build (which fails at the end) and nothing more is
    said about it."""


class PageFailed(Exception):
    """A page could not be rendered: which post (if any), which page, and the
    error underneath, for a one-line message instead of a traceback."""

    def __init__(self, source, address, template, error):
        super().__init__(f"{source or address}: {error.__class__.__name__}: {error}")
        self.source = source
        self.address = address
        self.template = template
        self.error = error

    def problem(self):
        address = str(self.address or "").replace(os.sep, "/")
        if address.endswith("index.html"):
            address = address[: -len("index.html")]
        where = f"strona /{address}" if self.address else "strona"
        template = f" (szablon {self.template})" if self.template else ""
        return Problem(
            path=self.source or "szablon",
            field="strona",
            message=f"{where} nie zbudowała się{template}: {self.error.__class__.__name__}: {self.error}",
            hint="to błąd szablonu lub wtyczki, nie tekstu: przekaż ten komunikat opiekunowi strony "
                 "(pełny opis błędu pokaże DEBUG=1 make html)",
        )


def unexpected(error):
    """One Polish line for an exception no plugin turned into a Problem."""
    if isinstance(error, PageFailed):
        return str(error.problem())
    return (f"budowanie przerwał nieoczekiwany błąd: {error.__class__.__name__}: {error} -> "
            "przekaż ten komunikat opiekunowi strony (pełny opis błędu pokaże DEBUG=1 make html)")
