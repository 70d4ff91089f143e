"""Markdown extension: a line `[[wesprzyj]]` or `[[wesprzyj:<id>]]` marks where
a donation box goes inside the text. The box itself is rendered after reading,
when the page it belongs to is known (see placement.py)."""

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

MARKER = re.compile(r"^\s*\[\[\s*wesprzyj(?:\s*:\s*([^\]\s]*))?\s*\]\]\s*$", re.I)
PLACEHOLDER = re.compile(r'<div class="donation-marker" data-campaign="([^"]*)"></div>')


class _MarkerPreprocessor(Preprocessor):
    keeps_plain_text = True  # it acts on a line "[[wesprzyj…]]" only

    def run(self, lines):
        out = []
        for line in lines:
            match = MARKER.match(line)
            if match:
                html = f'<div class="donation-marker" data-campaign="{match.group(1) or ""}"></div>'
                out += ["", self.md.htmlStash.store(html), ""]
            else:
                out.append(line)
        return out


class DonationMarkerExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(_MarkerPreprocessor(md), "donation_marker", 29)


def makeExtension(**kwargs):
    return DonationMarkerExtension(**kwargs)
