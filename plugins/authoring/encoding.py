"""Read Markdown saved the way staff save it on Windows: UTF-8 with or without
a BOM, or Windows-1250 / ISO-8859-2 (read correctly, with a warning)."""

from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican.readers import MarkdownReader
from strict_build import Problem, relative_path, report

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

    def read(self, source_path):
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
        self._source_path = source_path
        document, fields = self._converters()
        content = document.convert(text)
        meta = getattr(document, "Meta", None)
        self._md = fields
        metadata = self._parse_metadata(meta) if meta is not None else {}
        return content, metadata


class _Source:
    def __init__(self, path):
        self.source_path = path


def use_tolerant_reader(readers):
    """readers_init: read .md (and .markdown, .mkd, .mdown) with StaffMarkdownReader."""
    for extension in StaffMarkdownReader.file_extensions:
        if extension in readers.reader_classes:
            readers.reader_classes[extension] = StaffMarkdownReader
            readers.readers[extension] = StaffMarkdownReader(readers.settings)
