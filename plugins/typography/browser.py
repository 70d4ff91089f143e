"""The same rules in the web editor's preview (typografia.js): the build hands
over each rule's pattern, translated from Python's regular expressions into
JavaScript's, so a rule is written once; typografia.js applies them in the
order nbsp_text does (a test runs both over the same texts)."""

import os
import re

from . import rules

BROWSER_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "typografia.js")

# Python's \w (with str patterns: letters, numbers, "_") in JavaScript's "u" mode.
_WORD = r"\p{L}\p{N}_"
# JavaScript's own escapes of syntax characters; any other escaped character
# is written as itself ("u" mode refuses escapes it does not know).
_SYNTAX = set("^$\\.*+?()[]{}|/-")
_ESCAPES = set("dDsSwWbBntrfvu0123456789")


def js_pattern(compiled):
    """[source, flags] of a compiled Python pattern for `new RegExp`."""
    source, out, i, in_class = compiled.pattern, [], 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            code = source[i + 1]
            if code == "w":
                out.append(_WORD if in_class else f"[{_WORD}]")
            elif code == "b" and not in_class:
                out.append(f"(?:(?<=[{_WORD}])(?![{_WORD}])|(?<![{_WORD}])(?=[{_WORD}]))")
            elif code in _ESCAPES or code in _SYNTAX:
                out.append(source[i:i + 2])
            else:
                out.append(code)
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"(?=\n?$)"  # Python's $ also matches before a last newline
        out.append(char)
        i += 1
    flags = "gu" + ("i" if compiled.flags & re.IGNORECASE else "") + ("s" if compiled.flags & re.DOTALL else "")
    return ["".join(out), flags]


def browser_rules(settings):
    """What typografia.js needs: whether typography is on, and each rule's
    pattern (the units' pattern for this site's TYPOGRAPHY_UNITS)."""
    patterns = {
        name: js_pattern(getattr(rules, "_" + name.upper()))
        for name in (
            "one_letter", "digit_groups", "opening_quote", "english_closing", "nested", "day_month",
            "abbreviation", "of_number", "postal", "range", "spaced_dash", "dash_after_word", "year_range",
            "month_range", "postal_town", "street_number", "roman", "one_letter_prefix",
        )
    }
    patterns["units"] = js_pattern(rules._units_pattern(rules._units(settings)))
    return {"enabled": bool(rules.setting(settings, "TYPOGRAPHY_ENABLED")), "patterns": patterns}
