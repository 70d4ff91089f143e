"""Reading a WordPress export (WXR) as a stream: one item at a time, the tree
cleared behind it, so a 50 MB export never sits in memory as XML. A broken
file is read as far as libxml2's recovery can take it; the faults are kept
with their line and column for the report."""

from dataclasses import dataclass, field

from lxml import etree


@dataclass
class Item:
    """One <item> of the export: a post, page, event, attachment, venue…"""

    id: int = 0
    type: str = ""
    status: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    name: str = ""  # the slug (post_name), possibly percent-encoded
    date: str = ""  # post_date, the old site's local time
    date_gmt: str = ""
    modified: str = ""
    modified_gmt: str = ""
    content: str = ""
    excerpt: str = ""
    parent: int = 0
    password: str = ""
    attachment_url: str = ""
    # (domain, nicename, name): category, post_tag, tribe_events_cat, nav_menu…
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # key -> [values]
    comments: int = 0
    line: int = 0  # where the item starts in the export

    def first(self, key, default=""):
        values = self.meta.get(key)
        return values[0] if values else default


@dataclass
class Export:
    """What the channel says about the old site, and the faults met."""

    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    version: str = ""
    faults: list = field(default_factory=list)  # (line, column, message)
    is_wxr: bool = False


def _local(tag):
    """'{http://wordpress.org/export/1.2/}post_id' and 'wp:post_id' -> 'post_id'."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _prefix(tag):
    """'wp', 'content', 'excerpt', 'dc' or '' for an element's tag."""
    if not isinstance(tag, str):
        return ""
    if tag.startswith("{"):
        uri = tag[1:].split("}", 1)[0]
        if uri.startswith("http://wordpress.org/export/") and "excerpt" in uri:
            return "excerpt"
        if uri.startswith("http://wordpress.org/export/"):
            return "wp"
        if "purl.org/rss/1.0/modules/content" in uri:
            return "content"
        if "purl.org/dc/" in uri:
            return "dc"
        return uri
    return tag.split(":", 1)[0] if ":" in tag else ""


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _raw(element):
    return element.text or "" if element is not None else ""


def _int(value):
    try:
        return int(str(value).strip())
    except ValueError:
        return 0


# <wp:name> -> (Item attribute, how its text is read)
_WP_FIELDS = {
    "post_id": ("id", lambda e: _int(e.text)),
    "post_type": ("type", _text),
    "status": ("status", _text),
    "post_name": ("name", _text),
    "post_date": ("date", _text),
    "post_date_gmt": ("date_gmt", _text),
    "post_modified": ("modified", _text),
    "post_modified_gmt": ("modified_gmt", _text),
    "post_parent": ("parent", lambda e: _int(e.text)),
    "post_password": ("password", _text),
    "attachment_url": ("attachment_url", _text),
}


def _item(element):
    item = Item(line=element.sourceline or 0)
    for child in element:
        name, prefix = _local(child.tag), _prefix(child.tag)
        if prefix == "content" and name == "encoded":
            item.content = _raw(child)
        elif prefix == "excerpt" and name == "encoded":
            item.excerpt = _raw(child)
        elif name == "title" and not prefix:
            item.title = _text(child)
        elif name == "link" and not prefix:
            item.link = _text(child)
        elif name == "guid":
            item.guid = _text(child)
        elif name == "category" and not prefix:
            item.terms.append((child.get("domain") or "", child.get("nicename") or "", _text(child)))
        elif prefix == "wp" and name in _WP_FIELDS:
            attribute, read = _WP_FIELDS[name]
            setattr(item, attribute, read(child))
        elif prefix == "wp":
            if name == "postmeta":
                key = value = None
                for part in child:
                    if _local(part.tag) == "meta_key":
                        key = _text(part)
                    elif _local(part.tag) == "meta_value":
                        value = _raw(part)
                if key:
                    item.meta.setdefault(key, []).append(value or "")
            elif name == "comment":
                approved = next((_text(p) for p in child if _local(p.tag) == "comment_approved"), "1")
                kind = next((_text(p) for p in child if _local(p.tag) == "comment_type"), "")
                if approved == "1" and kind in ("", "comment"):
                    item.comments += 1
    return item


def read(path, export):
    """Yield the export's items one by one; `export` is filled in as the
    channel's facts are met and, at the end, with the faults of the file."""
    context = etree.iterparse(str(path), events=("start", "end"), recover=True, huge_tree=True,
                              resolve_entities=False, no_network=True)
    depth_in_item = 0
    try:
        for event, element in context:
            name, prefix = _local(element.tag), _prefix(element.tag)
            if event == "start":
                if name == "item" and not prefix:
                    depth_in_item += 1
                continue
            if name == "item" and not prefix:
                depth_in_item -= 1
                yield _item(element)
                element.clear(keep_tail=False)
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
                continue
            if depth_in_item:
                continue
            if prefix == "wp":
                export.is_wxr = True
                if name == "base_site_url":
                    export.base_site_url = _text(element)
                elif name == "base_blog_url":
                    export.base_blog_url = _text(element)
                elif name == "wxr_version":
                    export.version = _text(element)
                if element.getparent() is not None and _local(element.getparent().tag) == "channel":
                    element.clear(keep_tail=False)
            elif name == "title" and not prefix and not export.title:
                export.title = _text(element)
            elif name == "link" and not prefix and not export.link:
                export.link = _text(element)
    except etree.XMLSyntaxError as error:  # what recovery could not get past
        export.faults.append((error.lineno or 0, (error.offset or 0), error.msg))
    finally:
        for entry in context.error_log:
            fault = (entry.line, entry.column, entry.message.strip())
            if fault not in export.faults:
                export.faults.append(fault)
