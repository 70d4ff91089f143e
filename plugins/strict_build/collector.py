"""Collect error records during a build and fail at the end with all of them."""

import logging
import sys

from pelican import signals

logger = logging.getLogger(__name__)

# Known Pelican reader messages, rephrased so a staff member can act on them.
_HINTS = (
    (
        "is not a valid date",
        "pole Date (albo Modified) ma datę, której nie da się odczytać; "
        "wpisz ją jako RRRR-MM-DD albo RRRR-MM-DD GG:MM, np. 2027-01-14 10:00",
    ),
)


class BuildFailed(SystemExit):
    """Ends the build with exit code 1 once every problem has been reported."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(1)

    def __str__(self):
        return "\n".join(self.problems)


class _ErrorCollector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.problems = []

    def emit(self, record):
        if record.name == __name__:
            return
        message = record.getMessage()
        # "Could not process FILE" is logged inside the except block that
        # caught the reader's error; its reason is only available here.
        error = sys.exc_info()[1]
        if error is not None and str(error) not in message:
            reason = str(error)
            for needle, hint in _HINTS:
                if needle in reason:
                    reason = f"{reason} -> {hint}"
            message = f"{message}: {reason}"
        self.problems.append(message)


_collector = _ErrorCollector()


def start_collecting():
    """Reset the list at the start of each build (autoreload runs many)."""
    _collector.problems = []
    root = logging.getLogger()
    if _collector not in root.handlers:
        root.addHandler(_collector)


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
    signals.finalized.connect(fail_on_problems)
