"""Pelican's reader cache, made safe to leave on: one cache per content folder,
dropped whenever the Markdown settings or the code that reads posts change."""

import hashlib
import os

import markdown
import pelican

# The modules whose code shapes what the reader cache stores.
_READER_MODULES = (
    "encoding.py",
    "tidy.py",
    os.path.join("..", "donations", "marker.py"),
    os.path.join("..", "typography", "markdown_ext.py"),
    os.path.join("..", "typography", "rules.py"),
)


_READER_SETTINGS = ("SLUG", "SUBSTITUTIONS", "METADATA", "FORMATTED_FIELDS", "DEFAULT_CATEGORY",
                    "USE_FOLDER_AS_CATEGORY", "TIMEZONE", "DEFAULT_LANG", "DEFAULT_DATE", "TYPOGRAPHY")


def _fingerprint(settings):
    digest = hashlib.sha1()
    digest.update(os.path.abspath(settings.get("PATH", "")).encode())
    digest.update(repr(sorted(settings.get("MARKDOWN", {}).items())).encode())
    # What turns a file's header into Pelican's values (dates, slugs, fields).
    for key in sorted(settings):
        if any(word in key for word in _READER_SETTINGS):
            digest.update(f"{key}={settings[key]!r}".encode())
    digest.update(f"{pelican.__version__}|{markdown.__version__}".encode())
    here = os.path.dirname(os.path.abspath(__file__))
    for name in _READER_MODULES:
        try:
            with open(os.path.join(here, name), "rb") as f:
                digest.update(f.read())
        except OSError:
            pass
    return digest.hexdigest()[:16]


def separate_cache(pelican_instance):
    """get_generators (after every plugin's `initialized`, so the Markdown
    settings are final; before any generator opens its cache):
    CACHE_PATH/<fingerprint>, so two content folders, or an older reader,
    never share cached posts."""
    settings = pelican_instance.settings
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    base = settings.get("CACHE_PATH", "cache")
    settings["CACHE_PATH"] = os.path.join(base, _fingerprint(settings))
    return None  # adds no generator
