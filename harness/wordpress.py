"""Exports the import tests make: WXR files shaped as WordPress 6 writes them
(channel, authors, terms, items with postmeta and comments), and an uploads
folder with real pictures."""

import html
from pathlib import Path

import phpserialize
from PIL import Image

SITE = "https://klucz.org.pl"


def cdata(text):
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def php(value):
    return phpserialize.dumps(value).decode("utf-8")


class Wxr:
    def __init__(self, site=SITE, title="Centrum KLUCZ"):
        self.site, self.title, self.items = site, title, []

    def link(self, kind, ident, name, date, status, parent_path=""):
        if status != "publish":
            return f"{self.site}/?p={ident}" if kind != "page" else f"{self.site}/?page_id={ident}"
        if kind == "page":
            return f"{self.site}{parent_path}/{name}/"
        if kind == "tribe_events":
            return f"{self.site}/wydarzenie/{name}/"
        if kind == "post":
            return f"{self.site}/{date[:4]}/{date[5:7]}/{date[8:10]}/{name}/"
        return f"{self.site}/?post_type={kind}&p={ident}"

    def item(self, ident, kind="post", title="", name="", status="publish", date="2016-06-20 09:00:00",
             content="", excerpt="", terms=(), meta=None, parent=0, link=None, attachment_url="", comments=0,
             gmt=None, password="", parent_path=""):
        link = link or self.link(kind, ident, name, date, status, parent_path)
        if gmt is None:
            gmt = "0000-00-00 00:00:00" if status in ("draft", "pending", "auto-draft") else _utc(date)
        parts = [
            "\t<item>",
            f"\t\t<title>{html.escape(title)}</title>",
            f"\t\t<link>{html.escape(link)}</link>",
            "\t\t<pubDate>Mon, 20 Jun 2016 07:00:00 +0000</pubDate>",
            f"\t\t<dc:creator>{cdata('redakcja')}</dc:creator>",
            f'\t\t<guid isPermaLink="false">{self.site}/?p={ident}</guid>',
            "\t\t<description></description>",
            f"\t\t<content:encoded>{cdata(content)}</content:encoded>",
            f"\t\t<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>",
            f"\t\t<wp:post_id>{ident}</wp:post_id>",
            f"\t\t<wp:post_date>{cdata(date)}</wp:post_date>",
            f"\t\t<wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>",
            f"\t\t<wp:post_modified>{cdata(date)}</wp:post_modified>",
            f"\t\t<wp:post_modified_gmt>{cdata(gmt)}</wp:post_modified_gmt>",
            f"\t\t<wp:comment_status>{cdata('open')}</wp:comment_status>",
            f"\t\t<wp:ping_status>{cdata('closed')}</wp:ping_status>",
            f"\t\t<wp:post_name>{cdata(name)}</wp:post_name>",
            f"\t\t<wp:status>{cdata(status)}</wp:status>",
            f"\t\t<wp:post_parent>{parent}</wp:post_parent>",
            "\t\t<wp:menu_order>0</wp:menu_order>",
            f"\t\t<wp:post_type>{cdata(kind)}</wp:post_type>",
            f"\t\t<wp:post_password>{cdata(password)}</wp:post_password>",
            "\t\t<wp:is_sticky>0</wp:is_sticky>",
        ]
        if attachment_url:
            parts.append(f"\t\t<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>")
        for domain, nice, label in terms:
            parts.append(f'\t\t<category domain="{domain}" nicename="{nice}">{cdata(label)}</category>')
        for key, values in (meta or {}).items():
            for value in values if isinstance(values, list) else [values]:
                parts.append(f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n"
                             f"\t\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>")
        for number in range(comments):
            parts.append(f"\t\t<wp:comment>\n\t\t\t<wp:comment_id>{ident * 100 + number}</wp:comment_id>\n"
                         f"\t\t\t<wp:comment_author>{cdata('Czytelnik')}</wp:comment_author>\n"
                         f"\t\t\t<wp:comment_content>{cdata('Dziękuję!')}</wp:comment_content>\n"
                         "\t\t\t<wp:comment_approved>1</wp:comment_approved>\n"
                         f"\t\t\t<wp:comment_type>{cdata('comment')}</wp:comment_type>\n\t\t</wp:comment>")
        parts.append("\t</item>")
        self.items.append("\n".join(parts))
        return self

    def picture(self, ident, path, alt="", caption="", parent=0, sizes=((300, 200), (1024, 683))):
        """An attachment as WordPress keeps it: the file, its sizes (PHP-serialised), alt and caption."""
        folder, name = path.rsplit("/", 1)
        stem, ext = name.rsplit(".", 1)
        metadata = {"width": 2000, "height": 1333, "file": path,
                    "sizes": {f"s{w}": {"file": f"{stem}-{w}x{h}.{ext}", "width": w, "height": h,
                                        "mime-type": "image/jpeg"} for w, h in sizes}}
        meta = {"_wp_attached_file": path, "_wp_attachment_metadata": php(metadata)}
        if alt:
            meta["_wp_attachment_image_alt"] = alt
        return self.item(ident, "attachment", title=stem, name=stem, status="inherit", excerpt=caption,
                         parent=parent, link=f"{self.site}/?attachment_id={ident}",
                         attachment_url=f"{self.site}/wp-content/uploads/{path}", meta=meta, gmt="2016-06-20 07:00:00")

    def text(self):
        head = f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>{html.escape(self.title)}</title>
