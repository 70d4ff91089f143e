"""Calendar entries kept between builds: what icalendar serialised, in the
build's cache folder (`CACHE_PATH`), by a digest of everything an entry is
made from and of icalendar's version, as image variants and share pictures are
kept by their source. A rebuild serialises only the entries whose training
changed (icalendar folds every line character by character: about a
millisecond an event) and does not import icalendar at all when none did.
Without Pelican's content cache (a live build) every entry is made anew."""

import hashlib
import importlib.metadata
import os
import pickle

FILE = "kalendarze.pickle"


class Kept:
    """The entries of the last build, and those this build used (the only
    ones saved, so the file never holds entries of trainings long gone)."""

    def __init__(self, settings):
        folder = settings.get("CACHE_PATH") or "cache"
        self.path = os.path.join(folder, FILE) if settings.get("CACHE_CONTENT") else None
        self.old, self.new = {}, {}
        self.version = None
        if settings.get("LOAD_CONTENT_CACHE"):
            try:
                with open(os.path.join(folder, FILE), "rb") as f:
                    data = pickle.load(f)
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
                data = None
            if isinstance(data, dict):
                self.old = data

    def get(self, parts, make):
        """make(), or what it gave for the same `parts` (values whose repr()
        says all that the entry depends on) in the last build."""
        if self.version is None:
            self.version = importlib.metadata.version("icalendar")
        key = hashlib.blake2b(repr((self.version, *parts)).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        value = self.new.get(key)
        if value is None:
            value = self.old.get(key)
            if value is None:
                value = make()
            self.new[key] = value
        return value

    def save(self):
        if self.path is None:
            return
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        with open(self.path + ".tmp", "wb") as f:
            pickle.dump(self.new, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(self.path + ".tmp", self.path)


def training_facts(training):
    """Everything a training's calendar entry is made from, as sorted
    (name, value) pairs: its fields and what the plugin set on it since
    (its change number)."""
    return sorted(vars(training).items())
