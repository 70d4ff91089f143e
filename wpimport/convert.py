"""A WordPress post's HTML as the Markdown staff write: Gutenberg's block
comments gone, the classic editor's paragraphs (wpautop) made real,
[caption] and [gallery] as pictures with their descriptions, embeds as links,
other shortcodes taken out and listed, then markdownify."""

import html
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString
from markdownify import MarkdownConverter

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
REUSABLE = re.compile(r"<!--\s*wp:block\s*\{[^}]*\"ref\"\s*:\s*(\d+)[^}]*\}\s*/-->")
SHORTCODE = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s+[^\]]*?)?)\s*(/?)\]")
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
# Shortcodes whose name alone says they are one (no attributes, no closing tag).
KNOWN = {"caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist", "contact-form-7",
         "contact-form", "youtube", "vimeo", "pdf-embedder", "googlemaps", "tribe_events", "tribe_events_list",
         "button", "row", "column", "columns", "one_half", "one_third", "tabs", "tab", "accordion", "toggle",
         "recent-posts", "ninja_form", "gravityform", "wpforms", "mc4wp_form", "fb_button", "sc"}
MEDIA = {"embed", "video", "audio", "youtube", "vimeo"}
# Block elements that wpautop leaves as they are.
BLOCK_START = re.compile(r"^\s*<(p|h[1-6]|ul|ol|li|div|figure|blockquote|table|thead|tbody|tr|pre|hr|dl|"
                         r"section|address|iframe|form|script|style|!--)\b", re.I)
BARE_URL = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$")
MARK = "KLUCZWPMARK{}X"
MARK_RE = re.compile(r"KLUCZWPMARK(\d+)X")


@dataclass
class Converted:
    markdown: str
    # (line in the Markdown body, what, detail) for the report
    notes: list = field(default_factory=list)


def attributes(text):
    return {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
            for m in ATTRIBUTE.finditer(text or "")}


def _is_shortcode(match, text):
    closing, name, attrs = match.group(1), match.group(2), match.group(3)
    if name.lower() in KNOWN or "=" in (attrs or ""):
        return True
    if closing:
        return f"[{name}" in text[: match.start()]
    return f"[/{name}]" in text[match.end():]


def shortcodes(text, handle):
    """Replace each shortcode by what handle(name, attrs, inner, whole)
    returns; enclosing ones get their inner text, self-closing ones None."""
    out, position = [], 0
    while True:
        match = SHORTCODE.search(text, position)
        if not match:
            out.append(text[position:])
            return "".join(out)
        if match.group(1) or not _is_shortcode(match, text):
            if match.group(1) and _is_shortcode(match, text):  # a closing tag left alone: drop it
                out.append(text[position:match.start()])
                out.append(handle(match.group(2).lower(), {}, None, match.group(0), closing=True))
            else:
                out.append(text[position:match.end()])
            position = match.end()
            continue
        name = match.group(2)
        out.append(text[position:match.start()])
        closer = re.search(r"\[/" + re.escape(name) + r"\]", text[match.end():], re.I)
        if closer and not match.group(4):
            inner = text[match.end(): match.end() + closer.start()]
            whole = text[match.start(): match.end() + closer.end()]
            out.append(handle(name.lower(), attributes(match.group(3)), inner, whole))
            position = match.end() + closer.end()
        else:
            out.append(handle(name.lower(), attributes(match.group(3)), None, match.group(0)))
            position = match.end()


