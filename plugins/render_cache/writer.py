"""Pelican's writer, skipping pages whose inputs did not change (signature.py)."""

import os

from build_clock import build_now
from pelican import signals
from pelican.contents import Content
from pelican.writers import FileOverwriteFailedError, Writer
from strict_build import PageFailed, Problem, Reported, field_line, relative_path, report

from .background import Background, DeferredFile
from .parallel import PARALLEL_MINIMUM, render_all
from .reads import tracking
from .signature import all_contents, digest_of, site_signature, text_digest

STATE = {}


def own_posts(kwargs):
    """The posts a page is about (an article's or page's own page)."""
    return [value for value in kwargs.values() if isinstance(value, Content)]


def own_texts(kwargs):
    return sorted((post.source_path, text_digest(post)) for post in own_posts(kwargs))


def compute_signature(pelican):
    """get_writer (once per build, after Pelican has put the final links into
    summaries and fields): the site signature the page keys build on."""
    output, context = STATE.get("output"), STATE.get("context")
    if output is None or context is None or not output.pages:
        return
    today = build_now(output.settings).date()
    output.signature, output.summaries = site_signature(
        context, output.settings, today, output.previous.get("summaries", {})
    )
    output.contents = {c.source_path: c for c in all_contents(context)}


class CachingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        self.claimed = {}  # address -> (posts, template) of the page written there

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
        if name and not override_output and self.address_taken(name, template, kwargs):
            return None  # reported; the build fails at the end
        output = STATE.get("output")
        call = {"name": name, "template": template, "context": context, "relative_urls": relative_urls,
                "paginated": paginated, "template_name": template_name,
                "override_output": override_output, "url": url, "kwargs": kwargs, "key": None}
        if not name or output is None:
            self.render_now(call)
            return None
        if output.pages:
            call["key"] = digest_of(name, getattr(template, "name", repr(template)), relative_urls,
                                    paginated, template_name, override_output, url, own_texts(kwargs), kwargs)
            reused = output.reusable(call["key"])
            if reused is not None:
                output.keep(call["key"], reused)
                self.announce(call, reused)
                return None
        if "deferred" in STATE:
            STATE["deferred"].append(call)  # rendered by flush(), in two processes
            return None
        self.render_now(call)
        return None

    def render_now(self, call):
        """Pelican's write_file; returns (files written, relative; the other
        posts whose text the page shows, with the digest of that text)."""
        before = set(self._written_files)
        try:
            with tracking() as read:
                super().write_file(call["name"], call["template"], call["context"], call["relative_urls"],
                                   call["paginated"], call["template_name"], call["override_output"], call["url"],
                                   **call["kwargs"])
        except (PageFailed, Reported):
            raise
        except Exception as error:  # one line naming the post, not a traceback
            posts = own_posts(call["kwargs"])
            source = relative_path(posts[0], self.settings) if posts else None
            raise PageFailed(source, call["name"], getattr(call["template"], "name", None), error) from error
        written = sorted(os.path.relpath(p, self.output_path) for p in self._written_files - before)
        own = {post.source_path for post in own_posts(call["kwargs"])}
        shown = sorted({(c.source_path, text_digest(c)) for c in read if c.source_path not in own})
        output = STATE.get("output")
        if output is not None and call["key"] is not None:
            output.record(call["key"], written, shown)
        return written, shown

    def address_taken(self, name, template, kwargs):
        """Two pages for one address (a post whose title or Slug gives the
        address of a section, a tag, an archive or a page): report it naming
        the post, instead of Pelican's FileOverwriteFailedError."""
        claimed = self.claimed
        posts = own_posts(kwargs)
        what = (posts, getattr(template, "name", ""))
        earlier = claimed.setdefault(os.path.normpath(name), what)
        if earlier is what:
            return False
        post = (posts or earlier[0] or [None])[0]
        other = earlier if posts else what
        shown = "/" + os.path.dirname(name).replace(os.sep, "/") + "/"
        if post is None:
            raise PageFailed(None, name, what[1], RuntimeError(f"dwie strony pod adresem {shown}"))
        field = "Slug" if field_line(post.source_path, "Slug") else "Title"
        report(Problem(
            path=relative_path(post, self.settings),
            field=field,
            message=f"adres {shown} należy już do {_describe(other)}",
            hint="wpisz w wierszu Slug: inny adres" if field == "Slug"
            else "zmień tytuł albo dodaj w nagłówku wiersz Slug: inny-adres",
            line=field_line(post.source_path, field) or 1,
        ))
        return True

    def announce(self, call, paths):
        """Files this process did not write now (reused from the last build,
        or written by the second process): noted as written, and announced to
        the plugins that list pages (the sitemap). Nothing is left to do to
        the files themselves (page_reused)."""
        for relative in paths:
            path = os.path.join(self.output_path, relative)
            self._written_files.add(path)
            signals.content_written.send(path, context={**call["kwargs"], "output_file": relative, "page_reused": True})

    def take_over(self, call, paths, shown):
        """What the second process rendered for a call, as if done here."""
        output = STATE.get("output")
        if output is not None and call["key"] is not None:
            output.record(call["key"], paths, shown)
        self.announce(call, paths)

    def flush(self):
        calls = STATE.pop("deferred", None)
        if calls:
            minimum = self.settings.get("RENDER_CACHE_PARALLEL_MINIMUM", PARALLEL_MINIMUM)
            render_all(self, calls, STATE.get("processes", 1), minimum)

    def restart_background(self):
        """In the second process: its own writing thread (threads are not forked)."""
        if STATE.get("background") is not None:
            STATE["background"] = Background()

    def drain_background(self):
        background = STATE.get("background")
        if background is not None:
            background.drain()


_PAGES = {
    "category.html": "listy wpisów działu", "tag.html": "strony tagu", "tags.html": "listy tagów",
    "index.html": "strony głównej", "archives.html": "archiwum", "period_archives.html": "archiwum",
    "trainings.html": "listy szkoleń", "trainings_month.html": "kalendarza szkoleń",
}


def _describe(call):
    """What a page is, in staff's words: 'strony „O nas”', 'listy wpisów działu'."""
    posts, template = call
    if posts:
        return f"strony „{posts[0].title}” ({posts[0].relative_source_path})"
    return _PAGES.get(template, f"strony z szablonu {template}")


def get_writer(pelican):
    compute_signature(pelican)
    return CachingWriter