\t<link>{self.site}</link>
\t<description>Ośrodek Wsparcia Ekonomii Społecznej</description>
\t<pubDate>Fri, 04 Dec 2026 10:00:00 +0000</pubDate>
\t<language>pl-PL</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>{self.site}</wp:base_site_url>
\t<wp:base_blog_url>{self.site}</wp:base_blog_url>
\t<wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata('redakcja')}</wp:author_login></wp:author>
\t<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>{cdata('aktualnosci')}</wp:category_nicename>
\t\t<wp:category_parent>{cdata('')}</wp:category_parent><wp:cat_name>{cdata('Aktualności')}</wp:cat_name></wp:category>
\t<generator>https://wordpress.org/?v=6.7.1</generator>
"""
        return head + "\n".join(self.items) + "\n</channel>\n</rss>\n"

    def write(self, path):
        Path(path).write_text(self.text(), encoding="utf-8")
        return Path(path)


def big_export(path, posts=100, revisions=5000):
    """A 50 MB export as big ones are: a few posts and many revisions (about 10 kB each)."""
    wxr = Wxr()
    for ident in range(1, posts + 1):
        wxr.item(ident, title=f"Wpis {ident}", name=f"wpis-{ident}", content=f"<p>Treść wpisu {ident}.</p>")
    padding = "<p>" + "Stara wersja akapitu o ekonomii społecznej. " * 230 + "</p>"
    for ident in range(1000, 1000 + revisions):
        wxr.item(ident, "revision", title="Wersja", name=f"{ident}-revision-v1", status="inherit",
                 content=padding, link=f"{SITE}/?p={ident}")
    return wxr.write(path)


def _utc(local):
    """Warsaw local time as UTC, good enough for the tests' dates (CET/CEST by month)."""
    import datetime as dt
    import zoneinfo

    when = dt.datetime.fromisoformat(local).replace(tzinfo=zoneinfo.ZoneInfo("Europe/Warsaw"))
    return when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def uploads(folder, files):
    """An uploads folder: {"2016/06/sala.jpg": (width, height)} as real JPEGs
    (colour bands, so each differs), other names as small files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for number, (relative, size) in enumerate(files.items()):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if relative.lower().endswith((".jpg", ".jpeg", ".png")):
            picture = Image.new("RGB", size, (40 + number * 30 % 200, 90, 160))
            picture.save(path, "JPEG" if relative.lower().endswith((".jpg", ".jpeg")) else "PNG", quality=80)
        else:
            path.write_bytes(b"%PDF-1.4\n% test\n" * (size[0] if size else 1))
    return folder
