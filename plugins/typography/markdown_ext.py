"""The typography rules as a Markdown postprocessor, so Markdown posts are
typeset while they are read (and kept in the
reader cache) instead of once more on every build."""

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from .rules import DEFAULT_UNITS, nbsp_html

NAME = "klucz.typography.markdown_ext"


class _Typeset(Postprocessor):
    def __init__(self, md, units):
        super().__init__(md)
        self.units = units

    def run(self, text):
        return nbsp_html(text, self.units)


class TypographyExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"units": [list(DEFAULT_UNITS), "units that take a non-breaking space after a number"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # After every other postprocessor (raw HTML is back in place at 30).
        md.postprocessors.register(_Typeset(md, tuple(self.getConfig("units"))), "typography", 1)


def makeExtension(**kwargs):
    return TypographyExtension(**kwargs)
