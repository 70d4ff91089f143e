"""Write sitemap.xml and robots.txt once the whole site is written."""

import os
from xml.sax.saxutils import escape

from pelican import signals

from klucz.cms import editor_folder
from klucz.strict_build import Setting, declare

SETTINGS = declare(
    Setting("SEO_SITEMAP", True, "Write sitemap.xml."),
    Setting("SEO_ROBOTS", True, "Write robots.txt."),
    Setting("SEO_ALLOW_INDEXING", True, "robots.txt allows crawlers (False: asks them to stay away)."),
)
setting = SETTINGS.get

_EXCLUDED_FILES = {"404.html"}


def excluded_folders(settings):
    """Folders whose pages are never listed: draft previews (Pelican's
    DRAFT_SAVE_AS, DRAFT_PAGE_SAVE_AS), the theme's files and the web editor
    (the cms plugin's folder)."""
    folders = {settings.get("THEME_STATIC_DIR", "theme"), editor_folder(settings)}
    for name in ("DRAFT_SAVE_AS", "DRAFT_PAGE_SAVE_AS"):
        pattern = settings.get(name) or ""
        if "/" in pattern.split("{", 1)[0]:
            folders.add(pattern.split("{", 1)[0].rsplit("/", 1)[0])
    return tuple(sorted(f.strip("/") + "/" for f in folders if f.strip("/")))

_lastmod = {}
_written = []


def collect_dates(generators):
    """Remember each content page's last change, keyed by its output path."""
    _lastmod.clear()
    for generator in generators:
        for attr in ("articles", "pages", "hidden_pages"):
            for item in getattr(generator, attr, []):
                when = getattr(item, "modified", None) or getattr(item, "date", None)
                if when is not None:
                    _lastmod[item.save_as] = when


def start(pelican):
    _written.clear()


def remember_page(path, context=None):
    """content_written: every HTML page Pelican or a plugin writes."""
    if path.endswith(".html"):
        noindex = context and context.get("page") is not None and getattr(context["page"], "template", "") == "404"
        _written.append((path, bool(noindex)))


def write_files(pelican):
    settings = pelican.settings
    output = pelican.output_path
    origin = settings.get("SITE_ORIGIN") or settings.get("SITEURL", "")
    origin = origin.rstrip("/")
    if setting(settings, "SEO_SITEMAP"):
        _write_sitemap(output, origin, excluded_folders(settings))
    if setting(settings, "SEO_ROBOTS"):
        allow = setting(settings, "SEO_ALLOW_INDEXING")
        rules = "Allow: /" if allow else "Disallow: /"
        with open(os.path.join(output, "robots.txt"), "w", encoding="utf-8") as f:
            f.write(f"User-agent: *\n{rules}\n\nSitemap: {origin}/sitemap.xml\n")


def _write_sitemap(output, origin, excluded):
    entries = []
    for full, noindex in _written:
        path = os.path.relpath(full, output).replace(os.sep, "/")
        if noindex or path in _EXCLUDED_FILES or path.startswith(excluded):
            continue
        url = path[: -len("index.html")] if path.endswith("index.html") else path
        entries.append((url, _lastmod.get(path)))
    entries = sorted(set(entries), key=lambda e: e[0])
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url, when in entries:
        lines.append(f"  <url><loc>{escape(origin + '/' + url)}</loc>")
        if when is not None:
            lines.append(f"    <lastmod>{when.isoformat(timespec='seconds')}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>\n")
    with open(os.path.join(output, "sitemap.xml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def register():
    signals.initialized.connect(start)
    signals.content_written.connect(remember_page)
    signals.all_generators_finalized.connect(collect_dates)
    signals.finalized.connect(write_files)
