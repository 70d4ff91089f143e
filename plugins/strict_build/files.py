"""Files, one way for every plugin: a content file's text as the staff reader
decodes it (read once per build, whichever plugin asks first), and putting a
file into the output."""

import os
import shutil

POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
LEGACY = ("cp1250", "iso-8859-2")


def decode(raw):
    """Return (text, encoding name) for the bytes of a content file: UTF-8
    with or without a BOM, else the one of Windows-1250 and ISO-8859-2 that
    gives more Polish letters."""
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = None
    for encoding in LEGACY:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = sum(ch in POLISH for ch in text)
        if best is None or score > best[2]:
            best = (text, encoding, score)
    if best is None:
        raise UnicodeDecodeError("utf-8", raw, 0, len(raw), "not UTF-8, Windows-1250 or ISO-8859-2")
    return best[0], best[1]


_texts = {}  # path -> text, for one build (forget_texts at its start)


def source_text(path):
    """A content file's text as the staff reader decodes it, or "" if it
    cannot be read: read once per build, however many checks look at it."""
    text = _texts.get(path)
    if text is None:
        try:
            with open(path, "rb") as f:
                text = decode(f.read())[0]
        except (OSError, UnicodeDecodeError):
            text = ""
        _texts[path] = text
    return text


def forget_texts(*_args):
    """initialized: files may have changed since the last build in this process."""
    _texts.clear()


def link_or_copy(source, target):
    """`target` becomes `source`'s content: a hard link where the file system
    allows it (nothing copied), else a copy with its times. What was at
    `target` is removed first, so nothing is ever written through a link
    into another build's file."""
    try:
        os.link(source, target)  # the usual case: its folder is there, nothing in the way
        return
    except FileNotFoundError:
        if not os.path.exists(source):
            raise
    except OSError:
        pass
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    if os.path.lexists(target):
        os.remove(target)
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links here
        shutil.copy2(source, target)
