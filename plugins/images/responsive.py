"""Rewrite <img> tags of the written site; make WebP variants once, cached."""

import hashlib
import html
import logging
import os
import re
import shutil
from html.parser import HTMLParser

from PIL import Image

from klucz.donations import campaigns
from klucz.strict_build import Problem, Setting, declare, field_line, previous_output, relative_path, report

logger = logging.getLogger(__name__)

SETTINGS = declare(
    Setting("IMAGES_WIDTHS", [480, 960, 1600], "Widths of the WebP variants of content images."),
    Setting("IMAGES_QUALITY", 80, "WebP quality of the variants."),
    Setting("IMAGES_VARIANTS_DIR", "images/warianty", "Where the variants are written in the output."),
    Setting(
        "IMAGES_CACHE_PATH", "cache/obrazy", "Variants kept between builds (made again only when the original changes)."
    ),
    Setting("IMAGES_SIZES", "(min-width: 46rem) 42rem, 100vw", "The sizes attribute of content images."),
)
RASTER = (".jpg", ".jpeg", ".png", ".webp")


setting = SETTINGS.get


class Variants:
    """WebP variants of one build, made once per image and width."""

    def __init__(self, settings, output):
        self.settings = settings
        self.output = output
        self.content = settings.get("PATH", "")
        self.widths = sorted(setting(settings, "IMAGES_WIDTHS"))
        self.quality = setting(settings, "IMAGES_QUALITY")
        self.folder = setting(settings, "IMAGES_VARIANTS_DIR").strip("/")
        self.cache = setting(settings, "IMAGES_CACHE_PATH")
        self.known = {}

    def for_image(self, relative):
        """(width, height, [(url path, width), ...]) for an image in the output."""
        if relative in self.known:
            return self.known[relative]
        path = self.source(relative)
        with open(path, "rb") as f:
            data = f.read()
        digest = hashlib.sha1(data).hexdigest()[:12]
        with Image.open(path) as image:
            width, height = image.size
            variants = []
            stem = os.path.splitext(os.path.basename(relative))[0]
            for target in [w for w in self.widths if w < width] + [width]:
                name = f"{stem}-{digest}-{target}.webp"
                url = f"{self.folder}/{name}"
                destination = os.path.join(self.output, self.folder, name)
                self._make(image, target, destination, name)
                variants.append((url, target))
        result = (width, height, variants)
        self.known[relative] = result
        return result

    def source(self, relative):
        """The image file: already in the output, or still in content/ (Pelican
        copies static files after writing the pages)."""
        for base in (self.output, self.content):
            path = os.path.join(base, relative)
            if os.path.isfile(path):
                return path
        return None

    def _make(self, image, target, destination, name):
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        cached = os.path.join(self.cache, name) if self.cache else None
        if cached and os.path.isfile(cached):
            shutil.copyfile(cached, destination)
            return
        resized = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
        if target < image.width:
            height = round(image.height * target / image.width)
            resized = resized.resize((target, height), Image.LANCZOS)
        resized.save(destination, "WEBP", quality=self.quality, method=4)
        if cached:
            os.makedirs(self.cache, exist_ok=True)
            shutil.copyfile(destination, cached)


def _restore_variants(page):
    """The WebP variants a page made by an earlier build points to, into
    this build's output (from the variants cache, else from the last output)."""
    variants = _state["variants"]
    pattern = re.compile(rb"/" + re.escape(variants.folder.encode()) + rb"/([^\"'\s,/]+\.webp)")
    previous = previous_output(variants.settings)
    for name in {m.decode("utf-8") for m in pattern.findall(page)}:
        destination = os.path.join(variants.output, variants.folder, name)
        if os.path.exists(destination):
            continue
        for base in (variants.cache, os.path.join(previous, variants.folder) if previous else None):
            if base and os.path.isfile(os.path.join(base, name)):
                os.makedirs(os.path.dirname(destination), exist_ok=True)
                shutil.copyfile(os.path.join(base, name), destination)
                break


def _local_path(src, site):
    """The output-relative path of a local image URL, else None."""
    src = html.unescape(src)
    if site and src.startswith(site + "/"):
        src = src[len(site):]
    if not src.startswith("/") or src.startswith("//"):
        return None
    path = src.split("?", 1)[0].split("#", 1)[0].lstrip("/")
    return path if path.lower().endswith(RASTER) else None


class _Images(HTMLParser):
    """Where a page's <img> tags are, with their attributes, and where its
    <main> starts: read by Python's HTML parser (any quoting, comments and
    scripts as HTML has them), so a tag is found however it was written."""

    def __init__(self, text):
        super().__init__(convert_charrefs=False)
        # Where each line starts (the parser counts lines by "\n" alone).
        self.lines = [0] + [m.end() for m in re.finditer("\n", text)]
        self.found = []  # (offset, the tag as written, its attributes)
        self.main = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        offset = self.lines[line - 1] + column
        if tag == "img":
            self.found.append((offset, self.get_starttag_text(), {k: v or "" for k, v in attrs}))
        elif tag == "main" and self.main is None:
            self.main = offset

    handle_startendtag = handle_starttag