def autop(text):
    """The classic editor's text: paragraphs are blank-line separated, a single
    newline is a line break (what WordPress's wpautop does when it shows it)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = re.split(r"\n\s*\n", text)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        url = BARE_URL.match(chunk)
        if url:  # an oEmbed line (a film, a post): a link
            out.append(f'<p><a href="{html.escape(url.group(1))}">{html.escape(url.group(1))}</a></p>')
        elif BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + "<br>\n".join(line for line in chunk.strip().split("\n")) + "</p>")
    return "\n\n".join(out)


class _Markdown(MarkdownConverter):
    def convert_figcaption(self, el, text, parent_tags):
        text = " ".join(text.split())
        return f"\n\n*{text}*\n\n" if text else ""

    def convert_figure(self, el, text, parent_tags):
        return f"\n\n{text.strip()}\n\n"

    def convert_img(self, el, text, parent_tags):
        alt = " ".join((el.get("alt") or "").split()).replace("[", "(").replace("]", ")")
        src = el.get("src") or ""
        return f"![{alt}]({src})"


def to_markdown(soup):
    md = _Markdown(heading_style="ATX", bullets="-", escape_misc=False, autolinks=False).convert_soup(soup)
    md = md.replace("\u00a0", " ")
    md = re.sub(r"[ \t]+\n", lambda m: "  \n" if m.group(0).startswith("  ") else "\n", md)
    md = re.sub(r"\n{3,}", "\n\n", md)
    return md.strip() + "\n"


class Converter:
    """One post's text. `media` answers for pictures and files, `links` for
    addresses on the old site; both note what they could not do."""

    def __init__(self, media, links, blocks=None):
        self.media = media
        self.links = links
        self.blocks = blocks if blocks is not None else {}

    def convert(self, item, attachments_of):
        self.marks = []  # (kind, detail)
        self.item = item
        self.attachments_of = attachments_of
        text = item.content or ""
        gutenberg = "<!-- wp:" in text
        # A reusable block is only a reference in the post: its text goes in its place.
        text = REUSABLE.sub(self._reusable, text)
        text = BLOCK_COMMENT.sub("", text)
        text = shortcodes(text, self._shortcode)
        if not gutenberg:
            text = autop(text)
        soup = BeautifulSoup(text, "html.parser")
        self._tidy(soup)
        markdown = to_markdown(soup)
        # The marks out, blank runs closed, each note on the line where the
        # removed thing stood (the line after it when nothing else was there).
        notes, lines = [], []
        for line in markdown.split("\n"):
            found = [self.marks[int(m.group(1))] for m in MARK_RE.finditer(line)]
            text = MARK_RE.sub("", line).rstrip() if found else line
            if not text.strip() and (not lines or not lines[-1].strip()):
                text = None
            for kind, detail in found:
                notes.append((len(lines) + 1 if text is not None or not lines else len(lines) + 1, kind, detail))
            if text is not None:
                lines.append(text)
        while lines and not lines[-1].strip():
            lines.pop()
        markdown = "\n".join(lines) + "\n"
        notes = [(min(line, max(len(lines), 1)), kind, detail) for line, kind, detail in notes]
        return Converted(markdown if markdown.strip() else "", notes)

    def _reusable(self, match):
        ident = int(match.group(1))
        if ident in self.blocks:
            return self.blocks[ident]
        return self._mark("block", f"blok wielokrotnego użytku nr {ident} nie ma treści w eksporcie: "
                                   "wstaw ją ręcznie")

    def _mark(self, kind, detail):
        self.marks.append((kind, detail))
        return MARK.format(len(self.marks) - 1)

    def _shortcode(self, name, attrs, inner, whole, closing=False):
        if closing:
            return ""
        if name in ("caption", "wp_caption"):
            inner = inner or ""
            caption = attrs.get("caption") or re.sub(r"<[^>]+>", "", re.sub(r"<img\b[^>]*>", "", inner)).strip()
            picture = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner)
            if not picture:
                return f"<p>{caption}</p>"
            ident = re.search(r"attachment_(\d+)", attrs.get("id", ""))
            img = picture.group(0)
            if ident and "data-wp-id" not in img:
                img = img.replace("<img", f'<img data-wp-id="{ident.group(1)}"', 1)
            return f"<figure>{img}<figcaption>{html.escape(html.unescape(caption))}</figcaption></figure>"
        if name == "gallery":
            ids = [int(i) for i in re.findall(r"\d+", attrs.get("ids") or attrs.get("include") or "")]
            if not ids:
                ids = self.attachments_of(self.item.id)
            parts = []
            for ident in ids:
                url, caption = self.media.attachment_picture(ident)
                if not url:
                    parts.append(self._mark("gallery-missing",
                                            f"zdjęcie nr {ident} z galerii nie ma pliku w eksporcie"))
                    continue
                figcaption = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
                parts.append(f'<figure><img data-wp-id="{ident}" src="{html.escape(url)}">{figcaption}</figure>')
            return "\n\n" + "\n\n".join(parts) + "\n\n"
        if name in MEDIA:
            url = attrs.get("src") or attrs.get("url") or attrs.get("mp4") or attrs.get("mp3") or (inner or "").strip()
            if not url:
                url = next((v for v in attrs.values() if v.startswith("http")), "")
            if url:
                return f'\n\n<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>\n\n'
        what = f"skrót [{name}] usunięty z tekstu" + (" (jego treść została)" if inner else "")
        mark = self._mark("shortcode", f"{what}: {' '.join(whole.split())[:120]}")
        return mark + (inner or "")

    def _tidy(self, soup):
        for comment in soup.find_all(string=lambda s: isinstance(s, NavigableString) and type(s).__name__ == "Comment"):
            comment.extract()
        for tag in soup.find_all(["script", "style", "form", "noscript"]):
            tag.replace_with(self._mark("removed", f"usunięto element <{tag.name}> (na tej stronie nie działa)"))
        for frame in soup.find_all(["iframe", "embed", "object", "video", "audio"]):
            src = frame.get("src") or frame.get("data") or ""
            if not src:
                source = frame.find("source")
                src = source.get("src", "") if source else ""
            if src.startswith("//"):
                src = "https:" + src
            if src:
                link = soup.new_tag("a", href=src)
                link.string = src
                paragraph = soup.new_tag("p")
                paragraph.append(link)
                frame.replace_with(paragraph)
            else:
                frame.decompose()
        # An embed block: the address sits alone in a wrapper.
        for wrapper in soup.select("figure.wp-block-embed, div.wp-block-embed__wrapper"):
            text = wrapper.get_text(" ").strip()
            if BARE_URL.match(text) and not wrapper.find("a"):
                link = soup.new_tag("a", href=text)
                link.string = text
                paragraph = soup.new_tag("p")
                paragraph.append(link)
                wrapper.replace_with(paragraph)
        # One H1 per page: the title. Headings in the text move one level down.
        if soup.find("h1"):
            for level in range(5, 0, -1):
                for heading in soup.find_all(f"h{level}"):
                    heading.name = f"h{level + 1}"
        for img in soup.find_all("img"):
            self._picture(soup, img)
        for link in soup.find_all("a"):
            self._link(soup, link)

    def _picture(self, soup, img):
        figure = img.find_parent("figure")
        caption = figure.find("figcaption").get_text(" ", strip=True) if figure and figure.find("figcaption") else ""
        ident = img.get("data-wp-id") or next((c[len("wp-image-"):] for c in img.get("class", [])
                                                if c.startswith("wp-image-")), "")
        target, alt, problem = self.media.picture(img.get("src", ""), int(ident) if str(ident).isdigit() else 0,
                                                  img.get("alt", ""), caption)
        if not target:
            img.replace_with(self._mark("picture-missing", problem))
            return
        # A picture linked to its own file (a lightbox): the picture alone.
        parent = img.parent
        if parent is not None and parent.name == "a" and self.media.is_upload(parent.get("href", "")):
            parent.unwrap()
        for name in list(img.attrs):
            del img[name]
        img["src"], img["alt"] = target, alt
        if problem:
            img.insert_after(self._mark("alt", problem))

    def _link(self, soup, link):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "{")):
            return
        new, problem = self.links(href)
        if new is None and problem:
            link.insert_after(self._mark("link", problem))
            link.unwrap()
            return
        if new:
            link["href"] = new
        if problem:
            link.insert_after(self._mark("link", problem))
