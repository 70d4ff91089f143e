"""Site search with Pagefind: the index of every post and page is built into
the output at every build (`pagefind/`), and /szukaj/ searches it in the
visitor's browser – nothing leaves the site.

Templates mark what is indexed (`data-pagefind-body` on a post's or page's
text), the filters (`Dział`, `Rok`) and what a result shows besides its title
(`termin`, `miejsce` of a training). The search page (template `search.html`)
and its script load only when someone searches; the header's search field is
a plain form that works without JavaScript up to the search page."""

import html
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata

from pelican import signals
from pelican.generators import Generator

from klucz.strict_build import Problem, Setting, declare, link_or_copy, previous_output, report

logger = logging.getLogger(__name__)

SETTINGS = declare(
    Setting("SEARCH_ENABLED", True, "Build the index at every build."),
    Setting("SEARCH_URL", "szukaj/", "The search page."),
    Setting("SEARCH_INDEX_DIR", "pagefind", "The index folder in the output."),
    Setting("SEARCH_TIMEOUT", 300, "Seconds Pagefind may take before the build gives up on it.", kind=float),
    Setting(
        "SEARCH_INDEX_MAX_AGE",
        None,
        "Seconds an index from the last build may be reused instead of indexing again, with a warning that "
        "search is older than the pages (the preview: 600); None: every build indexes.",
        kind=float,
    ),
)
# Written into the index folder: when Pagefind made it (seconds since the epoch).
STAMP = "zbudowano.txt"
setting = SETTINGS.get


# The list of words written beside the search page (see without_l()).
WORDS_FILE = "slowa.json"
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"<[^>]+>")


def fold(word):
    """A word as typed on a phone without Polish letters: lower case, no
    accents, and ł as l (which no Unicode decomposition does)."""
    plain = unicodedata.normalize("NFD", word.lower()).replace("ł", "l")
    return "".join(c for c in plain if not unicodedata.combining(c))


def without_l(texts):
    """{word as typed without Polish letters: the site's word} for the words
    with ł, whose plain form is no word of the site itself.

    Pagefind finds "dostepnosc" for "dostępność" (it folds accents) but not
    "lodz" for "łódź": ł is a letter of its own. The search page puts the
    site's word in place of the one typed (search.js)."""
    tokens = set()  # what stands between spaces, each once: far fewer than the words of the site
    for text in texts:
        tokens.update(html.unescape(_TAG.sub(" ", text)).lower().split())
    words = set()
    for token in tokens:
        words.update(_WORD.findall(token))
    plain = {fold(w) for w in words if "ł" not in w}
    found = {}
    for word in sorted(words):
        if "ł" in word and fold(word) not in plain:
            found.setdefault(fold(word), word)
    return dict(sorted(found.items()))


def indexed_texts(context):
    """The text of every post and page: titles, texts and the header fields a
    page shows (words, not identifiers or addresses such as an Event-UID)."""
    for item in [*context.get("articles", []), *context.get("pages", []), *context.get("hidden_pages", [])]:
        yield item.title
        yield item.content
        yield from (value for value in item.metadata.values() if isinstance(value, str) and " " in value.strip())


class SearchPageGenerator(Generator):
    """Writes the search page from the template `search`, and beside it the
    words with ł as typed without it (without_l)."""

    def generate_output(self, writer):
        if not setting(self.settings, "SEARCH_ENABLED"):
            return
        url = setting(self.settings, "SEARCH_URL")
        writer.write_file(url + "index.html", self.get_template("search"), self.context, search_url=url,
                          search_index_url=setting(self.settings, "SEARCH_INDEX_DIR") + "/",
                          search_words_url=url + WORDS_FILE)
        path = os.path.join(self.output_path, url, WORDS_FILE)
        # The words go with the index they are looked up in: an index reused
        # from the last build keeps that build's words.
        if reusable_index(self.settings) is not None:
            try:
                link_or_copy(os.path.join(previous_output(self.settings), url, WORDS_FILE), path)
                return
            except OSError:
                pass
        with open(path, "w", encoding="utf-8") as f:
            json.dump(without_l(indexed_texts(self.context)), f, ensure_ascii=False, separators=(",", ":"))


def reusable_index(settings):
    """When the last build's index was made (seconds since the epoch), if it
    may be reused (SEARCH_INDEX_MAX_AGE); else None."""
    max_age, previous = setting(settings, "SEARCH_INDEX_MAX_AGE"), previous_output(settings)
    if max_age is None or not previous:
        return None
    try:
        with open(os.path.join(previous, setting(settings, "SEARCH_INDEX_DIR"), STAMP), encoding="utf-8") as f:
            made = float(f.read().strip())
    except (OSError, ValueError):
        return None
    return made if time.time() - made <= max_age else None


def reuse_index(settings, output):
    """The last build's index, hard-linked into this one, when it is young
    enough (SEARCH_INDEX_MAX_AGE); its age is said as a warning. True if reused."""
    made = reusable_index(settings)
    if made is None:
        return False
    folder = setting(settings, "SEARCH_INDEX_DIR")
    shutil.copytree(os.path.join(previous_output(settings), folder), os.path.join(output, folder),
                    copy_function=os.link, dirs_exist_ok=True)
    when = time.strftime("%H:%M", time.localtime(made))
    report(Problem("(wyszukiwarka)", "SEARCH_INDEX_MAX_AGE",
                   f"wyszukiwarka w podglądzie pokazuje strony z {when}, sprzed ostatnich zmian",
                   "zmiany znajdzie po kolejnym indeksowaniu (najpóźniej za kilka minut) albo po make html",
                   severity="warning"))
    return True


def build_index(pelican):
    """finalized: Pagefind reads the written pages and writes the index."""
    settings = pelican.settings
    if not setting(settings, "SEARCH_ENABLED") or reuse_index(settings, pelican.output_path):
        return
    started = time.monotonic()
    command = [sys.executable, "-m", "pagefind", "--site", pelican.output_path,
               "--output-subdir", setting(settings, "SEARCH_INDEX_DIR"), "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=setting(settings, "SEARCH_TIMEOUT"))
    except (OSError, subprocess.TimeoutExpired) as error:
        report(Problem("(wyszukiwarka)", "SEARCH_ENABLED", f"indeks wyszukiwarki się nie zbudował: {error}",
                       "sprawdź instalację (make zainstaluje pagefind z requirements.txt)"))
        return
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["bez komunikatu"]
        report(Problem("(wyszukiwarka)", "SEARCH_ENABLED",
                       f"indeks wyszukiwarki się nie zbudował (Pagefind: {detail[0]})",
                       "DEBUG=1 make html pokaże szczegóły; SEARCH_ENABLED = False buduje stronę bez wyszukiwarki"))
        return
    with open(os.path.join(pelican.output_path, setting(settings, "SEARCH_INDEX_DIR"), STAMP), "w",
              encoding="utf-8") as f:
        f.write(f"{time.time():.0f}\n")
    logger.debug("Pagefind: %.2f s", time.monotonic() - started)


def add_generator(pelican):
    return SearchPageGenerator


def add_to_context(generator):
    """generator_init: where the search page is (`search_page_url`, None when
    search is off), for the header's search field on every page."""
    settings = generator.settings
    enabled = setting(settings, "SEARCH_ENABLED")
    generator.context["search_page_url"] = setting(settings, "SEARCH_URL") if enabled else None


def register():
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_to_context)
    signals.finalized.connect(build_index)
