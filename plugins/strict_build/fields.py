"""Header fields: how each plugin declares the fields it reads, and one reading
of a post's header with the line of every field.

A plugin lists its fields as `FIELDS` (a tuple of `Field`) in its package; the
authoring plugin refuses any field that no plugin in PLUGINS declares (and
none of AUTHORING_EXTRA_FIELDS), so a typo never silently drops a value.
"""

import importlib
import os
import re
from dataclasses import dataclass

# What Python-Markdown's meta extension reads as a field name ...
READABLE_NAME = re.compile(r"[A-Za-z0-9_-]+")
# ... and what staff write meaning one (Polish letters, spaces).
_FIELD_LINE = re.compile(r"^ {0,3}(?P<name>\w[\w .-]{0,30}?)\s*:\s*(?P<value>.*)$")
_MORE = re.compile(r"^ {4,}(?P<value>.*)")


@dataclass(frozen=True)
class Field:
    """One header field a plugin reads.

    name: as staff write it ("Event-Start"); help: one line of Polish, used by
    the guide, the messages and the editor; kind: text, date, number, choice,
    list, url, email, flag or image (a picture's path in the content folder,
    images/name.jpg: an upload button in the web editor); aliases: the Polish
    names staff reach for ("Miejsce"), lower case; choices: the values of a
    `choice`; label: the field's Polish name in the web editor; labels:
    (value, Polish label) pairs for a `choice`'s values in the editor;
    copied: False for a field a copy of the post must not keep (a training's
    identity in calendars): the web editor's "Zduplikuj" leaves it out."""

    name: str
    help: str
    kind: str = "text"
    aliases: tuple = ()
    required: bool = False
    choices: tuple = ()
    label: str = ""
    labels: tuple = ()
    copied: bool = True


@dataclass(frozen=True)
class Rule:
    """A check between two date fields of a plugin, declared once: the build
    reports it (with the fields' names) and the web editor checks it before
    saving (with the form's labels), in the same words.

    relation: "after" (`field` later than `other`; the same day allowed for
    dates without a time) or "not_after" (`field` not later than `other`; a
    date without a time counts as its 23:59). message and hint may name
    {value}, {other} and {other_value}."""

    field: str
    relation: str
    other: str
    message: str
    hint: str

    def say(self, value, other, other_value):
        """(message, hint) with the values and the other field's name filled in."""
        words = {"value": value, "other": other, "other_value": other_value}
        return self.message.format(**words), self.hint.format(**words)


@dataclass(frozen=True)
class HeaderField:
    line: int
    name: str
    value: str
    readable: bool  # False: Markdown stops reading the header here


def read_header(text):
    """The fields of a post's header, in order, as Python-Markdown's meta
    extension reads them (continuation lines joined), plus the lines that look
    like a field but that Markdown would not read as one ("Tytuł: …")."""
    fields = []
    lines = text.splitlines()
    start = 1 if lines and re.match(r"^-{3}(\s.*)?$", lines[0]) else 0
    for number, line in enumerate(lines[start:], start + 1):
        if not line.strip() or re.match(r"^(-{3}|\.{3})(\s.*)?$", line):
            break
        more = _MORE.match(line)
        if more and fields:
            last = fields[-1]
            fields[-1] = HeaderField(
                last.line, last.name, f"{last.value}\n{more.group('value')}".strip(), last.readable
            )
            continue
        match = _FIELD_LINE.match(line)
        if not match:
            break
        name = match.group("name")
        readable = READABLE_NAME.fullmatch(name) is not None
        fields.append(HeaderField(number, name, (match.group("value") or "").strip(), readable))
        if not readable:
            break  # Markdown reads no further: the rest is the post's text
    return fields


def read_header_file(path):
    """read_header for a file on disk; [] if it cannot be read."""
    if not path or not os.path.isfile(path):
        return []
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            head = []
            for line in f:
                head.append(line)
                if not line.strip():
                    break
    except OSError:
        return []
    return read_header("".join(head))


def field_line(source_path, field):
    """The line number of `Field:` in a content file's header, or None."""
    wanted = field.lower()
    for item in read_header_file(source_path):
        if item.name.lower() == wanted:
            return item.line
    return None


def declared_fields(settings):
    """Every field the site reads: {lower-case name: Field}, from the FIELDS
    of each plugin in PLUGINS and the setting AUTHORING_EXTRA_FIELDS
    ({"Name": "help"} or {"Name": {"help": "…", "kind": "date"}})."""
    known = {}
    for plugin in settings.get("PLUGINS") or []:
        module = plugin if not isinstance(plugin, str) else importlib.import_module(plugin)
        for item in getattr(module, "FIELDS", ()):
            known[item.name.lower()] = item
    for field in extra_fields(settings):
        known.setdefault(field.name.lower(), field)
    return known


def extra_fields(settings):
    """The Fields of AUTHORING_EXTRA_FIELDS ({"Name": "help"} or
    {"Name": {"help": "…", "kind": "date", "label": "…"}}), in order."""
    fields = []
    for name, spec in (settings.get("AUTHORING_EXTRA_FIELDS") or {}).items():
        spec = spec if isinstance(spec, dict) else {"help": spec}
        fields.append(Field(name, **spec))
    return fields
