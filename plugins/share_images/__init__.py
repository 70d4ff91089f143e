"""A share picture for every post and page (1200×630, the title on the site's
colours with its name and logo mark), used by Open Graph and Twitter cards
when a post names no `Image:` of its own.

Drawn with Pillow at build time and kept in a cache folder keyed by what is on
it, so a rebuild draws only the pictures of changed titles. The font is
DejaVu Sans Bold, shipped beside this file (fonts/, with its licence): the
default font of Pillow has no Polish letters."""

import hashlib
import os
import textwrap

from pelican import signals
from PIL import Image, ImageDraw, ImageFont

from klucz.strict_build import Setting, declare, link_or_copy

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = os.path.join(HERE, "fonts", "DejaVuSans-Bold.ttf")
SIZE = (1200, 630)
# Changing the drawing below: change this too, so cached pictures are redrawn.
DESIGN = "3"

SETTINGS = declare(
    Setting(
        "SHARE_IMAGES_ENABLED",
        True,
        "Draw them (publishconf.py: the live site; pelicanconf.py leaves them out of development builds, where nobody "
        "shares a page).",
    ),
    Setting("SHARE_IMAGES_DIR", "images/udostepnienia", "Where the pictures go in the output."),
    Setting(
        "SHARE_IMAGES_CACHE",
        None,
        "Pictures kept between builds; None: \"udostepnienia\" in CACHE_PATH.",
        kind=str,
    ),
    Setting(
        "SHARE_IMAGES_COLOURS",
        {"background": "#073246", "accent": "#c2410c", "text": "#ffffff"},
        "Background, accent (the bar) and text colours.",
    ),
)
setting = SETTINGS.get

_WANTED = {}  # output path -> (cache file, title, site name, subtitle)


def _name(content, settings):
    colours = setting(settings, "SHARE_IMAGES_COLOURS")
    key = "\n".join([DESIGN, content.title, settings.get("SITENAME", ""), settings.get("SITESUBTITLE", ""),
                     repr(sorted(colours.items()))])
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return f"{setting(settings, 'SHARE_IMAGES_DIR')}/{content.slug}-{digest}.jpg", digest


def plan(generators):
    """all_generators_finalized: give every post and page its picture's address."""
    _WANTED.clear()
    for generator in generators:
        settings = generator.settings
        if not setting(settings, "SHARE_IMAGES_ENABLED"):
            return
        for attr in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
            for content in getattr(generator, attr, []):
                relative, digest = _name(content, settings)
                content.share_image = relative
                folder = setting(settings, "SHARE_IMAGES_CACHE") or os.path.join(
                    settings["CACHE_PATH"], "udostepnienia"
                )
                cache = os.path.join(folder, f"{digest}.jpg")
                _WANTED[relative] = (
                    cache,
                    content.title,
                    settings.get("SITENAME", ""),
                    settings.get("SITESUBTITLE", ""),
                    setting(settings, "SHARE_IMAGES_COLOURS"),
                )


def _fit(draw, text, font_size):
    """The title wrapped to the picture, the font made smaller for long ones."""
    while font_size > 34:
        font = ImageFont.truetype(FONT, font_size)
        width = max(12, int(1040 / (font_size * 0.58)))
        lines = textwrap.wrap(text, width=width, break_long_words=True)
        height = len(lines) * int(font_size * 1.22)
        if height <= 330 and all(draw.textlength(line, font=font) <= 1040 for line in lines):
            return font, lines
        font_size -= 6
    font = ImageFont.truetype(FONT, 34)
    lines = textwrap.wrap(text, width=52)[:7]
    return font, lines


def draw(title, site, subtitle, colours, path):
    image = Image.new("RGB", SIZE, colours["background"])
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 24, SIZE[1]), fill=colours["accent"])
    # The logo mark: a key's bow and bit, as in the site's header.
    pen.ellipse((80, 70, 150, 140), outline=colours["text"], width=10)
    pen.rectangle((146, 100, 240, 110), fill=colours["text"])
    pen.rectangle((210, 110, 220, 132), fill=colours["text"])
    pen.rectangle((228, 110, 240, 126), fill=colours["text"])
    small = ImageFont.truetype(FONT, 36)
    pen.text((265, 80), site, font=small, fill=colours["text"])
    font, lines = _fit(pen, " ".join(str(title).split()), 72)
    y = 200
    for line in lines:
        pen.text((80, y), line, font=font, fill=colours["text"])
        y += int(font.size * 1.22)
    footer = ImageFont.truetype(FONT, 28)
    pen.rectangle((80, 540, 200, 548), fill=colours["accent"])
    pen.text((80, 560), subtitle, font=footer, fill=colours["text"])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # JPEG: 2 ms to write where an optimised PNG takes 55 ms (a cold build of a
    # thousand posts draws a thousand pictures).
    image.save(path, "JPEG", quality=85)


def write(pelican):
    """finalized: the pictures into the output, drawn only when not cached."""
    for relative, (cache, title, site, subtitle, colours) in _WANTED.items():
        if not os.path.exists(cache):
            draw(title, site, subtitle, colours, cache + ".tmp")
            os.replace(cache + ".tmp", cache)
        link_or_copy(cache, os.path.join(pelican.output_path, relative))


def register():
    signals.all_generators_finalized.connect(plan)
    signals.finalized.connect(write)
