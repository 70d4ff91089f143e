"""The build writes into a staging folder beside the output folder; only a build
that succeeded changes the output folder, at the very end:

- the first time (or when the output folder is empty) the staging folder
  simply becomes the output folder;
- otherwise the files the build wrote are moved in (those with the same bytes
  as before are left alone), files no longer part of the site are removed, and
  pages the build did not need to render again stay as they are.

A build that fails never gets there: the output folder is not touched and the
staging folder is removed.
"""

import atexit
import hashlib
import logging
import os
import pickle
import shutil

from .signature import text_digest

logger = logging.getLogger(__name__)

MANIFEST_VERSION = 1


class Output:
    """One build's output: where it is staged, what it reused, what it wrote."""

    def __init__(self, live, settings):
        self.live = os.path.abspath(live)
        self.staging = self.live + ".new"
        self.retention = set(settings.get("OUTPUT_RETENTION") or [])
        self.pages = bool(settings.get("RENDER_CACHE_PAGES", False))
        self.settings = settings
        self.previous = {}
        self.kept = set()  # relative paths reused from the live folder
        self.calls = {}  # page key -> relative paths it produced
        self.summaries = {}
        self.memo = {}  # remembered values (reuse.remembered), for the next build
        self.shown = {}  # page key -> [(source path, text digest)] of other posts shown
        self.contents = {}  # source path -> this build's post
        self._texts = {}
        self.signature = None
        self.committed = False
        self.all_files = None  # every file of the output after the commit

    # --- the manifest of the last successful build into `live` -------------

    def manifest_path(self):
        base = self.settings.get("CACHE_PATH") or "cache"
        name = hashlib.blake2b(self.live.encode(), digest_size=8).hexdigest()
        return os.path.join(base, f"strony-{name}.pickle")

    def load(self):
        if not self.pages or not os.path.isdir(self.live):
            return
        try:
            with open(self.manifest_path(), "rb") as f:
                manifest = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return
        if manifest.get("version") == MANIFEST_VERSION and manifest.get("live") == self.live:
            self.previous = manifest

    def save(self):
        if not self.pages:
            # This output was built in full: an older list no longer describes it.
            try:
                os.remove(self.manifest_path())
            except OSError:
                pass
            return
        files = {}
        for paths in self.calls.values():
            for relative in paths:
                try:
                    stat = os.stat(os.path.join(self.live, relative))
                except OSError:
                    continue
                files[relative] = (stat.st_size, stat.st_mtime_ns)
        manifest = {
            "version": MANIFEST_VERSION,
            "live": self.live,
            "signature": self.signature,
            "calls": self.calls,
            "files": files,
            "summaries": self.summaries,
            "memo": self.memo,
            "shown": self.shown,
            "all": self.all_files,
        }
        path = self.manifest_path()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path + ".tmp", "wb") as f:
            pickle.dump(manifest, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(path + ".tmp", path)

    # --- pages ---------------------------------------------------------------

    def unchanged(self):
        """Is the site made from the same things as last time (but the posts' texts)?"""
        return bool(self.previous) and self.signature is not None and self.previous.get("signature") == self.signature

    def reusable(self, key, anyway=False):
        """The files a page key produced last time, if they are still there as
        written; else None (the page must be rendered). `anyway`: the key
        says all there is to say about the file (its bytes), whatever else
        changed."""
        if not self.previous or not (anyway or self.unchanged()):
            return None
        paths = self.previous["calls"].get(key)
        if not paths:
            return None
        for source_path, digest in self.previous.get("shown", {}).get(key, ()):
            if self._text(source_path) != digest:
                return None
        files = self.previous["files"]
        for relative in paths:
            try:
                stat = os.stat(os.path.join(self.live, relative))
            except OSError:
                return None
            if files.get(relative) != (stat.st_size, stat.st_mtime_ns):
                return None
        return paths

    def _text(self, source_path):
        if source_path not in self._texts:
            content = self.contents.get(source_path)
            self._texts[source_path] = text_digest(content) if content is not None else None
        return self._texts[source_path]

    def keep(self, key, paths):
        """The files of a page key stay as the last build wrote them."""
        self.record(key, paths, self.previous.get("shown", {}).get(key, ()))
        self.kept.update(paths)

    def record(self, key, paths, shown=()):
        self.calls[key] = list(paths)
        if shown:
            self.shown[key] = list(shown)
        else:
            self.shown.pop(key, None)

    # --- staging and commit --------------------------------------------------

    def start(self):
        shutil.rmtree(self.staging, ignore_errors=True)
        os.makedirs(self.staging, exist_ok=True)
        atexit.register(self.abandon)

    def abandon(self):
        """At exit: a build that did not commit leaves no staging folder."""
        if not self.committed:
            shutil.rmtree(self.staging, ignore_errors=True)

    def commit(self):
        if not os.path.isdir(self.live) or not os.listdir(self.live) or not self.kept:
            self._swap()
        else:
            self._merge()
        self.committed = True
        self.save()

    def _swap(self):
        """Everything was written: the staging folder becomes the output."""
        self.all_files = sorted(
            os.path.relpath(os.path.join(folder, name), self.staging)
            for folder, _dirs, files in os.walk(self.staging) for name in files
        )
        old = self.live + ".old"
        shutil.rmtree(old, ignore_errors=True)
        if os.path.isdir(self.live):
            for name in self.retention:
                if os.path.exists(os.path.join(self.live, name)):
                    shutil.rmtree(os.path.join(self.staging, name), ignore_errors=True)
                    os.replace(os.path.join(self.live, name), os.path.join(self.staging, name))
            os.replace(self.live, old)
        os.replace(self.staging, self.live)
        shutil.rmtree(old, ignore_errors=True)

    def _merge(self):
        """Move what was written into the output; remove what is gone."""
        produced = set(self.kept)
        for folder, _dirs, files in os.walk(self.staging):
            for name in files:
                staged = os.path.join(folder, name)
                relative = os.path.relpath(staged, self.staging)
                produced.add(relative)
                target = os.path.join(self.live, relative)
                if _same_bytes(staged, target):
                    continue
                _make_room(self.live, relative)
                os.replace(staged, target)
        known = self.previous.get("all")
        if known is None:  # what the output holds: look
            known = [
                os.path.normpath(os.path.join(os.path.relpath(folder, self.live), name))
                for folder, _dirs, files in os.walk(self.live) for name in files
            ]
        for relative in known:
            if relative in produced or relative.split(os.sep)[0] in self.retention:
                continue
            try:
                os.remove(os.path.join(self.live, relative))
            except FileNotFoundError:
                continue
            folder = os.path.dirname(os.path.join(self.live, relative))
            while folder != self.live and not os.listdir(folder):  # empty now: gone too
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        self.all_files = sorted(produced)
        shutil.rmtree(self.staging, ignore_errors=True)


def _make_room(live, relative):
    """Folders up to the file (a file in the way, from an older site, goes),
    and no folder where the file goes."""
    folder = live
    for part in relative.split(os.sep)[:-1]:
        folder = os.path.join(folder, part)
        if os.path.isfile(folder) or os.path.islink(folder):
            os.remove(folder)
        os.makedirs(folder, exist_ok=True)
    target = os.path.join(live, relative)
    if os.path.isdir(target) and not os.path.islink(target):
        shutil.rmtree(target)


def _same_bytes(a, b):
    try:
        if os.path.getsize(a) != os.path.getsize(b):
            return False
        with open(a, "rb") as fa, open(b, "rb") as fb:
            return fa.read() == fb.read()
    except OSError:
        return False
