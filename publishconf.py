"""Settings of the live site (`make publish`): pelicanconf.py plus absolute URLs.

The address comes from the SITEURL environment variable, so moving the site to
another domain needs no code change: `make publish SITEURL=https://...`.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = (os.environ.get("SITEURL") or "https://klucz.instytutsprawobywatelskich.pl").rstrip("/")
SITE_ORIGIN = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

SEO_ALLOW_INDEXING = True

# Trainings' calendar change numbers (SEQUENCE) continue from the live site's
# last release: the site's address; the events plugin adds its file's name.
EVENTS_PREVIOUS_RELEASE = SITEURL + "/"

# Payment details still marked as examples fail the live build.
DONATIONS_REFUSE_EXAMPLE_DATA = True

# Drafts and scheduled posts are not written at all on the live site.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
AUTHORING_PREVIEW = False

# The live site is always built from scratch.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
RENDER_CACHE_PAGES = False
STATIC_CREATE_LINKS = False

# The live site always has the staff's editor at /admin/, saving to the git
# host only (never to a local proxy).
CMS_REQUIRED = True
# Share pictures for Open Graph and Twitter cards.
SHARE_IMAGES_ENABLED = True
CMS_EDITORIAL_WORKFLOW = True
CMS_LOCAL_BACKEND = False
