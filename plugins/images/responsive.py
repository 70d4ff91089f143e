"""Rewrite <img> tags of the written site; make WebP variants once, cached."""

import hashlib
import html
import logging
import os
import re
import shutil

from PIL import Image

logger = logging.getLogger(__name__)

DEFAULTS = {
    "IMAGES_WIDTHS": [480, 960, 1600],
    "IMAGES_QUALITY": 80,
    "IMAGES_VARIANTS_DIR": "images/warianty",
    "IMAGES_CACHE_PATH": "cache/obrazy",
    "IMAGES_SIZES": "(min-width: 46rem) 42rem, 100vw",
}
RASTER = (".jpg", ".jpeg", ".png", ".webp")
_IMG = re.compile(rb"<img\b[^>]*>", re.I)
_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"')
_MAIN = re.compile(rb"<main\b", re.I)


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


class Variants:
    """WebP variants of one build, made once per image and width."""

    def __init__(self, settings, output):
        self.settings = settings
        self.output = output
        self.widths = sorted(setting(settings, "IMAGES_WIDTHS"))
        self.quality = setting(settings, "IMAGES_QUALITY")
        self.folder = setting(settings, "IMAGES_VARIANTS_DIR").strip("/")
        self.cache = setting(settings, "IMAGES_CACHE_PATH")
        self.known = {}

    def for_image(self, relative):
        """(width, height, [(url path, width), ...]) for an image in the output."""
        if relative in self.known:
            return self.known[relative]
        path = os.path.join(self.output, relative)
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


def _local_path(src, site):
    """The output-relative path of a local image URL, else None."""
    src = html.unescape(src)
    if site and src.startswith(site + "/"):
        src = src[len(site):]
    if not src.startswith("/") or src.startswith("//"):
        return None
    path = src.split("?", 1)[0].split("#", 1)[0].lstrip("/")
    return path if path.lower().endswith(RASTER) else None


def rewrite(page, variants, site, sizes):
    """Return the page with its content images made responsive."""
    main = _MAIN.search(page)
    seen_in_main = 0

    def fix(match):
        nonlocal seen_in_main
        tag = match.group(0).decode("utf-8")
        attrs = dict(_ATTR.findall(tag))
        relative = _local_path(attrs.get("src", ""), site)
        if relative is None or "srcset" in attrs or not os.path.isfile(os.path.join(variants.output, relative)):
            return match.group(0)
        width, height, sources = variants.for_image(relative)
        in_main = main is not None and match.start() > main.start()
        if in_main:
            seen_in_main += 1
        extra = {}
        if "width" not in attrs and "height" not in attrs:
            extra["width"], extra["height"] = str(width), str(height)
        # The first image of the page's main content may be above the fold.
        if "loading" not in attrs and not (in_main and seen_in_main == 1):
            extra["loading"] = "lazy"
        extra.setdefault("decoding", "async")
        extra["srcset"] = ", ".join(f"{site}/{url} {w}w" for url, w in sources)
        extra["sizes"] = sizes
        added = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in extra.items())
        closing = "/>" if tag.endswith("/>") else ">"
        return (tag[: -len(closing)].rstrip() + added + closing).encode("utf-8")

    return _IMG.sub(fix, page)


def process_site(pelican):
    """finalized: every written HTML page with local raster images."""
    settings = pelican.settings
    output = pelican.output_path
    site = (settings.get("SITEURL") or "").rstrip("/")
    variants = Variants(settings, output)
    sizes = setting(settings, "IMAGES_SIZES")
    count = 0
    for folder, dirs, files in os.walk(output):
        dirs.sort()
        if os.path.abspath(folder).startswith(os.path.abspath(os.path.join(output, variants.folder))):
            continue
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                page = f.read()
            if b"<img" not in page:
                continue
            new = rewrite(page, variants, site, sizes)
            if new != page:
                count += 1
                with open(path, "wb") as f:
                    f.write(new)
    if count:
        logger.info("images: %d pages with responsive images", count)
