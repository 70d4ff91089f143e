"""The typography rules and their Pelican wiring."""

import re
from functools import lru_cache
from html import unescape

from jinja2.ext import Extension
from jinja2.lexer import Token
from markupsafe import Markup, escape
from pelican import signals
from pelican.readers import MarkdownReader

from klucz.strict_build import Setting, declare, reader_name, with_markdown_extension

NBSP = "\u00a0"
DEFAULT_UNITS = ("r.", "zł", "%")

SETTINGS = declare(
    Setting("TYPOGRAPHY_ENABLED", True, "Non-breaking spaces and Polish quotes in titles and text."),
    Setting(
        "TYPOGRAPHY_UNITS",
        ["r.", "zł", "%", "gr", "tys.", "mln", "mld", "km", "godz."],
        "Words kept with the number before them.",
    ),
)
setting = SETTINGS.get

# A one-letter word (Polish conjunctions and prepositions) at the start of the
# text or after a space, an opening bracket or quote, or an HTML entity: the
# space after it becomes a non-breaking one. (The pattern starts with what it
# replaces, the space, and looks behind it for the word: Python's regular
# expressions find a space far faster than they try a look-behind at every
# letter; a text whose only white space is spaces is searched for spaces alone.)
_ONE_LETTER_WORD = r"(?<=(?<![^\s(\[„“\"«»\u00a0;])[aiouwzAIOUWZ]{space})[ \t\r\n]*(?=\S|$)"
_ONE_LETTER = re.compile("[ \t\r\n]" + _ONE_LETTER_WORD.format(space="[ \t\r\n]"))
_ONE_LETTER_SPACES = re.compile(" " + _ONE_LETTER_WORD.format(space=" "))
# Groups of digits: phone numbers ("42 630 17 49") and thousands ("10 000").
# (Patterns start with what they match, a digit, and look behind it after:
# Python's regular expressions find a first digit far faster than they try a
# look-behind at every position.)
_DIGIT_GROUPS = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:[ ]\d{2,3})+(?!\d)")
# Markup: comments and tags are copied as they are, text between them is fixed.
_MARKUP = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
_VERBATIM_TAGS = frozenset(
    {"code", "pre", "kbd", "samp", "var", "script", "style", "textarea", "svg", "math"}
)
_unit_patterns = {}
# Straight double quotes become Polish ones: „ opening, ” closing.
# A quote opens before a word, or at the end of a text run right before markup
# ("<em>…) when a space precedes it; every other straight quote closes.
_OPENING_QUOTE = re.compile(
    r'(?:(?<=^)|(?<=[\s(\[{\u00a0—–/-]))"(?=[^\s.,;:!?)\]}])|(?<=[\s(\[{\u00a0—–/-])"$'
)
# “ closing a word (German „tak“) closes; every other “ (English “tak”) opens.
_ENGLISH_CLOSING = re.compile(r"(?<=[^\s(\[{\u00a0—–/-])“")
_NESTED = re.compile(r"(?:&lt;&lt;|<<)(.+?)(?:&gt;&gt;|>>)")
# A day and its month ("10 stycznia"), kept on one line.
_DAY_MONTH = re.compile(
    r"(\d(?<![\d.,]\d)\d?)[ ](?=(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września"
    r"|października|listopada|grudnia)\b)")
# Abbreviations bound to the word after them ("ul. Pomorska", "m. in.").
# (A word with a space binds its first part: "m." before " in.".) The list is
# also looked for as plain words before the pattern runs.
_ABBREVIATIONS = ("m. in.", "ul.", "al.", "pl.", "os.", "tel.", "nr", "np.", "ok.", "tzw.", "tj.", "godz.", "dr",
                  "prof.")
_ABBREVIATION = re.compile(r"(?<![\w.])(" + "|".join(
    re.escape(word.partition(" ")[0]) + (f"(?= {re.escape(word.partition(' ')[2])})" if " " in word else "")
    for word in _ABBREVIATIONS) + r")[ ](?=\S)")
