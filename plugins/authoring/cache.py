"""Pelican's reader cache, made safe to leave on: one cache per content folder,
dropped whenever the Markdown settings, the fields allowed or the plugins' code
change (a cached post is not checked again)."""

import hashlib
import os
import re
import shutil
import time

import markdown
import pelican

_READER_SETTINGS = ("SLUG", "SUBSTITUTIONS", "METADATA", "FORMATTED_FIELDS", "DEFAULT_CATEGORY",
                    "USE_FOLDER_AS_CATEGORY", "TIMEZONE", "DEFAULT_LANG", "DEFAULT_DATE", "TYPOGRAPHY",
                    "FIELDS", "PLUGINS")


def _fingerprint(settings):
    digest = hashlib.sha1()
    digest.update(os.path.abspath(settings.get("PATH", "")).encode())
    digest.update(repr(sorted(settings.get("MARKDOWN", {}).items())).encode())
    # What turns a file's header into Pelican's values (dates, slugs, fields).
    for key in sorted(settings):
        if any(word in key for word in _READER_SETTINGS):
            digest.update(f"{key}={settings[key]!r}".encode())
    digest.update(f"{pelican.__version__}|{markdown.__version__}".encode())
    # The code of every plugin: readers, Markdown extensions and the field
    # declarations and checks that decide whether a file is read at all.
    plugins = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for folder, dirs, files in sorted(os.walk(plugins)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as f:
                    digest.update(f.read())
    return digest.hexdigest()[:16]


def with_reader_cache(settings):
    """The settings with CACHE_PATH/<fingerprint>, so two content folders, or
    an older reader, never share cached posts. Called by the build commands
    before Pelican starts (no setting changes while a build runs).

    Without a cache (the live site, `make check`), Pelican still stamps every
    file it reads and never compares the stamp: the modification time, read
    without opening the file, instead of a digest of its content."""
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return dict(settings, CHECK_MODIFIED_METHOD="mtime")
    base = settings.get("CACHE_PATH", "cache")
    chosen = os.path.join(base, _fingerprint(settings))
    _prune(base, keep=chosen)
    return dict(settings, CACHE_PATH=chosen)


STALE_DAYS = 30


def _prune(base, keep):
    """Caches of older code or settings, unused for STALE_DAYS, are removed
    (each edit of a plugin starts a new one)."""
    if not os.path.isdir(base):
        return
    limit = time.time() - STALE_DAYS * 86400
    for entry in os.scandir(base):
        if entry.is_dir() and entry.path != keep and re.fullmatch(r"[0-9a-f]{16}", entry.name):
            if entry.stat().st_mtime < limit:
                shutil.rmtree(entry.path, ignore_errors=True)
