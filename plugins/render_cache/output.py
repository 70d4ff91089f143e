"""The list of what the last build wrote (`Manifest`) lets the next one reuse the
pages whose inputs did not change (writer.py): they are hard-linked from the
last good site (strict_build's `previous_output`) instead of rendered again."""

import hashlib
import os
import pickle

from klucz.strict_build import previous_output

from .writer import TEMPLATE_FACTS

MANIFEST_VERSION = 3


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
