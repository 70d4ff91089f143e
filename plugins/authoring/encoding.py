"""Read Markdown saved the way staff save it on Windows: UTF-8 with or without
a BOM, or Windows-1250 / ISO-8859-2 (read correctly, with a warning).

Posts that are not in the reader cache are turned into HTML by several
processes at once (AUTHORING_READ_PROCESSES, default: one per CPU core), before
Pelican asks for them one by one; Pelican then gets the same result it would
have read itself."""

import logging
import multiprocessing
import os

from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.urlwrappers import URLWrapper
from pelican.utils import SafeDatetime, file_suffix
from polish_dates import parse_moment
from strict_build import Problem, Reported, capture, read_header, relative_path, replay, report

from .header import check_header
from .tidy import tidy

logger = logging.getLogger(__name__)

# Fewer cold posts than this are read in this process: starting workers would
# cost more than it saves.
PARALLEL_MINIMUM = 64

POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
LEGACY = ("cp1250", "iso-8859-2")


def decode(raw):
    """Return (text, encoding name) for the bytes of a content file."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = None
    for encoding in LEGACY:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = sum(ch in POLISH for ch in text)
        if best is None or score > best[2]:
            best = (text, encoding, score)
    if best is None:
        raise UnicodeDecodeError("utf-8", raw, 0, len(raw), "not UTF-8, Windows-1250 or ISO-8859-2")
    return best[0], best[1]


class StaffMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, tolerant of the encodings staff produce.

    It also keeps its two Markdown converters (one for the document, one for
    formatted fields such as Summary) and resets them between files, as
    Python-Markdown recommends, instead of building new ones for every file.
    """

    _document = None
    _fields = None

    def _converters(self):
        if self._document is None:
            self._document = Markdown(**self.settings["MARKDOWN"])
            self._fields = Markdown(**self.settings["MARKDOWN"])
        # Pelican's _parse_metadata removes the "meta" preprocessor from the
        # converter it uses; put it back for the next file.
        if "meta" not in self._fields.preprocessors:
            self._fields.preprocessors.register(MetaPreprocessor(self._fields), "meta", 27)
        return self._document.reset(), self._fields.reset()

    def process_metadata(self, name, value):
        """Pelican's, with dates read the one way this site reads them
        (polish_dates.parse_moment: ISO or day first, never month first)."""
        if name in ("date", "modified") and isinstance(value, str):
            moment = parse_moment(value)  # DateProblem: reported by read()
            return SafeDatetime.combine(moment.date, moment.value.time(), tzinfo=moment.offset)
        return super().process_metadata(name, value)

    def read(self, source_path):
        done = _take(source_path)
        if done is None:
            content, fields, header = self.convert(source_path)
        else:
            content, fields, header, records = done
            replay(records)
        shown = relative_path(_Source(source_path), self.settings)
        problems = check_header(header, self.settings, shown)
        if problems:
            for problem in problems:
                report(problem)
            raise Reported(shown)
        self._source_path = source_path
        return content, self._metadata(fields)

    def convert(self, source_path):
        """The Markdown work for one file: (HTML, [(field, values, HTML of a formatted field or None)])."""
        with open(source_path, "rb") as f:
            text, encoding = decode(f.read())
        if encoding != "utf-8":
            shown = relative_path(_Source(source_path), self.settings)
            report(Problem(
                path=shown,
                field="plik",
                message=f"plik jest zapisany w kodowaniu {'Windows-1250' if encoding == 'cp1250' else 'ISO-8859-2'}; odczytaliśmy go poprawnie",
                hint="zapisz go jako UTF-8 (Notatnik: Plik → Zapisz jako → Kodowanie: UTF-8)",
                severity="warning",
                line=1,
            ))
        document, converter = self._converters()
        content = tidy(document.convert(text))
        meta = getattr(document, "Meta", None) or {}
        # As Pelican's _parse_metadata: no header parsing inside the fields.
        converter.preprocessors.deregister("meta")
        formatted = self.settings["FORMATTED_FIELDS"]
        fields = []
        for name, values in meta.items():
            html = None
            if name.lower() in formatted:
                converter.reset()
                html = converter.convert("\n".join(values))
            fields.append((name.lower(), values, html))
        return content, fields, read_header(text)

    def _metadata(self, fields):
        """Pelican's MarkdownReader._parse_metadata, given the converted fields."""
        output = {}
        for name, values, html in fields:
            if name == "modified" and not "".join(values).strip():
                continue  # "Modified:" left empty: not modified
            if html is not None:
                output[name] = self.process_metadata(name, html)
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(values) > 1:
                    logging.getLogger("pelican.readers").warning(
                        "Duplicate definition of `%s` for %s. Using first one.", name, self._source_path
                    )
                output[name] = self.process_metadata(name, values[0])
            elif len(values) > 1:
                output[name] = self.process_metadata(name, values)
            else:
                output[name] = self.process_metadata(name, values[0])
        # Tags' and categories' slugs worked out now, so the reader cache
        # keeps them (Pelican would slugify them again on every build).
        for value in output.values():
            for item in value if isinstance(value, list) else (value,):
                if isinstance(item, URLWrapper):
                    item.slug  # noqa: B018 - computed and kept by the property
        return output


