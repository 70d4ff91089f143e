"""Donation call-outs: "Dodaj nam MOCy!" boxes after articles, inside the text
([[wesprzyj]]) and leading appeals, the "Wesprzyj nas" page, UTM-tagged links,
and money-safe checks of the payment details."""

from pelican import signals

from klucz.strict_build import with_markdown_extension

from .config import SETTINGS, campaigns, validate  # noqa: F401 (SETTINGS: the declared settings)
from .fields import FIELDS  # noqa: F401
from .placement import add_filter, editor_preview, place_in_articles, place_in_pages, place_inline  # noqa: F401


def enable_marker(pelican):
    """Let Markdown turn [[wesprzyj]] lines into placeholders."""
    pelican.settings["MARKDOWN"] = with_markdown_extension(pelican.settings, "klucz.donations.marker", {})


def register():
    signals.initialized.connect(validate)
    signals.initialized.connect(enable_marker)
    signals.generator_init.connect(add_filter)
    signals.article_generator_finalized.connect(place_in_articles)
    signals.page_generator_finalized.connect(place_in_pages)
    signals.all_generators_finalized.connect(place_inline)
