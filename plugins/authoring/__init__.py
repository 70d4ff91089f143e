"""Authoring for staff: files saved on Windows read right, drafts and scheduled
posts kept off the public site (and marked in the preview), and content checks
that name the file, the line and the field. The same checks run in `make
check`, `make html` and `make publish`."""

from pelican import signals

from .checks import check_site, drop_duplicates, drop_missing_static, reset, tidy_other_readers
from .encoding import use_tolerant_reader
from .fields import FIELDS  # noqa: F401
from .schedule import SETTINGS, preview_pages, schedule_articles  # noqa: F401 (SETTINGS: declared)


def register():
    reset()
    signals.readers_init.connect(use_tolerant_reader)
    signals.content_object_init.connect(tidy_other_readers)
    signals.article_generator_pretaxonomy.connect(drop_duplicates)
    signals.article_generator_pretaxonomy.connect(schedule_articles)
    signals.page_generator_finalized.connect(drop_duplicates)
    signals.page_generator_finalized.connect(preview_pages)
    signals.static_generator_finalized.connect(drop_missing_static)
    signals.all_generators_finalized.connect(check_site)
