"""sitemap.xml listing every HTML page of the built site, and robots.txt.

Every page written through Pelican's writer is listed, so pages that other
plugins add (training calendars, month grids) are listed too; lastmod comes
from the content, never from the build clock, so builds stay reproducible.
"""

from .sitemap import SETTINGS, register  # noqa: F401
