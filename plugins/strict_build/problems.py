"""One way for every plugin to report a content problem a staff member can fix."""

import logging
import os
from dataclasses import dataclass

logger = logging.getLogger("strict_build.content")


@dataclass(frozen=True)
class Problem:
    """`path:line: Field: what is wrong -> how to fix it`."""

    path: str
    field: str
    message: str
    hint: str = ""
    line: int | None = None
    severity: str = "error"

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}"
        return f"{text} -> {self.hint}" if self.hint else text


def field_line(source_path, field):
    """The line number of `Field:` in a content file's header, or None."""
    if not source_path or not os.path.isfile(source_path):
        return None
    wanted = field.lower() + ":"
    try:
        with open(source_path, encoding="utf-8-sig", errors="replace") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    return None
                if line.lower().lstrip().startswith(wanted):
                    return number
    except OSError:
        return None
    return None


def relative_path(content, settings):
    """The file's path as staff know it: relative to the content folder."""
    known = getattr(content, "relative_source_path", None)
    if known:
        return known.replace(os.sep, "/")
    source = getattr(content, "source_path", None) or ""
    base = settings.get("PATH") or ""
    try:
        return os.path.relpath(source, base).replace(os.sep, "/")
    except ValueError:
        return source


def report(problem):
    """Log a problem; errors make the build fail at the end (see collector)."""
    if problem.severity == "error":
        logger.error("%s", problem)
    else:
        logger.warning("%s", problem)
