"""Render and write only what changed.

- `{% cache key %}…{% endcache %}`: template pieces shared by many pages (a
  post's card) are rendered once per build (fragments.py).
- With RENDER_CACHE_PAGES on (development), a page whose inputs did not change
  since the last build is hard-linked from the last good site instead of
  rendered again (signature.py, writer.py): what a page is made from is the
  theme, every Python file of the project, Python and the installed packages,
  the settings, what every post says about itself but its text, today's date,
  and the texts of the posts the page is about or lists.
- Every post's address is worked out once (freeze_urls).
"""

from pelican import signals
from pelican.contents import Static

from klucz.build_clock import build_now
from klucz.strict_build import previous_output

from . import signature, writer
from .fragments import add_extension, clear
from .output import Manifest
from .settings import SETTINGS, setting  # noqa: F401 (SETTINGS: the declared settings)
from .signature import all_contents, code_digest, site_signature
from .writer import STATE, CachingWriter, record_written


def start(pelican):
    """initialized: the list of what the last build wrote, if pages may be reused."""
    STATE.clear()
    signature.TEXTS.clear()
    writer.SHOWS_TEXT.clear()
    settings = pelican.settings
    if settings.get("CACHE_CONTENT") or setting(settings, "RENDER_CACHE_PAGES"):  # compiled templates kept
        STATE["code_digest"] = code_digest(settings)
    if setting(settings, "RENDER_CACHE_PAGES") and previous_output(settings):
        manifest = Manifest(settings)
        manifest.load()
        STATE["manifest"] = manifest


def freeze_urls(generators):
    """all_generators_finalized: every post's address is final now; Pelican
    would work it out again from the URL pattern each time a page links to it
    (thousands of times). Pelican's own override_url keeps it. (Not
    override_save_as: Pelican takes that as a Save_as: field and lets such a
    page overwrite another's file, so two pages for one address would go
    unreported.)"""
    if not generators:
        return
    STATE["context"] = generators[0].context
    for item in all_contents(generators[0].context):
        if not isinstance(item, Static):
            item.override_url = item.url


def get_writer(pelican):
    """get_writer (after every generator has its context): the site signature,
    then the writer that reuses unchanged pages."""
    manifest, context = STATE.get("manifest"), STATE.get("context")
    if manifest is not None and context is not None:
        today = build_now(pelican.settings).date()
        manifest.signature, manifest.summaries = site_signature(
            context, pelican.settings, today, manifest.previous.get("summaries", {}), STATE.get("code_digest"))
    return CachingWriter


def save(pelican):
    """finalized: what this build wrote, for the next one (valid only once this
    build has become the output)."""
    manifest = STATE.get("manifest")
    if manifest is not None:
        manifest.save()


def register():
    signals.initialized.connect(start)
    signals.initialized.connect(clear)
    signals.generator_init.connect(add_extension)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.get_writer.connect(get_writer)
    signals.content_written.connect(record_written)
    signals.finalized.connect(save)
    signals.finalized.connect(clear)

