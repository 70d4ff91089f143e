"""Following the site, for people: a page that explains it (/obserwuj/:
news in a feed reader, trainings in Google, Apple or Outlook calendars, the
addresses to copy) and feeds that open as a readable page in a browser.

A browser shows a feed as raw XML; browsers' XSLT is being removed (Chromium
warns and drops it), so each feed names a CSS stylesheet instead
(`<?xml-stylesheet type="text/css"?>`, which every browser still applies to
XML): the feed's title, a line on what it is for and where the explanation
is, then each entry's title, date and summary. A feed reader ignores both. The
summaries are plain text, so the page shows words, not escaped tags."""

import re

from feedgenerator import Atom1Feed
from pelican import signals
from pelican.generators import Generator

from klucz.strict_build import Setting, declare
from klucz.typography import plain_text

SETTINGS = declare(
    Setting("FEEDS_FOLLOW_URL", "obserwuj/", "The page that explains following the site; None: no page.", kind=str),
    Setting("FEEDS_STYLESHEET", "theme/css/kanal.css",
            "The stylesheet (in the output) a browser shows a feed with; None: none.", kind=str),
)
setting = SETTINGS.get
DECLARATION = re.compile(rb"^<\?xml[^>]*\?>")


class FollowPageGenerator(Generator):
    """Writes the page about following from the template `follow`."""

    def generate_output(self, writer):
        url = setting(self.settings, "FEEDS_FOLLOW_URL")
        if url:
            writer.write_file(url + "index.html", self.get_template("follow"), self.context, follow_url=url)


def add_generator(pelican):
    return FollowPageGenerator


def add_to_context(generator):
    """generator_init: where the page about following is (`follow_page_url`)."""
    generator.context["follow_page_url"] = setting(generator.settings, "FEEDS_FOLLOW_URL")


def plain_summaries(context, feed):
    """feed_generated: an Atom entry's summary as plain text (the full text
    stays in its content, for readers)."""
    if not isinstance(feed, Atom1Feed):
        return
    for item in feed.items:
        if item.get("description"):
            item["description"] = plain_text(item["description"])


def add_stylesheet(path, context, feed):
    """feed_written: the stylesheet a browser shows the feed with, right
    after the XML declaration."""
    sheet = setting(context, "FEEDS_STYLESHEET")  # the context carries the settings
    if not sheet:
        return
    origin = context.get("FEED_DOMAIN") or context.get("SITEURL") or ""
    instruction = f'<?xml-stylesheet type="text/css" href="{origin}/{sheet}"?>'.encode()
    with open(path, "rb") as f:
        data = f.read()
    match = DECLARATION.match(data)
    at = match.end() if match else 0
    with open(path, "wb") as f:
        f.write(data[:at] + b"\n" + instruction + data[at:])


def register():
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_to_context)
    signals.feed_generated.connect(plain_summaries)
    signals.feed_written.connect(add_stylesheet)