class _Source:
    def __init__(self, path):
        self.source_path = path


def use_tolerant_reader(readers):
    """readers_init: read .md (and .markdown, .mkd, .mdown) with StaffMarkdownReader."""
    for extension in StaffMarkdownReader.file_extensions:
        if extension in readers.reader_classes:
            readers.reader_classes[extension] = StaffMarkdownReader
            readers.readers[extension] = StaffMarkdownReader(readers.settings)


# Conversions done ahead by the workers, in the order Pelican asks for them.
_AHEAD = {"pending": set(), "results": None, "pool": None, "done": {}, "reader": None}


def _take(path):
    """The worker's result for path, waiting for it if it is on its way."""
    if path not in _AHEAD["pending"]:
        return None
    _AHEAD["pending"].discard(path)
    done = _AHEAD["done"]
    try:
        while path not in done:
            ready, result = next(_AHEAD["results"])
            done[ready] = result
    except Exception as error:  # a worker died: read the rest here
        logger.debug("reading in one process: %s", error)
        finish()
        return None
    return done.pop(path)


def finish(*_args):
    """Stop the workers (after reading, or when a build is cut short)."""
    pool = _AHEAD["pool"]
    if pool is not None:
        pool.terminate()
    _AHEAD.update(pending=set(), results=None, pool=None, done={}, reader=None)


def _convert_in_worker(path):
    captured = capture()
    captured.take()
    try:
        content, fields, header = _AHEAD["reader"].convert(path)
    except Exception:  # the main process reads it again and reports the error itself
        return path, None
    return path, (content, fields, header, captured.take())


def preread(generator):
    """article_generator_init: start converting the posts the reader cache
    does not hold in worker processes; Pelican then reads them one by one
    while the workers run ahead of it."""
    finish()
    settings = generator.settings
    processes = settings.get("AUTHORING_READ_PROCESSES")
    processes = os.cpu_count() or 1 if processes is None else int(processes)
    reader = generator.readers.readers.get("md")
    if processes < 1 or not isinstance(reader, StaffMarkdownReader):
        return
    cold = []
    for relative in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]):
        path = os.path.abspath(os.path.join(generator.path, relative))
        if file_suffix(path) in reader.file_extensions and generator.readers.get_cached_data(path, None) is None:
            cold.append(path)
    if len(cold) < PARALLEL_MINIMUM:
        return
    _AHEAD["reader"] = reader  # the workers (forks) use this one
    try:
        # The workers are forks: they only convert Markdown and send back the
        # result, so the other threads (Pelican's progress display, the
        # preview server) are not needed in them.
        pool = multiprocessing.get_context("fork").Pool(processes)
    except (OSError, ValueError) as error:  # no fork or no semaphores here: read one by one
        logger.debug("reading in one process: %s", error)
        _AHEAD["reader"] = None
        return
    _AHEAD.update(pool=pool, pending=set(cold), results=pool.imap(_convert_in_worker, cold, chunksize=32))
