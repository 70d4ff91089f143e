"""What a page is made from, as a digest.

A page of this site is made from: the theme and the plugins' code, the settings,
what every post and page says about itself except its text (title, date, URL,
tags, summary, a training's dates and sign-up state: lists, navigation and
"previous/next" show these), today's date (sign-ups, the 1,5% season, the
current month), and, for a post's own page, its text. The site signature covers
all of it but the texts; a page whose signature and own text are the ones it
was written from last time is the same page.
"""

import datetime as dt
import hashlib
import os
import re
import sys

from pelican.contents import Content, Static
from pelican.urlwrappers import URLWrapper

# Context entries that change on every build without changing any page: the
# moment of the build (what depends on it is covered: sign-up states, the
# lists of upcoming trainings, scheduled posts, today's date) and the folder
# the build is written to.
VOLATILE = frozenset({"BUILD_NOW", "trainings_now", "OUTPUT_PATH", "PREVIOUS_OUTPUT_PATH"})
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


_SCALARS = (str, int, float, bool, type(None))


def _scalar(value):
    """bytes for a str/number/None, else None."""
    if isinstance(value, str):  # Markup too
        return b"s" + value.encode("utf-8", "surrogatepass") + b"\x00"
    return repr(value).encode() + b"\x00"


# id() of the site's shared lists (all posts, all dates...) -> their name in
# the context; they are in the site signature, so a page names them only.
SHARED = {}


def _feed(digest, value, depth=0, seen=None):
    """Write a stable description of value into digest."""
    update = digest.update
    if isinstance(value, _SCALARS):
        update(_scalar(value))
    elif id(value) in SHARED and isinstance(value, (list, tuple, dict)):
        update(b"shared:" + SHARED[id(value)])
    elif isinstance(value, bytes):
        update(b"b" + value + b"\x00")
    elif isinstance(value, (dt.datetime, dt.date, dt.time)):
        update(f"t{value.isoformat()}{getattr(value, 'tzinfo', '')}".encode())
    elif isinstance(value, Static):
        update(b"static")
        update(_scalar(value.source_path))
        update(_scalar(value.url))
        try:
            stat = os.stat(value.source_path)
            update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
        except OSError:
            update(b"missing")
    elif isinstance(value, Content):
        # Its own attributes go into the site signature once (content_state).
        update(b"content" + _scalar(value.source_path))
    elif isinstance(value, URLWrapper):
        update(f"w{type(value).__name__}".encode() + _scalar(value.name) + _scalar(value.slug))
    elif depth > 8:
        update(type(value).__name__.encode())
    else:
        seen = seen if seen is not None else set()
        if id(value) in seen:
            update(b"cycle")
            return
        seen.add(id(value))
        if isinstance(value, dict):
            update(b"{")
            try:
                keys = sorted(value)
            except TypeError:
                keys = sorted(value, key=repr)
            for key in keys:
                item = value[key]
                if isinstance(key, str) and isinstance(item, _SCALARS):
                    update(_scalar(key) + _scalar(item))  # the common case, inline
                else:
                    _feed(digest, key, depth + 1, seen)
                    _feed(digest, item, depth + 1, seen)
            update(b"}")
        elif isinstance(value, (list, tuple)):
            update(b"[")
            for item in value:
                if isinstance(item, _SCALARS):
                    update(_scalar(item))
                elif isinstance(item, Content) and not isinstance(item, Static):
                    update(b"content" + _scalar(item.source_path))  # lists of posts
                else:
                    _feed(digest, item, depth + 1, seen)
            update(b"]")
        elif isinstance(value, (set, frozenset)):
            update(b"(")
            for item in sorted(value, key=repr):
                _feed(digest, item, depth + 1, seen)
            update(b")")
        elif callable(value) and hasattr(value, "__qualname__"):
            update(f"f{getattr(value, '__module__', '')}.{value.__qualname__}".encode())
        elif hasattr(value, "__dict__"):
            update(f"o{type(value).__module__}.{type(value).__qualname__}".encode())
            _feed(digest, vars(value), depth + 1, seen)
        else:
            update(_ADDRESS.sub("", repr(value)).encode())
        seen.discard(id(value))


