"""Pictures and files from the old site's uploads: found from any address a
post uses (the original, a resized `-300x200` variant, `-scaled`, an edited
`-e1612345678`), copied once into content/images/ or content/pliki/ under names
the site accepts, pictures wider than the site needs made smaller."""

import hashlib
import io
import os
import re
import urllib.parse
import urllib.request

import phpserialize
from pelican.utils import slugify
from PIL import Image, UnidentifiedImageError
from unidecode import unidecode

PICTURE = (".jpg", ".jpeg", ".png", ".gif", ".webp")
UPLOADS = "/wp-content/uploads/"
VARIANT = re.compile(r"-(\d+x\d+|scaled|rotated|e\d{10,13})(?=\.[A-Za-z0-9]+$)")
SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


def safe_name(name):
    stem, ext = os.path.splitext(os.path.basename(name))
    ext = ext.lower().replace(".jpeg", ".jpg")
    return (slugify(unidecode(stem), regex_subs=SLUG_SUBS) or "plik") + ext


def php(value):
    """A PHP-serialised value as Python, or None."""
    if not value:
        return None
    try:
        return phpserialize.loads(value.encode("utf-8"), decode_strings=True)
    except (ValueError, TypeError, EOFError, IndexError):
        return None


class Media:
    """The attachments of the export and the files copied so far."""

    def __init__(self, content, uploads, record, max_width=1600):
        self.content = content
        self.uploads = uploads or ""
        self.record = record  # {"source path": {"file": "images/…", "sha256": …}}
        self.max_width = max_width
        self.attachments = {}  # id -> Item
        self.by_path = {}  # "2016/05/foto.jpg" (and its variants) -> id
        self.copied = {"images": 0, "pliki": 0, "unchanged": 0, "smaller": 0}
        self.seen, self.brought = set(), set()  # keys met and keys copied in this run
        self.missing = {}

    def add(self, item):
        self.attachments[item.id] = item
        path = item.first("_wp_attached_file") or self.relative(item.attachment_url) or ""
        if not path:
            return
        self.by_path[path] = item.id
        data = php(item.first("_wp_attachment_metadata"))
        if isinstance(data, dict):
            folder = os.path.dirname(path)
            for size in (data.get("sizes") or {}).values():
                if isinstance(size, dict) and size.get("file"):
                    self.by_path[f"{folder}/{size['file']}".lstrip("/")] = item.id
            if data.get("original_image"):
                self.by_path[f"{folder}/{data['original_image']}".lstrip("/")] = item.id

    @staticmethod
    def relative(url):
        """'https://old/wp-content/uploads/2016/05/a.jpg' -> '2016/05/a.jpg'."""
        if not url:
            return None
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        if UPLOADS in path:
            return path.split(UPLOADS, 1)[1]
        return None

    def is_upload(self, url):
        return self.relative(url) is not None

    def attachment_of(self, path):
        if path in self.by_path:
            return self.by_path[path]
        original = VARIANT.sub("", path)
        while original != path:
            if original in self.by_path:
                return self.by_path[original]
            path, original = original, VARIANT.sub("", original)
        return None

    def alt_of(self, ident):
        item = self.attachments.get(ident)
        return " ".join((item.first("_wp_attachment_image_alt") if item else "").split())

    def attachment_picture(self, ident):
        """(address, caption) of an attachment, for [gallery]."""
        item = self.attachments.get(ident)
        if item is None:
            return None, ""
        caption = " ".join(re.sub(r"<[^>]+>", "", item.excerpt or "").split())
        return item.attachment_url or "", caption

    # -- files -------------------------------------------------------------

    def _fetch(self, relative):
        """The bytes of an upload, from the folder or the old site; None."""
        if not self.uploads:
            return None
        if self.uploads.startswith(("http://", "https://")):
            url = self.uploads.rstrip("/") + "/" + urllib.parse.quote(relative)
            try:
                with urllib.request.urlopen(url, timeout=20) as response:
                    return response.read()
            except (OSError, ValueError):
                return None
        path = os.path.join(self.uploads, *relative.split("/"))
        if os.path.isfile(path):
            with open(path, "rb") as f:
                return f.read()
        return None

    def _smaller(self, data, name):
        if not name.endswith((".jpg", ".png", ".webp")):
            return data
        try:
            with Image.open(io.BytesIO(data)) as picture:
                if picture.width <= self.max_width:
                    return data
                height = round(picture.height * self.max_width / picture.width)
                smaller = picture.convert("RGB" if name.endswith(".jpg") else picture.mode)
                smaller = smaller.resize((self.max_width, height), Image.Resampling.LANCZOS)
                out = io.BytesIO()
                kind = {".jpg": "JPEG", ".png": "PNG", ".webp": "WEBP"}[os.path.splitext(name)[1]]
                smaller.save(out, kind, quality=85, optimize=True)
                self.copied["smaller"] += 1
                return out.getvalue()
        except (UnidentifiedImageError, OSError, ValueError):
            return data

    def bring(self, relative):
        """Copy an upload (its original where the export knows it) into the
        content folder; its path there ('images/2016-05-foto.jpg') or None."""
        ident = self.attachment_of(relative)
        original = None
        if ident is not None:
            item = self.attachments[ident]
            original = item.first("_wp_attached_file") or self.relative(item.attachment_url)
        candidates = [p for p in (original, relative) if p]
        key = candidates[0]
        known = self.record.get(key)
        if known and os.path.isfile(os.path.join(self.content, known["file"])):
            if key not in self.seen:  # counted once, however many posts use it
                self.seen.add(key)
                if key not in self.brought:
                    self.copied["unchanged"] += 1
            return known["file"]
        data, used = None, None
        for path in candidates:
            data = self._fetch(path)
            if data is not None:
                used = path
                break
        if data is None:
            self.missing[key] = True
            return None
        picture = used.lower().endswith(PICTURE)
        folder = "images" if picture else "pliki"
        parts = used.split("/")
        prefix = f"{parts[0]}-{parts[1]}-" if len(parts) >= 3 and parts[0].isdigit() else ""
        name = safe_name(prefix + VARIANT.sub("", parts[-1]) if used == original else prefix + parts[-1])
        if picture:
            data = self._smaller(data, name)
        target = self._free(folder, name, data)
        with open(os.path.join(self.content, target), "wb") as f:
            f.write(data)
        self.record[key] = {"file": target, "sha256": hashlib.sha256(data).hexdigest()}
        self.brought.add(key)
        self.copied[folder] += 1
        return target

    def _free(self, folder, name, data):
        """A name in the folder not taken by another file (the same bytes: reused)."""
        os.makedirs(os.path.join(self.content, folder), exist_ok=True)
        stem, ext = os.path.splitext(name)
        number = 1
        while True:
            candidate = f"{folder}/{stem}{'' if number == 1 else f'-{number}'}{ext}"
            path = os.path.join(self.content, candidate)
            if not os.path.exists(path):
                return candidate
            with open(path, "rb") as f:
                if f.read() == data:
                    return candidate
            number += 1

    # -- what the converter asks -------------------------------------------

    def picture(self, src, ident, alt, caption):
        """(link for the Markdown, alt text, problem or None) of a picture in a post."""
        relative = self.relative(src)
        if relative is None and ident and ident in self.attachments:
            relative = self.relative(self.attachments[ident].attachment_url)
        if relative is None:
            if src.startswith(("http://", "https://", "//")):
                return None, "", (f"obrazek z innej strony ({src[:100]}) usunięty: strona nie pobiera nic "
                                  "z cudzych serwerów; wstaw go do content/images/, jeśli jest potrzebny")
            return None, "", f"obrazek „{src[:100]}” nie prowadzi do pliku z wp-content/uploads, usunięty"
        target = self.bring(relative)
        if target is None:
            return None, "", (f"nie ma pliku {relative} w folderze z plikami starej strony (UPLOADS): "
                              "obrazek usunięty z tekstu")
        ident = ident or self.attachment_of(relative) or 0
        description = self.alt_of(ident) or " ".join((alt or "").split()) or caption
        problem = None
        if not description:
            # A word `make check` keeps warning about until someone describes the picture.
            description = "zdjęcie"
            problem = (f"obrazek {target} nie miał opisu na starej stronie: ma tymczasowy opis „zdjęcie”; "
                       "opisz w nawiasach kwadratowych, co na nim widać")
        return "{static}/" + target, description, problem

    def file(self, href):
        """A link to an uploaded file: '{static}/pliki/…' or None."""
        relative = self.relative(href)
        if relative is None:
            return None
        target = self.bring(relative)
        return "{static}/" + target if target else None
