"""Pelican's writer, skipping pages whose inputs did not change (signature.py)."""

import os

from pelican import signals
from pelican.contents import Content
from pelican.writers import FileOverwriteFailedError, Writer

from .background import DeferredFile

from .signature import digest_of, site_signature, text_digest

STATE = {}


def own_texts(kwargs):
    """The texts of the posts a page is about (an article's or page's own page)."""
    return sorted(
        (value.source_path, text_digest(value)) for value in kwargs.values() if isinstance(value, Content)
    )


class CachingWriter(Writer):
    def _open_w(self, filename, encoding, override=False):
        background = STATE.get("background")
        if background is None or encoding.lower().replace("-", "") != "utf8":
            return super()._open_w(filename, encoding, override)
        # Pelican's bookkeeping (no page written twice), then a file in memory.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time (was previously overwritten)')
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it previously '
                "(set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return DeferredFile(filename, background)

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        output = STATE.get("output")
        if not name or output is None or not output.pages:
            return super().write_file(name, template, context, relative_urls, paginated,
                                      template_name, override_output, url, **kwargs)
        if output.signature is None:
            today = STATE["today"]
            output.signature, output.summaries = site_signature(
                context, self.settings, today, output.previous.get("summaries", {})
            )
        key = digest_of(name, getattr(template, "name", repr(template)), relative_urls, paginated,
                        template_name, override_output, url, own_texts(kwargs), kwargs)
        reused = output.reusable(key)
        if reused is not None:
            output.keep(key, reused)
            for relative in reused:
                path = os.path.join(self.output_path, relative)
                self._written_files.add(path)
                # The page is in the output folder as it was; plugins that
                # list pages (the sitemap) still hear of it.
                signals.content_written.send(path, context={**kwargs, "output_file": relative, "page_reused": True})
            return
        before = set(self._written_files)
        super().write_file(name, template, context, relative_urls, paginated,
                           template_name, override_output, url, **kwargs)
        written = sorted(os.path.relpath(p, self.output_path) for p in self._written_files - before)
        output.record(key, written)


def get_writer(pelican):
    return CachingWriter
