"""Content checks Pelican does not make: two files with one address, files
outside the known folders, links to missing files, images without alt text,
oversized images, relative image paths."""

import os
import re

from pelican.contents import Static
from pelican.utils import slugify
from unidecode import unidecode

from klucz.strict_build import Problem, field_line, reader_name, relative_path, report, source_text

from .encoding import StaffMarkdownReader
from .schedule import setting
from .tidy import tidy

# File names and new posts' names: Pelican's slug rules.
SLUG_SUBS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]
CONTENT_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")
_INTERNAL_LINK = re.compile(r"\{(filename|static|attach)\}([^)\s\"'>#?]+)")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"\balt\s*=\s*([\"'])(.*?)\1", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A Markdown link or image target, whole: (<…>) or (…) up to the bracket.
_MD_TARGET = re.compile(r"(!?)\[([^\]]*)\]\(\s*(<[^>]*>|[^)]*?)\s*\)")
_HTML_SRC = re.compile(r"\b(?:src|href)\s*=\s*([\"'])(\{(?:static|attach|filename)\}[^\"']*)\1", re.I)
_TITLE_PART = re.compile(r"^(\S+)\s+([\"'(]).*$")
_GENERIC_ALT = {"zdjecie", "zdjecia", "obraz", "obrazek", "foto", "fotka", "fotografia", "image", "img", "grafika",
                "photo", "picture", "ilustracja", "rysunek", "logo", "screen", "zrzut ekranu", "plik"}
_CAMERA_NAME = re.compile(r"^(img|dsc|dscn|dscf|pxl|p|photo|zdjecie|image|wp|screenshot)[ _-]?\d[\d _-]*$")

_addresses = {}


def reset():
    _addresses.clear()


# Posts our Markdown reader read have been tidied already.
STAFF_READER = reader_name(StaffMarkdownReader)


def tidy_other_readers(content):
    """content_object_init: the text of a post another reader read, tidied as
    our Markdown reader tidies its own."""
    if isinstance(content, Static):
        return
    if content._content and getattr(content, "reader", None) != STAFF_READER:
        content._content = tidy(content._content)  # our Markdown reader has done it


def _check_address(content, save_as):
    """Two files must not share one address (a post without a title is
    reported as such, not as a clash)."""
    source = getattr(content, "source_path", None)
    if not save_as or not source or not getattr(content, "title", None):
        return
    key = (save_as, getattr(content, "lang", None))
    other = _addresses.setdefault(key, source)
    if other != source:
        # Name the same pair the same way whatever order the files were read in.
        first, second = sorted((other, source))
        settings = content.settings
        root = settings.get("PATH", "")
        report(Problem(
            path=os.path.relpath(second, root).replace(os.sep, "/"),
            field="Title",
            message=f"ten sam adres /{content.url} ma już plik {os.path.relpath(first, root).replace(os.sep, '/')}",
            hint="zmień tytuł albo dodaj w nagłówku Slug: inny-adres",
            line=field_line(second, "Title") or 1,
        ))


def drop_missing_static(generator):
    """static_generator_finalized: a {static} link to a file that is not there
    is reported by check_links_and_images; Pelican would still try to copy (or
    link) it and stop with a traceback."""
    generator.staticfiles[:] = [
        item for item in generator.staticfiles if os.path.exists(os.path.join(generator.path, item.source_path))
    ]


def drop_duplicates(generator):
    """article_generator_pretaxonomy, page_generator_finalized: report two
    files with one address (of any two generators), and keep the first of two
    posts with one address, so the build goes on to list every other problem."""
    for attr in ("articles", "drafts", "hidden_articles", "pages", "draft_pages", "hidden_pages"):
        items = getattr(generator, attr, None)
        if not items:
            continue
        seen, kept = set(), set()
        for item in sorted(items, key=lambda i: i.source_path or ""):
            save_as = item.save_as
            _check_address(item, save_as)
            if save_as and save_as in seen:
                continue
            seen.add(save_as)
            kept.add(id(item))
        if len(kept) == len(items):
            continue
        kept = [item for item in items if id(item) in kept]  # keep Pelican's order
        setattr(generator, attr, kept)
        if attr in generator.context:
            generator.context[attr] = kept