# Where one of them may stand, found fast: a dot and a space after one of the
# words, or "nr " / "dr ".
_ABBREVIATION_HINT = re.compile(r"\. (?:" + "|".join(
    f"(?<={re.escape(word.partition(' ')[0])} )" for word in _ABBREVIATIONS if word.partition(" ")[0].endswith(".")
) + ")")
_ABBREVIATIONS_WITHOUT_DOT = tuple(word + " " for word in _ABBREVIATIONS if not word.endswith("."))
# "8 z 20": the number before "z" too.
_OF_NUMBER = re.compile(r"(\d)[ ](?=z\u00a0\d)")
# Postal codes ("91-408") with a non-breaking hyphen; time and date ranges
# ("10:00–15:00", "14–16") with a word joiner after the dash.
_POSTAL = re.compile(r"(\d(?<![\d-]\d)\d)-(\d{3})(?![\d-])")
_RANGE = re.compile(r"(\d)–(?=\d)")
WORD_JOINER = "\u2060"
_SPACED_DASH = re.compile(r"(?<=\s)--?(?=\s)")
# A dash between words stays at the end of the line, never starts one.
_DASH_AFTER_WORD = re.compile(r"(?<=\S) (?=[–—] )")
# Ranges of years and of months take an en dash ("2014–2020", "kwiecień–maj").
_YEAR_RANGE = re.compile(r"(?<![\w/.-])((?:19|20)\d{2})-((?:19|20)\d{2})(?![\w/-])")
_MONTH = r"(?:styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień)"
_MONTH_RANGE = re.compile(rf"(?<![\w-])({_MONTH})-({_MONTH})(?![\w-])", re.IGNORECASE)
# A postal code stays with its town ("91‑408 Łódź").
_POSTAL_TOWN = re.compile(r"(?<=\d{2}\u2011\d{3}) (?=\w)")
# A street stays with its number ("ul. Kościuszki 36", "pl. Jana Pawła II 16",
# "al. Piłsudskiego 12/3"): the space before the number, within a few words
# after ul./al./pl./os. (bound to the name by _ABBREVIATION).
_STREET_WORDS = ("ul", "al", "pl", "os")
_STREETS = tuple(f"{word}.\u00a0" for word in _STREET_WORDS)
_STREET_NUMBER = re.compile(r"((?:" + "|".join(_STREET_WORDS) + r")(?<![\w.]..)\.\u00a0"
                            r"(?:[^\s,;()\d]+[ \u00a0]){0,3}?[^\s,;()\d]+)"
                            r" (?=\d+[a-zA-Z]?(?:/\d+[a-zA-Z]?)?(?![\w-]))")
# A name and its ordinal ("Jana Pawła II", "Zygmunta III").
_ROMAN = re.compile(r"(?<![\w])([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+) (?=(?:II|III|IV|VI|VII|VIII|IX|XI|XII)(?!\w))")
_ROMAN_HINT = re.compile(" [IVX]")
# "e-PIT", "e-Deklaracje": the prefix never left alone at the end of a line.
# ("e-mail" is left as written: a form's label and a voice command say it so.)
_ONE_LETTER_PREFIX = re.compile(r"(?<![\w./:@\u2011-])([eE])-(?=[A-ZĄĆĘŁŃÓŚŹŻ])")


def _units_pattern(units):
    key = tuple(units)
    if key not in _unit_patterns:
        alternatives = "|".join(
            re.escape(u) + (r"(?!\w)" if u[-1].isalnum() else "") for u in key
        )
        _unit_patterns[key] = re.compile(rf"(\d)[ \t]+(?=(?:{alternatives}))")
    return _unit_patterns[key]


def quotes_text(text):
    """Polish quotation marks and dashes in plain text: "tak" and “tak” -> „tak”,
    <<tak>> -> »tak«, " - " and " -- " -> " – ", "..." -> "…"."""
    if '"' in text:
        text = _OPENING_QUOTE.sub("„", text).replace('"', "”")
    if "“" in text:  # pasted from an English (or German) text: “tak” / „tak“ -> „tak”
        text = _ENGLISH_CLOSING.sub("”", text).replace("“", "„")
    if "&lt;&lt;" in text or "<<" in text:
        text = _NESTED.sub(r"»\1«", text)
    if "-" in text:
        text = _SPACED_DASH.sub("–", text)
        text = _MONTH_RANGE.sub("\\1–\\2", text)
        text = _ONE_LETTER_PREFIX.sub("\\1\u2011", text)
    if "–" in text or "—" in text:
        text = _DASH_AFTER_WORD.sub(NBSP, text)
    return text.replace("...", "…")