def digest_of(*values):
    digest = hashlib.blake2b(digest_size=16)
    for value in values:
        _feed(digest, value)
    return digest.hexdigest()


TEXTS = {}  # id(post) -> (post, digest of its text), for one build


def text_digest(content):
    """The digest of a post's own text (its HTML, as pages show it)."""
    known = TEXTS.get(id(content))
    if known is None or known[0] is not content:
        text = content.content or ""
        known = TEXTS[id(content)] = (content, hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                                                 digest_size=16).hexdigest())
    return known[1]


def content_state(content, summaries, previous_summaries):
    """Everything a post says about itself but its text, as a digest.

    A summary Pelican makes from the text (no Summary: field) is shown on list
    pages, so it belongs here; it is taken again only when the text changed."""
    # Public attributes only: Pelican's own (title, url, date, tags…) and the
    # plugins' (training, signup, donation boxes…).
    attributes = {k: v for k, v in vars(content).items() if not k.startswith("_") and k != "settings"}
    if "summary" not in content.metadata:
        text = text_digest(content)
        known = previous_summaries.get(content.source_path)
        if known and known[0] == text:
            summary = known[1]
        else:
            summary = digest_of(str(content.summary or ""))
        summaries[content.source_path] = (text, summary)
        attributes["(summary)"] = summary
    return digest_of(attributes)


def _project_modules(roots):
    """Python files imported from outside the installed packages (the
    settings, helper modules they import, the plugins): their code shapes
    pages too."""
    # Python's own and the installed packages' files (their versions count instead).
    outside = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.__file__)}
                    | {p for p in sys.path if "site-packages" in p or "dist-packages" in p})
    found = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if not path or not path.endswith(".py") or path.startswith(outside):
            continue
        found.add(os.path.realpath(path))
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            found.update(os.path.realpath(os.path.join(folder, n)) for n in files if n.endswith(".py"))
    return sorted(found)


def code_digest(settings):
    """The theme's files, every Python file of the project the build runs
    (plugins, settings and what they import), Python's version and every
    installed package's version."""
    digest = hashlib.blake2b(digest_size=16)
    theme = settings.get("THEME", "")
    for folder, dirs, files in os.walk(theme):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, theme).encode())
            with open(path, "rb") as f:
                digest.update(hashlib.blake2b(f.read(), digest_size=16).digest())
    roots = [*settings.get("PLUGIN_PATHS", []), os.path.dirname(os.path.dirname(os.path.abspath(__file__)))]
    for path in _project_modules(roots):
        digest.update(path.encode())
        try:
            with open(path, "rb") as f:
                digest.update(hashlib.blake2b(f.read(), digest_size=16).digest())
        except OSError:
            digest.update(b"missing")
    digest.update(sys.version.encode())
    # Every installed package and its version, from the names of their
    # metadata folders (name-version.dist-info), without opening them.
    for folder in sorted({p for p in sys.path if os.path.isdir(p) and ("site-packages" in p or "dist-packages" in p)}):
        for name in sorted(os.listdir(folder)):
            if name.endswith((".dist-info", ".egg-info")):
                digest.update(name.encode())
    return digest.hexdigest()


def all_contents(context):
    found = {}
    for item in (context.get("generated_content") or {}).values():
        if isinstance(item, Content):
            found[id(item)] = item
    for key in ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages"):
        for item in context.get(key) or []:
            found[id(item)] = item
    return sorted(found.values(), key=lambda c: (c.source_path or "", type(c).__name__, getattr(c, "lang", "")))


def site_signature(context, settings, today, previous_summaries, code=None):
    """(signature, summaries): the digest of everything but the posts' texts."""
    code = code or code_digest(settings)
    summaries = {}
    states = [(c.source_path, type(c).__name__, content_state(c, summaries, previous_summaries))
              for c in all_contents(context)]
    shared = {k: v for k, v in context.items() if k not in VOLATILE}
    SHARED.clear()
    signature = digest_of(code, today, shared, states)
    SHARED.update({id(v): k.encode() for k, v in shared.items() if isinstance(v, (list, tuple, dict)) and v})
    return signature, summaries
