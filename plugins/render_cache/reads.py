"""Which posts' texts a page shows.

A page is rendered again when its own post's text changes; list pages show
what posts say about themselves (title, date, summary), which the site
signature covers. A template may still show another post's whole text (a home
page with the latest post in full): every read of a post's text while a page
(or a cached piece of one) is rendered is noted, and the page is rendered
again when one of those texts changes."""

import contextlib

from pelican.contents import Content

_stack = []  # one set per page or {% cache %} piece being rendered


def _install():
    if getattr(Content.get_content, "_render_cache_tracked", False):
        return
    original = Content.__dict__["get_content"]  # Pelican's memoized method

    def get_content(self, siteurl):
        if _stack:
            _stack[-1].add(self)
        return original.__get__(self, type(self))(siteurl)

    get_content._render_cache_tracked = True
    Content.get_content = get_content


_install()


@contextlib.contextmanager
def tracking():
    """Collect the posts whose text is read inside the block."""
    seen = set()
    _stack.append(seen)
    try:
        yield seen
    finally:
        _stack.pop()
        if _stack:
            _stack[-1].update(seen)


def note(contents):
    """A cached piece reused: the texts it showed count for this page too."""
    if _stack:
        _stack[-1].update(contents)
