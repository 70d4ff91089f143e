"""A build goes into `<output>.new` and becomes `<output>` only when it
succeeded (`build_site`, used by `make html`, `make publish`, `make check
--output` and the preview); a failed build leaves the last good site as it was
and no `.new` folder behind.

The list of what the last build wrote (`Manifest`) lets the next one reuse the
pages whose inputs did not change (writer.py): they are hard-linked from the
last good site instead of rendered again."""

import hashlib
import os
import pickle
import shutil

from .settings import previous_output
from .writer import TEMPLATE_FACTS

MANIFEST_VERSION = 3


def build_site(settings, start):
    """Run `start(settings)` (a Pelican to run) into OUTPUT_PATH + '.new', then
    swap it in. The render cache reuses pages from the current output.

    The folders of the site before last (`<output>.old`, its files removed)
    become the new build's folders: a page's folder is made once, not at every
    build (making a thousand folders took a third of a rebuild). The folders
    this build left empty are removed before the swap. Should a folder stand
    where this build writes a file (an address changed from a folder to a
    file), the build runs again from an empty folder."""
    live = os.path.abspath(settings["OUTPUT_PATH"])
    staging = live + ".new"
    spare = live + ".old"
    shutil.rmtree(staging, ignore_errors=True)
    recycled = os.path.isdir(spare) and not os.path.islink(spare)
    if recycled:
        os.replace(spare, staging)
        _remove_files(staging)
    else:
        os.makedirs(staging)
    settings = dict(settings, OUTPUT_PATH=staging, RENDER_CACHE_PREVIOUS=live, DELETE_OUTPUT_DIRECTORY=False)
    try:
        start(settings).run()
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if recycled and _in_the_way(error):
            return build_site(settings | {"OUTPUT_PATH": live}, start)
        raise
    _remove_empty_folders(staging)
    if os.path.lexists(live):
        os.replace(live, spare)
    os.replace(staging, live)
    return live


def empty_spare(output):
    """Remove the files of the site before last (`<output>.old`), keeping its
    folders for the next build: what a build would do first, done while
    nobody waits (the preview's builder, after it has answered)."""
    spare = os.path.abspath(output) + ".old"
    if os.path.isdir(spare) and not os.path.islink(spare):
        _remove_files(spare)


def _in_the_way(error):
    """Whether a file could not be written for a folder in its place (the
    error itself, or what a plugin's own error was raised from)."""
    while error is not None:
        if isinstance(error, IsADirectoryError | NotADirectoryError | FileExistsError):
            return True
        error = error.__cause__ or error.__context__
    return False


def _remove_files(folder):
    """Every file (and link) under `folder` removed, its folders kept."""
    for parent, folders, files in os.walk(folder):
        for name in files + [f for f in folders if os.path.islink(os.path.join(parent, f))]:
            os.remove(os.path.join(parent, name))


def _remove_empty_folders(folder):
    """The folders under `folder` with nothing in them (nor in theirs) removed."""
    removed = set()
    for parent, folders, files in os.walk(folder, topdown=False):  # the deepest first
        if parent != folder and not files and all(os.path.join(parent, f) in removed for f in folders):
            os.rmdir(parent)
            removed.add(parent)


def folder_id(path):
    """Identifies a folder across a rename (the swap keeps its inode)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


class Manifest:
    """What the last build into an output folder wrote, call by call."""

    def __init__(self, settings):
        self.previous_folder = previous_output(settings)
        self.output = settings["OUTPUT_PATH"]
        base = settings.get("CACHE_PATH") or "cache"
        name = hashlib.blake2b(os.path.abspath(self.previous_folder or self.output).encode(), digest_size=8)
        self.path = os.path.join(base, f"render-cache-{name.hexdigest()}.pickle")
        self.previous = {}
        self.calls = {}  # key -> [relative paths]
        self.summaries = {}
        self.signature = None

    def load(self):
        if not self.previous_folder or not os.path.isdir(self.previous_folder):
            return
        try:
            with open(self.path, "rb") as f:
                data = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return
        # Only the list of the build that became this very folder counts (a
        # build that failed, or another folder, leaves a list that does not).
        if data.get("version") == MANIFEST_VERSION and data.get("folder") == folder_id(self.previous_folder):
            self.previous = data
            TEMPLATE_FACTS.update(data.get("template_facts", {}))

    def reusable(self, key):
        """The files a call wrote last time, if the site is made from the same
        things and the files are still there as written; else None."""
        if not self.previous or self.previous.get("signature") != self.signature:
            return None
        paths = self.previous["calls"].get(key)
        if not paths:
            return None
        files = self.previous["files"]
        for relative in paths:
            try:
                stat = os.stat(os.path.join(self.previous_folder, relative))
            except OSError:
                return None
            if files.get(relative) != (stat.st_size, stat.st_mtime_ns):
                return None
        return paths

    def save(self):
        files = {}
        for paths in self.calls.values():
            for relative in paths:
                try:
                    stat = os.stat(os.path.join(self.output, relative))
                except OSError:
                    continue
                files[relative] = (stat.st_size, stat.st_mtime_ns)
        data = {"version": MANIFEST_VERSION, "folder": folder_id(self.output), "signature": self.signature,
                "calls": self.calls, "files": files, "summaries": self.summaries,
                "template_facts": dict(TEMPLATE_FACTS)}
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        with open(self.path + ".tmp", "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(self.path + ".tmp", self.path)