def _read_lines(path):
    """The file's lines, with <!-- comments --> blanked (line numbers kept)."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source_text(path))
    return text.splitlines()


def check_outside_folders(settings):
    """Content files that no generator reads would silently never appear."""
    root = settings.get("PATH")
    known = [
        os.path.normpath(os.path.join(root, p))
        for p in list(settings.get("ARTICLE_PATHS", [])) + list(settings.get("PAGE_PATHS", []))
    ]
    folders = ", ".join(f"{p}/" for p in list(settings.get("ARTICLE_PATHS", [])) + list(settings.get("PAGE_PATHS", [])))
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.lower().endswith(CONTENT_EXTENSIONS):
                continue
            path = os.path.normpath(os.path.join(folder, name))
            if any(path.startswith(k + os.sep) for k in known):
                continue
            report(Problem(
                path=os.path.relpath(path, root).replace(os.sep, "/"),
                field="plik",
                message="plik leży poza znanymi folderami, więc nie trafi na stronę",
                hint=f"przenieś go do jednego z folderów: {folders}",
                line=1,
            ))


def check_links_and_images(content, settings):
    """Links to missing files and images without alt text, with their lines."""
    source = getattr(content, "source_path", None)
    html = content.content or ""
    # No link, no image, no unresolved {…}: nothing to look for in the source.
    if not source or ("<a " not in html and "<img" not in html and "{" not in html) or not os.path.isfile(source):
        return
    root = settings.get("PATH")
    shown = relative_path(content, settings)
    max_kb = setting(settings, "AUTHORING_IMAGE_MAX_KB")
    in_header = True
    for number, line in enumerate(_read_lines(source), 1):
        if in_header:
            if not line.strip():
                in_header = False
            continue
        line = _check_file_names(line, shown, number)
        for kind, target in _INTERNAL_LINK.findall(line):
            path = _resolve(root, source, target)
            if not os.path.exists(path):
                what = {"filename": "wpisu lub strony", "static": "pliku", "attach": "pliku"}[kind]
                report(Problem(shown, f"{{{kind}}}{target}", f"link do nieistniejącego {what}",
                               "sprawdź nazwę pliku i folder (wielkość liter ma znaczenie)", line=number))
            elif kind != "filename" and target.lower().endswith((".jpg", ".jpeg", ".png", ".gif", ".webp")):
                size_kb = os.path.getsize(path) // 1024
                if size_kb > max_kb:
                    report(Problem(shown, f"{{{kind}}}{target}", f"obrazek ma {size_kb} KB, więcej niż {max_kb} KB",
                                   "zmniejsz go (np. do 1600 pikseli szerokości) i zapisz jako JPEG",
                                   line=number, severity="warning"))
        for alt, target in _MD_IMAGE.findall(line):
            if not alt.strip():
                report(Problem(shown, "obrazek", f"obrazek {target} nie ma tekstu alternatywnego",
                               "opisz w nawiasach kwadratowych, co widać na obrazku: ![Uczestnicy szkolenia w sali](…)",
                               line=number))
            elif _says_nothing(alt, target):
                report(Problem(shown, "obrazek", f"tekst alternatywny „{alt.strip()}” nic nie mówi o obrazku {target}",
                               "opisz, co widać i po co ten obrazek jest w tekście, np. "
                               "![Uczestniczki warsztatów przy stole z laptopami](…)", line=number, severity="warning"))
            if not re.match(r"^(https?:|\{|/|data:)", target):
                report(Problem(shown, "obrazek", f"adres obrazka „{target}” nie zadziała na stronie",
                               "wstaw obrazek z folderu images tak: ![opis]({static}/images/nazwa.jpg)",
                               line=number))
        for tag in _HTML_IMG.findall(line):
            alt = _ALT.search(tag)
            if not alt or not alt.group(2).strip():
                report(Problem(shown, "obrazek", "znacznik <img> nie ma tekstu alternatywnego (alt)",
                               "dodaj alt=\"opis tego, co widać na obrazku\"", line=number))
            elif _says_nothing(alt.group(2), (re.search(r"src\s*=\s*[\"']([^\"']*)", tag, re.I) or [None, ""])[1]):
                report(Problem(shown, "obrazek", f"tekst alternatywny „{alt.group(2).strip()}” nic nie mówi o obrazku",
                               "opisz, co widać i po co ten obrazek jest w tekście", line=number, severity="warning"))


def _says_nothing(alt, target):
    """Alt text that only repeats a generic word or the file's name."""
    plain = " ".join(unidecode(alt).lower().strip(" .:").replace("_", " ").replace("-", " ").split())
    name = os.path.basename(target.split("?")[0])
    stem = os.path.splitext(name)[0]
    names = {" ".join(unidecode(n).lower().replace("_", " ").replace("-", " ").split()) for n in (name, stem)}
    return plain in _GENERIC_ALT or plain in names or bool(_CAMERA_NAME.match(plain.replace(".", " ").split(" jpg")[0]))


