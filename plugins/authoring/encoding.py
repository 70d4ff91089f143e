"""The Markdown reader for staff's files, on Pelican's public API (a subclass of
MarkdownReader registered from `readers_init`, overriding only `read`):

- files saved in UTF-8 with or without a BOM, or in Windows-1250 / ISO-8859-2
  (read correctly, with a warning);
- the header checked before anything else (authoring.header): unknown fields,
  fields written twice, dates, titles that give no address; a file with a
  mistake is reported in Polish and left out (the build then fails), never
  read half-right;
- an empty file, a missing title or date, a file that is not text: said the
  same way, by this reader, not by parsing Pelican's log."""

import os
import re

from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.urlwrappers import URLWrapper
from pelican.utils import SafeDatetime

from klucz.polish_dates import parse_moment
from klucz.strict_build import Problem, Reported, declared_fields, decode, read_header, relative_path, report

from .header import check_header
from .tidy import tidy

META_EXTENSION = "markdown.extensions.meta"

# A formatted field (Summary) of one line of plain text is one paragraph of
# that text: Markdown's own processors and those of `extra` give meaning only
# to these characters (anywhere: code, emphasis, links, HTML, entities,
# tables, attributes, escapes; control characters are its placeholders) and
# to these at the start of a line (lists, definitions, rules).
_MARKDOWN_SIGNS = re.compile(r"[\\`*_{}\[\]<>#|&~]")
_LINE_START = re.compile(r"[-+:=]|[0-9]+[.)]")
# Where those processors come from; another extension's processor (smarty's
# quotes, meta's "Key: value") may change plain text, unless it says it keeps
# it (`keeps_plain_text = True`, as the donation marker's does).
_PLAIN_TEXT_MODULES = frozenset({
    "markdown.preprocessors", "markdown.blockprocessors", "markdown.treeprocessors", "markdown.inlinepatterns",
    "markdown.extensions.abbr", "markdown.extensions.attr_list", "markdown.extensions.def_list",
    "markdown.extensions.fenced_code", "markdown.extensions.footnotes", "markdown.extensions.md_in_html",
    "markdown.extensions.tables",
})


def plain_paragraph(text):
    """Whether Markdown would make of `text` one paragraph of the same text."""
    return (bool(text) and text.isprintable() and text == text.strip()
            and not _MARKDOWN_SIGNS.search(text) and not _LINE_START.match(text))


def keeps_plain_text(md):
    """Whether every processor of this converter but the postprocessors leaves
    a paragraph of plain text as it is (the postprocessors run either way)."""
    registries = [md.preprocessors, md.parser.blockprocessors, md.treeprocessors, md.inlinePatterns]
    # A tree processor may run patterns of its own (smarty's are Markdown's
    # InlineProcessor with its quotes and dashes).
    registries += [item.inlinePatterns for item in md.treeprocessors if hasattr(item, "inlinePatterns")]
    return all(
        type(item).__module__ in _PLAIN_TEXT_MODULES or getattr(item, "keeps_plain_text", False)
        for registry in registries
        for item in registry
    )


class _Source:
    def __init__(self, path):
        self.source_path = path


class StaffMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, for the files staff write."""

    document = None  # the Markdown converter of the text
    fields = None  # the one of formatted fields
    fields_plain = False  # whether its processors keep plain text (keeps_plain_text)
    known = None  # the header fields the plugins declare

    def process_metadata(self, name, value):
        """Pelican's, with dates read the one way this site reads them
        (polish_dates.parse_moment: ISO or day first, never month first)."""
        if name in ("date", "modified") and isinstance(value, str):
            moment = parse_moment(value)  # checked before (authoring.header)
            return SafeDatetime.combine(moment.date, moment.value.time(), tzinfo=moment.offset)
        return super().process_metadata(name, value)

    def read(self, source_path):
        shown = relative_path(_Source(source_path), self.settings)
        try:
            return self._read(source_path, shown)
        except Reported:
            raise
        except Exception as error:  # one Polish line naming the file, never a traceback
            report(Problem(shown, "plik", f"nie udało się odczytać pliku: {error.__class__.__name__}: {error}",
                           "sprawdź nagłówek i treść pliku; jeśli wszystko wygląda dobrze, przekaż ten "
                           "komunikat opiekunowi strony", line=1))
            raise Reported(shown) from error

    def _read(self, source_path, shown):
        with open(source_path, "rb") as f:
            raw = f.read()
        try:
            text, encoding = decode(raw)
        except UnicodeDecodeError:
            report(Problem(shown, "plik", "plik nie jest zapisany w kodowaniu UTF-8",
                           "otwórz go w edytorze i zapisz jako UTF-8 (Notatnik: Plik → Zapisz jako → "
                           "Kodowanie: UTF-8)", line=1))
            raise Reported(shown) from None
        if encoding != "utf-8":
            report(Problem(
                path=shown, field="plik",
                message=f"plik jest zapisany w kodowaniu {'Windows-1250' if encoding == 'cp1250' else 'ISO-8859-2'}; "
                        "odczytaliśmy go poprawnie",
                hint="zapisz go jako UTF-8 (Notatnik: Plik → Zapisz jako → Kodowanie: UTF-8)",
                severity="warning", line=1,
            ))
        header = read_header(text)
        # A misnamed field ("Data:") is said once, not also as a missing one.
        if self.known is None:  # the fields the plugins declare: once per build (one reader per build)
            self.known = declared_fields(self.settings)
        problems = (check_header(header, self.settings, shown, self.known)
                    or self._required(text, header, source_path, shown))
        if problems:
            for problem in problems:
                report(problem)
            raise Reported(shown)
        if self.document is None:  # one converter, reset for every file (as Markdown advises)
            self.document = Markdown(**self.settings["MARKDOWN"])
        content = tidy(self.document.reset().convert(text))
        return content, self._metadata(getattr(self.document, "Meta", None) or {})

    def _required(self, text, header, source_path, shown):
        """An empty file; no title; no date on a post (pages need none)."""
        if not text.strip():
            return [Problem(shown, "plik", "plik jest pusty",
                            "wpisz nagłówek (Title:, Date:) i treść albo usuń plik", line=1)]
        names = {item.name.lower() for item in header if item.readable}
        problems = []
        if "title" not in names:
            problems.append(Problem(shown, "Title", "brak tytułu",
                                    "dodaj na początku pliku wiersz Title: Tytuł wpisu", line=1))
        if "date" not in names and self._is_post(source_path):
            problems.append(Problem(shown, "Date", "brak daty publikacji",
                                    "dodaj wiersz z datą publikacji, np. Date: 2026-11-28 10:00 "
                                    "albo Date: 28.11.2026 10:00", line=1))
        return problems

    def _is_post(self, source_path):
        root = self.settings.get("PATH") or ""
        first = os.path.relpath(source_path, root).split(os.sep)[0]
        return first in (self.settings.get("ARTICLE_PATHS") or [])

    def _fields_converter(self):
        """Markdown for formatted fields (Summary): the site's extensions but
        the header reader."""
        options = dict(self.settings["MARKDOWN"])
        options["extensions"] = [e for e in options.get("extensions", []) if e != META_EXTENSION]
        options["extension_configs"] = {
            k: v for k, v in (options.get("extension_configs") or {}).items() if k != META_EXTENSION}
        return Markdown(**options)

    def formatted_field(self, text):
        """A formatted field as HTML. A summary of one line of plain text
        skips Markdown's passes (a tenth of a millisecond each) but not its
        postprocessors (the typography), so its HTML is the same."""
        if self.fields is None:
            self.fields = self._fields_converter()
            self.fields_plain = keeps_plain_text(self.fields)
        self.fields.reset()
        if self.fields_plain and plain_paragraph(text):
            html = f"<p>{text}</p>"
            for postprocessor in self.fields.postprocessors:
                html = postprocessor.run(html)
            return html.strip()
        return self.fields.convert(text)

    def _metadata(self, meta):
        formatted = self.settings["FORMATTED_FIELDS"]
        output = {}
        for name, values in meta.items():
            name = name.lower()
            if name == "modified" and not "".join(values).strip():
                continue  # "Modified:" left empty: not modified
            if name in formatted:
                output[name] = self.process_metadata(name, self.formatted_field("\n".join(values)))
            elif len(values) > 1 and DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                output[name] = self.process_metadata(name, values)
            else:
                output[name] = self.process_metadata(name, values[0])
        # Tags' slugs worked out now, so the reader cache keeps them.
        for value in output.values():
            for item in value if isinstance(value, list) else (value,):
                if isinstance(item, URLWrapper):
                    item.slug  # noqa: B018 - computed and kept by the property
        return output


def use_tolerant_reader(readers):
    """readers_init: read .md (and .markdown, .mkd, .mdown) with StaffMarkdownReader."""
    for extension in StaffMarkdownReader.file_extensions:
        if extension in readers.reader_classes:
            readers.reader_classes[extension] = StaffMarkdownReader
            readers.readers[extension] = StaffMarkdownReader(readers.settings)
