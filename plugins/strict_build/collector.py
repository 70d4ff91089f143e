"""Collect error records during a build and fail at the end with all of them."""

import logging
import sys

from pelican import signals

from .files import forget_texts
from .problems import Problem, Reported, forget_reported, report
from .settings import check_and_complete, plugin_settings, where_set

logger = logging.getLogger(__name__)


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
        # A record logged while an exception is handled ("Could not process
        # FILE"): the exception says why.
        error = sys.exc_info()[1]
        if isinstance(error, Reported):
            return  # the reader has said what is wrong with the file
        message = record.getMessage()
        # Content problems come from our own code (strict_build.content), said
        # in full for staff; anything else (Pelican, a library) is listed as
        # it was logged, with its exception.
        if error is not None and str(error) not in message and record.name != "klucz.strict_build.content":
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
    forget_reported()
    root = logging.getLogger()
    if _collector not in root.handlers:
        root.addHandler(_collector)
    # `pelican -q` (or any quiet setting) raises the loggers' level above
    # ERROR: errors would then never be logged, never collected, and a broken
    # site would build "successfully". Errors are never silenced.
    for name in ("", "pelican"):
        chosen = logging.getLogger(name)
        if chosen.level > logging.ERROR:
            chosen.setLevel(logging.ERROR)
    generators = logging.getLogger("pelican.generators")
    if _not_reported_already not in generators.filters:
        generators.addFilter(_not_reported_already)


# This plugin's name in PLUGINS.
PLUGIN = __name__.rpartition(".")[0]


def check_plugin_order(pelican):
    """initialized: strict_build must come first to hear the other plugins'
    problems (Pelican registers them in PLUGINS order)."""
    loaded = pelican.settings.get("PLUGINS") or []
    if loaded and loaded[0] != PLUGIN:
        path, line = where_set("PLUGINS", loaded)
        report(Problem(path, "PLUGINS", f"{PLUGIN} nie jest pierwszą wtyczką na liście",
                       f"przenieś \"{PLUGIN}\" na początek PLUGINS, żeby zbierała problemy innych wtyczek", line=line))


def check_settings(pelican):
    """initialized: every plugin's declared settings checked (a wrong type, a
    mistyped name) and their defaults merged in, before any plugin runs."""
    from pelican.settings import DEFAULT_CONFIG

    declared = plugin_settings(getattr(pelican, "plugins", None) or [])
    problems = check_and_complete(pelican.settings, declared, set(DEFAULT_CONFIG))
    if problems:
        # The plugins cannot work with such values: stop before they run.
        lines = [str(p) for p in problems]
        logger.critical("Ustawienia strony są błędne, problemów: %d\n%s\nPopraw je i zbuduj stronę ponownie.",
                        len(lines), "\n".join(f"  {i}. {line}" for i, line in enumerate(lines, 1)))
        raise BuildFailed(lines)


def start_pelican(settings):
    """Pelican(settings), refusing to build without a plugin it could not load:
    Pelican only logs that, before any plugin can collect it, and builds
    without the plugin (a site without its checks or its trainings)."""
    from pelican import Pelican

    listed = settings.get("PLUGINS")  # as set (Pelican puts the loaded ones in its place)
    requested = [p for p in listed or [] if isinstance(p, str)]
    pelican = Pelican(settings)
    loaded = set(pelican.settings.get("PLUGINS") or [])
    missing = [name for name in requested if name not in loaded]
    if missing:
        path, line = where_set("PLUGINS", listed)
        missing = [str(Problem(path, "PLUGINS", f"wtyczka „{name}” się nie wczytała",
                               "sprawdź jej nazwę (klucz.<nazwa> dla wtyczek z folderu plugins/; szczegóły: DEBUG=1 "
                               "make html)", line=line)) for name in missing]
        for said in missing:
            logger.critical("%s", said)
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
    signals.initialized.connect(forget_texts)
    signals.initialized.connect(check_plugin_order)
    signals.initialized.connect(check_settings)
    signals.initialized.connect(fail_after_the_others)


def fail_after_the_others(pelican):
    """initialized: every plugin has registered its handlers by now, so the
    check connected here runs after all their `finalized` work (the search
    index, the server files), and a problem found there fails the build too."""
    signals.finalized.disconnect(fail_on_problems)
    signals.finalized.connect(fail_on_problems)