def first_image_src(html_text):
    """The src of the first <img> of a bit of HTML, or None."""
    found = _Images(html_text or "").found
    return found[0][2].get("src") if found else None


def rewrite(page, variants, site, sizes):
    """Return the page with its content images made responsive: each <img>
    found by the parser gets the attributes it lacks; the rest of the page is
    left byte for byte."""
    text = page.decode("utf-8")
    images = _Images(text)
    seen_in_main = 0
    out, done = [], 0
    for offset, tag, attrs in images.found:
        relative = _local_path(attrs.get("src", ""), site)
        if relative is None or "srcset" in attrs or variants.source(relative) is None:
            continue
        try:
            width, height, sources = variants.for_image(relative)
        except (OSError, ValueError) as error:  # PIL.UnidentifiedImageError is an OSError
            if relative not in _state.setdefault("broken", set()):  # said once, though on cards in lists too
                _state["broken"].add(relative)
                report(Problem(
                    path=relative, field="obrazek", line=1,
                    message=f"nie da się odczytać obrazka ({error.__class__.__name__})",
                    hint="otwórz go w programie graficznym i zapisz ponownie jako JPEG albo PNG",
                ))
            continue
        in_main = images.main is not None and offset > images.main
        if in_main:
            seen_in_main += 1
        extra = {}
        if "width" not in attrs and "height" not in attrs:
            extra["width"], extra["height"] = str(width), str(height)
        # The first image of the page's main content may be above the fold.
        if "loading" not in attrs and not (in_main and seen_in_main == 1):
            extra["loading"] = "lazy"
        if "decoding" not in attrs:
            extra["decoding"] = "async"
        extra["srcset"] = ", ".join(f"{site}/{url} {w}w" for url, w in sources)
        if "sizes" not in attrs:
            extra["sizes"] = sizes
        added = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in extra.items())
        closing = "/>" if tag.endswith("/>") else ">"
        out.append(text[done:offset])
        out.append(tag[: -len(closing)].rstrip() + added + closing)
        done = offset + len(tag)
    if not out:
        return page
    out.append(text[done:])
    return "".join(out).encode("utf-8")


_state = {}


def start(pelican):
    """initialized: one set of variants per build."""
    settings = pelican.settings
    _state["variants"] = Variants(settings, pelican.output_path)
    _state["broken"] = set()
    _state["site"] = (settings.get("SITEURL") or "").rstrip("/")
    _state["sizes"] = setting(settings, "IMAGES_SIZES")
    # Images that templates add (EU logos, campaign photos) can be on any page;
    # without them only a post's or page's own text can hold one.
    _state["any_page"] = bool(
        settings.get("EU_FUNDING_LOGOS") or any(c.get("image") for c in campaigns(settings).values())
    )


def _check_post_image(article, image, settings):
    """A post's `Image:` must name a picture in the content folder and come
    with `Image-Alt:` (what it shows, for people who cannot see it)."""
    path = relative_path(article, settings)
    if not os.path.isfile(os.path.join(settings["PATH"], image)):
        report(Problem(path, "Image", f"nie ma pliku {image} w folderze content",
                       "wrzuć zdjęcie do content/images/ i wpisz Image: images/nazwa-pliku.jpg",
                       line=field_line(article.source_path, "Image")))
    if not str(article.metadata.get("image-alt") or "").strip():
        report(Problem(path, "Image-Alt", "zdjęcie z pola Image nie ma opisu",
                       "dopisz wiersz Image-Alt: jedno zdanie o tym, co widać na zdjęciu",
                       line=field_line(article.source_path, "Image")))


def card_images(generators):
    """all_generators_finalized: a post's picture for its card in the lists:
    its `Image:`, else the first picture of its text (links are resolved by
    now: the static files are known). Pages that list such posts then hold
    images too, and are made responsive like the posts."""
    site = _state.get("site", "")
    found = False
    for generator in generators:
        for article in getattr(generator, "articles", []) + getattr(generator, "drafts", []):
            image = getattr(article, "image", None)
            if image:
                _check_post_image(article, image, generator.settings)
            if not image:
                src = first_image_src(article.content) if "<img" in (article.content or "") else None
                image = _local_path(src, site) if src else None
            article.card_image = image or None
            found = found or bool(image)
    if found:
        _state["any_page"] = True


def process_page(path, context):
    """content_written: make the images of each page as it is written."""
    if not path.endswith(".html") or "variants" not in _state:
        return
    if not _state["any_page"]:  # only a post's or page's own text can hold an image
        item = (context or {}).get("article") or (context or {}).get("page")
        if item is None or "<img" not in (item.content or ""):
            return
    with open(path, "rb") as f:
        page = f.read()
    if b"srcset" in page:  # made responsive by an earlier build (a page kept from it): its variants come along
        _restore_variants(page)
    if b"<img" not in page or page.count(b"<img") == page.count(b" srcset="):
        return
    new = rewrite(page, _state["variants"], _state["site"], _state["sizes"])
    if new != page:
        with open(path, "wb") as f:
            f.write(new)