_DIGIT_SPACE = re.compile(r"\d[ \t]")
# The digits the rules bind (a search for each is far faster than a pattern's pass).
_DIGITS = "0123456789"


def _has_digit(text):
    """Whether an ASCII digit stands anywhere in `text`."""
    return any(map(text.__contains__, _DIGITS))


@lru_cache(maxsize=8192)
def nbsp_text(text, units=DEFAULT_UNITS):
    """Apply the rules to plain text (a title, a paragraph without markup)."""
    if not text or text.isspace():  # "\n" between tags: nothing to bind
        return text
    text = quotes_text(text)
    if "\n" in text or "\t" in text or "\r" in text:
        text = _ONE_LETTER.sub(NBSP, text)
    else:
        text = _ONE_LETTER_SPACES.sub(NBSP, text)
    # Each rule runs only over a text that has what it looks for (a pass of a
    # pattern costs far more than looking for a few words).
    if _ABBREVIATION_HINT.search(text) or any(word in text for word in _ABBREVIATIONS_WITHOUT_DOT):
        text = _ABBREVIATION.sub(lambda m: m.group(1) + NBSP, text)
    if _ROMAN_HINT.search(text):
        text = _ROMAN.sub(lambda m: m.group(1) + NBSP, text)
    if _has_digit(text):  # units and digit groups follow a digit
        if _DIGIT_SPACE.search(text):  # what these four bind is a digit and the space after it
            text = _units_pattern(units).sub("\\1" + NBSP, text)
            text = _DIGIT_GROUPS.sub(lambda m: m.group(0).replace(" ", NBSP), text)
            text = _DAY_MONTH.sub(lambda m: m.group(1) + NBSP, text)
            text = _OF_NUMBER.sub("\\1" + NBSP, text)
        if "-" in text:
            text = _YEAR_RANGE.sub("\\1–\\2", text)
            text = _POSTAL.sub("\\1\u2011\\2", text)
        if "\u2011" in text:
            text = _POSTAL_TOWN.sub(NBSP, text)
        if any(street in text for street in _STREETS):
            text = _STREET_NUMBER.sub(lambda m: m.group(1) + NBSP, text)
        if "–" in text:
            text = _RANGE.sub("\\1–" + WORD_JOINER, text)
    return text


def _text_runs(html, fix, skip_links=False):
    """`fix` applied to each run of text in an HTML fragment, never to its
    markup or to what verbatim tags (code, pre, …) hold; with `skip_links`,
    not inside <a> either."""
    out = []
    verbatim = in_link = 0
    for i, part in enumerate(_MARKUP.split(html)):
        if i % 2:
            match = _TAG_NAME.match(part)
            name = match.group(2).lower() if match else ""
            closing = bool(match and match.group(1))
            if name in _VERBATIM_TAGS:
                if closing:
                    verbatim = max(0, verbatim - 1)
                elif not part.rstrip(">").endswith("/"):
                    verbatim += 1
            elif skip_links and name == "a":
                in_link = max(0, in_link - 1) if closing else in_link + 1
            out.append(part)
        else:
            out.append(part if verbatim or in_link or not part or part.isspace() else fix(part))
    return "".join(out)


def nbsp_html(html, units=DEFAULT_UNITS):
    """Apply the rules to the text of an HTML fragment, leaving markup alone."""
    if not html:
        return html
    return _text_runs(html, lambda text: nbsp_text(text, units))


# Phone numbers ("42 630 17 49", "+48 42 630 17 49") and e-mails in text
# become links a phone dials or writes to (WCAG: what can be acted on is a link).
# A phone number is written in the digits 0-9.
_GAP = "[ \u00a0\u2009\u202f-]"
_PHONE = re.compile(rf"(?<![\w+])(?:\+48{_GAP}?)?[0-9](?:{_GAP}?[0-9]){{8}}(?!\w)")
# What every phone number has, found fast (a pattern that starts with a digit;
# before it, a look for any digit at all, faster still).
_NINE_DIGITS = re.compile(rf"[0-9](?:{_GAP}?[0-9]){{8}}")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _tel(match):
    digits = re.sub(r"[^0-9]", "", match.group(0))
    number = digits if digits.startswith("48") and len(digits) == 11 else "48" + digits
    return f'<a href="tel:+{number}">{match.group(0)}</a>'


