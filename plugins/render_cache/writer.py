"""Pelican's writer (a subclass handed over through `get_writer`, overriding the
public `write_file` only): a page whose inputs did not change since the last
build is hard-linked from the last good site instead of rendered again; two
pages for one address and a page that fails to render are reported in Polish,
naming the post."""

import hashlib
import os

import jinja2
from jinja2 import meta, nodes
from pelican import signals
from pelican.contents import Content
from pelican.writers import Writer

from klucz.strict_build import PageFailed, Problem, Reported, field_line, link_or_copy, relative_path, report

from .signature import digest_of, text_digest

STATE = {}  # "manifest" (output.Manifest) and "recording" (files of the call being rendered)


def own_posts(kwargs):
    """The posts a page is about (an article's or page's own page)."""
    return [value for value in kwargs.values() if isinstance(value, Content)]


def listed_posts(kwargs, paginated):
    """Posts a list page lists (what it paginates, or its own lists; not the
    list of every post that Pelican hands to archives for navigation): such a
    page may show their whole text, so it follows their texts."""
    found = {}
    lists = list((paginated or {}).values())
    lists += [v for k, v in kwargs.items() if k != "all_articles"]
    for value in lists:
        if isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, Content):
                    found[item.source_path] = item
    return [found[k] for k in sorted(found)]


SHOWS_TEXT = {}  # template name -> bool, for one build (every generator has its environment, one theme)
# (template name, Jinja's version, digest of its source) -> (shows a post's text itself, the
# templates it names): read with Jinja's parser once, then kept while the
# process runs (the preview's builder builds again on every save) and with the
# list of what a build wrote (output.Manifest), so the next build need not
# parse the templates again; an edited template is a new key.
TEMPLATE_FACTS = {}

TEXT_ATTRIBUTES = frozenset({"content", "get_content"})


def shows_text(template):
    """Can this template (with what it extends, includes and imports) show a
    post's whole text? Read from the templates themselves with Jinja's public
    parser: any `x.content`. List pages whose templates cannot need not follow
    the texts of the posts they list. (A Python filter that prints a post's
    text would not be seen: the theme's filters print titles and summaries.)"""
    environment, name = getattr(template, "environment", None), getattr(template, "name", None)
    if environment is None or name is None:
        return True
    return _template_shows_text(environment, name, set())


def _facts(environment, name):
    source = environment.loader.get_source(environment, name)[0]
    digest = hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    key = (name, jinja2.__version__, digest)
    if key not in TEMPLATE_FACTS:
        tree = environment.parse(source, name)
        own = any(node.attr in TEXT_ATTRIBUTES for node in tree.find_all(nodes.Getattr)) or any(
            isinstance(node.arg, nodes.Const) and node.arg.value in TEXT_ATTRIBUTES
            for node in tree.find_all(nodes.Getitem))
        TEMPLATE_FACTS[key] = (own, tuple(meta.find_referenced_templates(tree)))
    return TEMPLATE_FACTS[key]


def _template_shows_text(environment, name, seen):
    if name in SHOWS_TEXT:
        return SHOWS_TEXT[name]
    if name in seen:
        return False
    seen.add(name)
    try:
        own, others = _facts(environment, name)
    except Exception:  # unknown: assume it may
        own, others = True, ()
    found = own or any(other is None or _template_shows_text(environment, other, seen) for other in others)
    SHOWS_TEXT[name] = found
    return found


class CachingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings)
        self.claimed = {}  # address -> (posts, template) of the page written there

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        if name and not override_output and self.address_taken(name, template, kwargs):
            return None  # reported; the build fails at the end
        manifest = STATE.get("manifest")
        key = None
        if manifest is not None and name:
            posts = own_posts(kwargs) or (listed_posts(kwargs, paginated) if shows_text(template) else [])
            # The rest of what the page is given follows from the site
            # signature (every post's title, date, tags…, the settings) and
            # its address.
            key = digest_of(
                name,
                getattr(template, "name", repr(template)),
                relative_urls,
                template_name,
                override_output,
                url,
                sorted(kwargs),
                sorted(paginated or {}),
                [(p.source_path, text_digest(p)) for p in posts],
            )
            reused = manifest.reusable(key)
            if reused is not None:
                self.reuse(reused, manifest, kwargs)
                manifest.calls[key] = reused
                return None
        written = STATE["recording"] = []
        try:
            path = os.path.join(self.output_path, name) if name else None
            if path and os.path.isfile(path) and os.stat(path).st_nlink > 1:
                os.remove(path)  # a page reused from the last site: never write through the link
            super().write_file(
                name, template, context, relative_urls, paginated, template_name, override_output, url, **kwargs
            )
        except (PageFailed, Reported):
            raise
        except Exception as error:  # one line naming the post, not a traceback
            posts = own_posts(kwargs)
            source = relative_path(posts[0], self.settings) if posts else None
            raise PageFailed(source, name, getattr(template, "name", None), error) from error
        finally:
            STATE.pop("recording", None)
        if key is not None:
            manifest.calls[key] = written
        return None

    def reuse(self, paths, manifest, kwargs):
        """The files of an unchanged page, linked from the last good site, and
        announced to the plugins that list pages (the sitemap)."""
        for relative in paths:
            source = os.path.join(manifest.previous_folder, relative)
            target = os.path.join(self.output_path, relative)
            link_or_copy(source, target)  # never writes through a link into the last site
            signals.content_written.send(target, context={**kwargs, "output_file": relative, "page_reused": True})

    def address_taken(self, name, template, kwargs):
        """Two pages for one address (a post whose title or Slug gives the
        address of a section, a tag, an archive or a page): report it naming
        the post, instead of Pelican's FileOverwriteFailedError."""
        posts = own_posts(kwargs)
        what = (posts, getattr(template, "name", ""))
        earlier = self.claimed.setdefault(os.path.normpath(name), what)
        if earlier is what:
            return False
        post = (posts or earlier[0] or [None])[0]
        other = earlier if posts else what
        shown = "/" + os.path.dirname(name).replace(os.sep, "/") + "/"
        if post is None:
            raise PageFailed(None, name, what[1], RuntimeError(f"dwie strony pod adresem {shown}"))
        field = "Slug" if field_line(post.source_path, "Slug") else "Title"
        report(
            Problem(
                path=relative_path(post, self.settings),
                field=field,
                message=f"adres {shown} należy już do {_describe(other)}",
                hint="wpisz w wierszu Slug: inny adres"
                if field == "Slug"
                else "zmień tytuł albo dodaj w nagłówku wiersz Slug: inny-adres",
                line=field_line(post.source_path, field) or 1,
            )
        )
        return True


def record_written(path, context=None):
    """content_written: the files of the call being rendered."""
    recording = STATE.get("recording")
    if recording is not None and not (context or {}).get("page_reused"):
        manifest = STATE.get("manifest")
        if manifest is not None:
            recording.append(os.path.relpath(path, manifest.output))


_PAGES = {
    "category.html": "listy wpisów działu",
    "tag.html": "strony tagu",
    "tags.html": "listy tagów",
    "index.html": "strony głównej",
    "archives.html": "archiwum",
    "period_archives.html": "archiwum",
    "trainings.html": "listy szkoleń",
    "trainings_month.html": "kalendarza szkoleń",
}


def _describe(call):
    """What a page is, in staff's words: 'strony „O nas”', 'listy wpisów działu'."""
    posts, template = call
    if posts:
        return f"strony „{posts[0].title}” ({posts[0].relative_source_path})"
    return _PAGES.get(template, f"strony z szablonu {template}")
