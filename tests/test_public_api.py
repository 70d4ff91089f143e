"""The plugins use Pelican, Markdown and Jinja through their public API only:
no name with a leading underscore of theirs is read, assigned or imported, no
class or method of theirs is replaced at import time, and no setting or output
path is swapped while a build runs. What the plugins call `_something` of their
own is theirs to use."""

import ast
import re
from pathlib import Path

from klucz_harness.sitebuild import ROOT

PLUGINS = ROOT / "plugins"
LIBRARIES = ("pelican", "markdown", "jinja2", "markupsafe")

# (file, private name): why it stays. The goal is an empty list.
ALLOWED = {
    ("typography/rules.py", "_content"): "content_object_init rewrites content._content, the idiom of "
                                         "Pelican's documentation and the kept pelican-plugins",
    ("typography/rules.py", "_summary"): "the same idiom for content._summary",
    ("authoring/checks.py", "_content"): "content_object_init (tidy_other_readers) tidies content._content of "
                                         "non-Markdown readers, the same idiom",
}


def sources():
    return sorted(p for p in PLUGINS.rglob("*.py") if "__pycache__" not in p.parts)


def own_private_names():
    """Names with a leading underscore that the plugins define themselves."""
    names = set()
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.name.startswith("_"):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id.startswith("_"):
                        names.add(target.id)
                    elif (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                          and target.value.id in ("self", "cls") and target.attr.startswith("_")):
                        names.add(target.attr)
    return names


# Public by the standard library's own convention (namedtuple's documented API).
STDLIB_PUBLIC = {"_replace", "_asdict", "_fields", "_make"}


def private(name):
    return (name.startswith("_") and not (name.startswith("__") and name.endswith("__"))
            and name not in STDLIB_PUBLIC)


def library_names(tree):
    """Names bound to something imported from Pelican, Markdown or Jinja."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in LIBRARIES:
            bound.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names if a.name.split(".")[0] in LIBRARIES)
    return bound


def test_no_private_name_of_pelican_markdown_or_jinja_is_used():
    ours = own_private_names()
    found = []
    for path in sources():
        relative = path.relative_to(PLUGINS).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in LIBRARIES:
                found += [(relative, a.name) for a in node.names if private(a.name)]
                found += [(relative, node.module)] if any(private(p) for p in node.module.split(".")) else []
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) >= 2
                  and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
                  and private(node.args[1].value) and node.args[1].value not in ours):
                found.append((relative, node.args[1].value))
            elif isinstance(node, ast.Attribute) and private(node.attr) and node.attr not in ours:
                if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                    found.append((relative, node.attr))
                elif node.attr not in ours:
                    found.append((relative, node.attr))
    unexplained = sorted({f for f in found if f not in ALLOWED})
    assert unexplained == [], "private names of Pelican/Markdown/Jinja used: " + repr(unexplained)
    unused = sorted(set(ALLOWED) - set(found))
    assert unused == [], f"allowed but no longer used, remove from ALLOWED: {unused}"


def test_nothing_of_theirs_is_replaced_and_no_setting_is_swapped_mid_build():
    problems = []
    for path in sources():
        relative = path.relative_to(PLUGINS).as_posix()
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        theirs = library_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, (ast.Assign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    # Content.get_content = …, markdown.Markdown.x = …
                    root = target
                    while isinstance(root, ast.Attribute):
                        root = root.value
                    if isinstance(target, ast.Attribute) and isinstance(root, ast.Name) and root.id in theirs:
                        problems.append((relative, ast.unparse(target)))
                    if isinstance(target, ast.Attribute) and target.attr == "output_path":
                        problems.append((relative, ast.unparse(target)))
        for match in re.finditer(r"settings\[\"(OUTPUT_PATH|CACHE_PATH|PATH)\"\]\s*=(?!=)", text):
            problems.append((relative, match.group(0)))
    assert problems == []


def test_no_fork_and_no_thread_in_the_build():
    used = []
    for path in sources():
        relative = path.relative_to(PLUGINS).as_posix()
        if relative in ("commands/preview.py", "commands/serve.py"):
            continue  # the preview server, not the build
        text = path.read_text(encoding="utf-8")
        for word in ("os.fork", "multiprocessing", "threading", "ProcessPoolExecutor", "ThreadPoolExecutor"):
            if word in text:
                used.append((relative, word))
    assert used == []


def test_the_render_cache_is_invisible_to_every_other_plugin():
    """No other plugin imports the render cache or reads its settings, nor
    does a command import it: what a build needs of the last good site comes
    from strict_build (`build_site`, `previous_output`). (A command may turn
    it off for a build, as the Makefile does: `make check` without an output
    folder has no page to reuse.)"""
    seen = []
    for path in sources():
        relative = path.relative_to(PLUGINS).as_posix()
        if relative.startswith("render_cache/") or relative == "structure.py":
            continue  # itself, and the list of plugins
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and "render_cache" in (node.module or ""):
                seen.append((relative, node.module))
            elif isinstance(node, ast.Import) and any("render_cache" in alias.name for alias in node.names):
                seen.append((relative, "import"))
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and "RENDER_CACHE_" in node.value
                  and not relative.startswith("commands/")):
                seen.append((relative, node.value))
    assert seen == []


def test_an_installed_plugin_of_the_same_name_cannot_take_the_place_of_ours(tmp_path):
    """Pelican's loader prefers a `pelican.plugins.<name>` package (PyPI's
    pelican-search, pelican-seo) to a plugin of the same short name: the
    site's plugins are `klucz.<name>`, so such a package changes nothing."""
    import json
    import subprocess
    import sys

    installed = tmp_path / "installed"
    (installed / "search").mkdir(parents=True)
    (installed / "search" / "__init__.py").write_text("def register():\n    pass\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    script = (
        "import json, sys, pelican.plugins\n"
        # What installing pelican-search does: a `search` in the namespace.
        f"pelican.plugins.__path__.append({str(installed)!r})\n"
        "from pelican import Pelican\n"
        "from pelican.settings import read_settings\n"
        f"override = {{'PATH': {str(tmp_path / 'content')!r}, 'OUTPUT_PATH': {str(tmp_path / 'out')!r}}}\n"
        "ours = read_settings('pelicanconf.py', override=override)\n"
        "short = read_settings('pelicanconf.py', override=dict(override, PLUGINS=['search']))\n"
        "print(json.dumps([[m.__name__, m.__file__] for m in Pelican(ours).plugins]))\n"
        "print(json.dumps([[m.__name__, m.__file__] for m in Pelican(short).plugins]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ours, short = (json.loads(line) for line in done.stdout.splitlines()[-2:])
    names = [name for name, _ in ours]
    assert "klucz.search" in names and "klucz.seo" in names
    assert all(name.startswith("klucz.") and Path(path).is_relative_to(PLUGINS) for name, path in ours)
    # The short name is what such a package would take over (this is why).
    assert short == [["pelican.plugins.search", str(installed / "search" / "__init__.py")]]