def _link_text(escaped):
    """Links in a run of (already escaped) text."""
    linked = _EMAIL.sub(lambda m: f'<a href="mailto:{m.group(0)}">{m.group(0)}</a>', escaped)
    parts = re.split(r"(<a [^>]+>.*?</a>)", linked)
    return "".join(part if part.startswith("<a ") else _PHONE.sub(_tel, part) for part in parts)


def contact_links(text):
    """A contact line with its phone numbers and e-mails as links (tel:,
    mailto:), the rest escaped."""
    return Markup(_link_text(str(escape(text))))


def contact_links_html(html):
    """The same in an HTML fragment: in its text, never inside a link, a tag
    or code."""
    if not html or ("@" not in html and not (_has_digit(html) and _NINE_DIGITS.search(html))):
        return html
    return _text_runs(html, _link_text, skip_links=True)


_BLOCK_TAGS = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|td|th)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]+>")


def plain_text(html):
    """Readable plain text from a bit of HTML (a summary, a post's text): for
    calendars, JSON-LD, feeds and the search's list of words."""
    text = _ANY_TAG.sub("", _BLOCK_TAGS.sub(" ", html or ""))
    return re.sub(r"\s+", " ", unescape(text).replace(NBSP, " ")).strip()


def _units(settings):
    return tuple(setting(settings, "TYPOGRAPHY_UNITS"))


def card_summary(article, units=DEFAULT_UNITS, typeset=True):
    """The plain, typeset summary a list card shows, computed once per post
    (not once per list it appears in). Called while pages are written, when
    Pelican has resolved the summary's links."""
    cached = getattr(article, "typeset_card_summary", None)
    if cached is None:
        summary = Markup(article.summary or "").striptags()
        if len(summary) > 260:
            summary = summary[:257].rsplit(" ", 1)[0] + "…"
        cached = article.typeset_card_summary = nbsp_text(summary, units) if typeset else summary
    return cached


# The readers of this build, to tell which of them run Markdown (and with it
# markdown_ext.py): Pelican's MarkdownReader and any subclass a plugin
# registered in its place (the authoring plugin's StaffMarkdownReader).
_READERS = {"readers": None, "markdown": None}


def remember_readers(readers):
    """readers_init: the build's readers (asked later, when every plugin has
    set its own, whatever the order of PLUGINS)."""
    _READERS.update(readers=readers, markdown=None)


def markdown_readers():
    """The `reader` names of posts whose text Markdown converted."""
    if _READERS["markdown"] is None:
        readers = _READERS["readers"]
        classes = list(readers.reader_classes.values()) if readers is not None else []
        _READERS["markdown"] = {reader_name(MarkdownReader)} | {
            reader_name(c) for c in classes if isinstance(c, type) and issubclass(c, MarkdownReader)
        }
    return _READERS["markdown"]


def enable_in_markdown(pelican):
    """initialized: typeset Markdown while it is converted (markdown_ext.py)."""
    settings = pelican.settings
    if setting(settings, "TYPOGRAPHY_ENABLED"):
        settings["MARKDOWN"] = with_markdown_extension(
            settings, "klucz.typography.markdown_ext", {"units": list(_units(settings))})


def fix_content(content):
    """content_object_init: typeset what Markdown did not (other readers)."""
    settings = content.settings
    if not setting(settings, "TYPOGRAPHY_ENABLED") or not content._content:
        return
    markdown_configs = settings.get("MARKDOWN", {}).get("extension_configs", {})
    if "klucz.typography.markdown_ext" in markdown_configs and getattr(content, "reader", None) in markdown_readers():
        return
    content._content = nbsp_html(content._content, _units(settings))
    if getattr(content, "_summary", None):
        content._summary = nbsp_html(content._summary, _units(settings))