def _bad_file_name(path):
    """What is wrong with a file name in a link, or None."""
    name = path.rsplit("/", 1)[-1]
    if re.search(r"\s", path):
        return f"nazwa pliku „{name}” ma spację"
    if any(ord(ch) > 127 for ch in path):
        return f"nazwa pliku „{name}” ma polskie litery lub inne znaki specjalne"
    return None


def _safe_name(path):
    name = path.rsplit("/", 1)[-1]
    stem, ext = os.path.splitext(name)
    return (slugify(unidecode(stem), regex_subs=SLUG_SUBS) or "plik") + ext.lower()


def _check_file_names(line, shown, number):
    """Links to files named as phones and cameras name them ("IMG 2031.JPG",
    "zdjęcie z Łodzi.jpg"): refused with the name to use. Returns the line
    without those links, so they are not reported twice."""
    if "](" not in line and "src" not in line and "href" not in line:
        return line
    found = []
    for match in _MD_TARGET.finditer(line):
        target = match.group(3)
        if target.startswith("<"):
            target = target[1:-1].strip()
        else:
            titled = _TITLE_PART.match(target)
            target = titled.group(1) if titled else target
        found.append((match.group(0), target))
    for match in _HTML_SRC.finditer(line):
        found.append((match.group(0), match.group(2)))
    for whole, target in found:
        marker = re.match(r"\{(static|attach|filename)\}", target)
        if not marker:
            continue
        path = target[marker.end():]
        wrong = _bad_file_name(path)
        if wrong:
            folder = path.lstrip("/").rsplit("/", 1)[0] if "/" in path.lstrip("/") else ""
            report(Problem(shown, target, wrong,
                           f"zmień nazwę pliku{' w folderze ' + folder + '/' if folder else ''} na {_safe_name(path)} "
                           "(małe litery bez polskich znaków, cyfry i myślniki) i tak samo popraw ten link",
                           line=number))
            line = line.replace(whole, " " * len(whole))
    return line


def _resolve(root, source, target):
    if target.startswith("/"):
        return os.path.join(root, target.lstrip("/"))
    return os.path.normpath(os.path.join(os.path.dirname(source), target))


# A staff note on a fact the centre has yet to confirm: never shown (tidy.py
# removes notes), always listed by every build until it is gone.
TO_CONFIRM = re.compile(r"<!--\s*DO POTWIERDZENIA\s*:?\s*(.*?)\s*-->", re.S | re.I)


def check_to_confirm(content, settings):
    """Each <!-- DO POTWIERDZENIA: … --> note as a warning with its line."""
    source = getattr(content, "source_path", None)
    if not source or not os.path.isfile(source):
        return
    text = source_text(source)
    if "<!--" not in text:
        return
    for match in TO_CONFIRM.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        report(Problem(relative_path(content, settings), "do potwierdzenia", " ".join(match.group(1).split()),
                       "gdy centrum potwierdzi, wpisz fakty do tekstu i usuń tę notatkę", line=line,
                       severity="warning"))


def check_site(generators):
    """all_generators_finalized: the checks that need every file read."""
    settings = generators[0].settings
    check_outside_folders(settings)
    for generator in generators:
        for attr in ("articles", "drafts", "pages", "hidden_pages", "draft_pages", "hidden_articles"):
            for content in getattr(generator, attr, []) or []:
                check_links_and_images(content, settings)
                check_to_confirm(content, settings)
