"""Declared settings: each plugin names its settings once (name, default,
type, help), as it declares its header fields; one check at start-up.

A plugin keeps `SETTINGS = declare(Setting(...), ...)` beside its code and
reads a value with `SETTINGS.get(settings, NAME)` (`setting = SETTINGS.get`). At `initialized` the strict_build plugin:

- merges the declared defaults of every plugin in PLUGINS into the settings
  for the names the site does not set, once, before any plugin runs (as
  Pelican merges its own DEFAULT_CONFIG), so templates and plugins see one
  value and pelicanconf.py holds only what the centre changes;
- reports a setting of the wrong type (`EVENTS_HOME_COUNT = "3"`) and a name
  no plugin declares that looks like one that is (`EVENTS_HOME_CONUT`,
  `EVENT_HOME_COUNT`) as a Problem naming the setting meant.
"""

import ast
import difflib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# A name within this similarity of a declared one is taken for a typo of it.
CLOSE_ENOUGH = 0.85

# The type names said to the person who set the value.
_TYPE_NAMES = {
    bool: "true/false (True albo False)",
    int: "liczba całkowita",
    float: "liczba",
    str: "tekst w cudzysłowie",
    list: "lista [...]",
    tuple: "lista [...]",
    dict: "słownik {...}",
}


@dataclass(frozen=True)
class Setting:
    """One setting of a plugin: its name, default, help and type.

    `kind`: the type(s) a value must have; by default the default's type
    (a list and a tuple are taken for each other, an int for a float). A
    setting whose default is None must name its kind; None is then allowed."""

    name: str
    default: object
    help: str
    kind: type | tuple | None = None

    def kinds(self):
        kind = self.kind if self.kind is not None else type(self.default)
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if list in kinds or tuple in kinds:
            kinds = (*kinds, list, tuple)
        if float in kinds:
            kinds = (*kinds, int)
        return tuple(dict.fromkeys(kinds))

    def accepts(self, value):
        if value is None and (self.default is None or self.kind is type(None)):
            return True
        kinds = self.kinds()
        if isinstance(value, bool) and bool not in kinds:
            return False  # True is an int to Python, not to a person
        return isinstance(value, kinds)

    def expected(self):
        names = [_TYPE_NAMES.get(k, k.__name__) for k in self.kinds() if k is not type(None)]
        said = " albo ".join(dict.fromkeys(names))
        return f"{said} (albo None)" if self.default is None else said


class Declared:
    """A plugin's declared settings, in order; `get` reads one."""

    def __init__(self, settings):
        self.settings = {s.name: s for s in settings}
        if len(self.settings) != len(settings):
            raise ValueError("a setting is declared twice")
        for item in settings:
            if item.default is None and item.kind is None:
                raise ValueError(f"{item.name}: a setting whose default is None names its kind")

    def __iter__(self):
        return iter(self.settings.values())

    def get(self, settings, name):
        """The site's value, else the declared default (an undeclared name is
        the plugin's own mistake: KeyError)."""
        return settings.get(name, self.settings[name].default)


def declare(*settings):
    return Declared(settings)


def prefix(declared):
    """The prefix the plugin's settings share (`EVENTS_`), or ""."""
    names = [s.name for s in declared]
    if not names:
        return ""
    if len(names) == 1:
        return names[0].split("_", 1)[0] + "_" if "_" in names[0] else ""
    common = os.path.commonprefix(names)
    return common[: common.rfind("_") + 1]


def plugin_settings(plugins):
    """{plugin module: Declared} of the plugins that declare settings."""
    return {module: module.SETTINGS for module in plugins if isinstance(getattr(module, "SETTINGS", None), Declared)}


_MISSING = object()


def _same(set_value, value):
    """Whether a settings file's value is the build's (a copy of it)."""
    if set_value is value:
        return True
    try:
        return type(set_value) is type(value) and bool(set_value == value)
    except Exception:  # a value that cannot be compared is not the one
        return False


def where_set(name, value):
    """(file, line) of the settings file that set `name` to `value`: of the
    modules Pelican loaded a settings file as (publishconf.py, and
    pelicanconf.py that it imports), the one whose value it is and whose own
    text assigns it, the importing file first; else ("pelicanconf.py", None)."""
    found = []
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None) or ""
        if not path.endswith(".py") or not _same(getattr(module, name, _MISSING), value):
            continue
        try:
            tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            continue
        lines = [node.lineno for node in tree.body
                 if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign)
                 and any(isinstance(t, ast.Name) and t.id == name
                         for t in (node.targets if isinstance(node, ast.Assign) else [node.target]))]
        if lines:
            imported = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)} | {
                alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
            found.append((path, lines[-1], imported))
    if not found:
        return "pelicanconf.py", None
    # A file that imports another settings file and sets the name again wins.
    names = {Path(path).stem for path, _, _ in found}
    path, line, _ = max(found, key=lambda f: len(f[2] & names))
    shown = os.path.relpath(path)
    return (path if shown.startswith("..") else shown).replace(os.sep, "/"), line


def _setting_problem(name, value, message, hint):
    from .problems import Problem

    path, line = where_set(name, value)
    return Problem(path, name, message, hint, line=line)


def check_and_complete(settings, declared_by_plugin, known):
    """Problems with the site's settings, and the declared defaults merged in
    (in place) for the names it does not set. `known`: names that are not
    the plugins' (Pelican's own, the theme's)."""

    problems = []
    declared = {}
    prefixes = {}
    for module, settings_of in declared_by_plugin.items():
        for item in settings_of:
            declared[item.name] = item
        start = prefix(settings_of)
        if start:
            prefixes[start] = module.__name__
    for name, value in sorted(settings.items()):
        if not name.isupper():
            continue
        item = declared.get(name)
        if item is not None:
            if not item.accepts(value):
                problems.append(_setting_problem(
                    name, value, f"ma być {item.expected()}, a jest {value!r}",
                    f"wpisz wartość jak w README (Settings); domyślnie {item.default!r}"))
            continue
        if name in known:
            continue
        owner = next((m for p, m in prefixes.items() if name.startswith(p)), None)
        meant = difflib.get_close_matches(name, [*declared, *known], n=1, cutoff=CLOSE_ENOUGH)
        if meant and meant[0] in declared:
            problems.append(_setting_problem(
                name, value, "takiego ustawienia nie ma", f"chodziło o {meant[0]}? (README, Settings)"))
        elif owner is not None:
            problems.append(_setting_problem(
                name, value, f"wtyczka {owner} nie ma takiego ustawienia",
                "sprawdź nazwę w README (Settings) albo usuń ten wiersz"))
    for name, item in declared.items():
        if name not in settings:
            settings[name] = item.default
    return problems


def with_markdown_extension(settings, name, config):
    """Pelican's MARKDOWN setting with one more extension (`name`: its
    module, `config`: its options), as a new value for `initialized` to set.
    Never changed in place: the site's settings may share their values with
    every build of one process (pelicanconf.py imports them from
    klucz.structure)."""
    markdown = settings.get("MARKDOWN") or {}
    configs = {**(markdown.get("extension_configs") or {}), name: config}
    return {**markdown, "extension_configs": configs}