# Each tag of a template ({{ … }} and {% … %}) stands in the template's text as
# one character of the supplementary private use area while that text is typeset.
_FIRST_MARKER = 0xF0000
_MARKERS = re.compile("[\U000F0000-\U000FFFFD]")


class TemplateTypography(Extension):
    """The one typography pass over what templates write, done when a template
    is compiled (and kept with it in Jinja's bytecode cache): the template's own
    text gets the rules, and every value it writes into text (never into an
    attribute, a script or code) goes through the `typo` filter. A value that
    is already markup (a post's text, a macro's output) is left as it is: it
    was typeset where it was made."""

    @property
    def units(self):
        return getattr(self.environment, "typography_units", DEFAULT_UNITS)

    @property
    def compile_key(self):
        """What the compiled code depends on besides the source (the render
        cache keeps compiled templates by it)."""
        return repr(tuple(self.units))

    def filter_stream(self, stream):
        units = self.units
        items = []  # data tokens' text (str) and tags (lists of tokens)
        tag = None
        for token in stream:
            if tag is not None:
                tag.append(token)
                if token.type in ("variable_end", "block_end"):
                    items.append(tag)
                    tag = None
            elif token.type in ("variable_begin", "block_begin"):
                tag = [token]
            elif token.type != "data":
                items.append([token])
            elif items and isinstance(items[-1], Token):
                items[-1] = Token(items[-1].lineno, "data", items[-1].value + token.value)
            else:
                items.append(token)
        out, number = [], 0
        for item in items:
            if isinstance(item, list):
                out.append(chr(_FIRST_MARKER + number))
                number += 1
            else:
                out.append(item.value)
        joined = "".join(out)
        in_text = set()

        def fix(run):
            in_text.update(_MARKERS.findall(run))
            return nbsp_text(run, units)

        pieces = iter(_MARKERS.split(_text_runs(joined, fix)))
        piece = next(pieces)
        number = 0
        for item in items:
            if not isinstance(item, list):
                yield Token(item.lineno, "data", piece)
                piece = ""
                continue
            if item[0].type == "variable_begin" and chr(_FIRST_MARKER + number) in in_text:
                begin, *expression, end = item
                line = end.lineno
                yield from (begin, Token(line, "lparen", "("), *expression, Token(line, "rparen", ")"),
                            Token(line, "pipe", "|"), Token(line, "name", "typo"), end)
            else:
                yield from item
            number += 1
            piece = next(pieces)


def typeset_templates(generator):
    """generator_init: the templates of this generator are typeset when compiled."""
    if not setting(generator.settings, "TYPOGRAPHY_ENABLED"):
        return
    generator.env.extend(typography_units=_units(generator.settings))
    generator.env.add_extension(TemplateTypography)


def value_typesetter(units):
    """The `typo` filter of one build: a value written into a page's text,
    typeset. Plain text gets the rules, each distinct text once (a page writes
    about sixty values, most of them the same on every page); markup (a post's
    text, a macro's output, a captured block) was typeset where it was made,
    so a value a template escapes itself (`|e`) is written as it is, like
    anything else that is not text (a number, an undefined value)."""
    done = {}

    def typeset(value):
        if type(value) is not str:
            return value
        result = done.get(value)
        if result is None:
            result = done[value] = nbsp_text(value, units)
        return result

    return typeset


def add_filters(generator):
    """`typo` (which the template pass adds to every value written into text),
    `kontakty` (a contact line, typeset, its phone numbers and e-mails as
    links) and `card_summary`."""
    if not setting(generator.settings, "TYPOGRAPHY_ENABLED"):
        generator.env.filters.update(
            {"typo": lambda value: value, "kontakty": contact_links,
             "card_summary": lambda article: card_summary(article, typeset=False)}
        )
        return
    units = _units(generator.settings)
    typo = value_typesetter(units)
    generator.env.filters.update(
        {
            "typo": typo,
            "kontakty": lambda value: contact_links(typo(value)),
            "card_summary": lambda article: card_summary(article, units),
        }
    )


def register():
    signals.initialized.connect(enable_in_markdown)
    signals.readers_init.connect(remember_readers)
    signals.content_object_init.connect(fix_content)
    signals.generator_init.connect(add_filters)
    signals.generator_init.connect(typeset_templates)
