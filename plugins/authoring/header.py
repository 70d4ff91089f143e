"""A post's header read as staff meant it, or refused: every field known (with
the nearest known name for a typo or a Polish name), none written twice, every
date in one of the accepted forms, a title that gives an address."""

import difflib

from pelican.utils import slugify
from unidecode import unidecode

from klucz.polish_dates import DateProblem, parse_moment
from klucz.strict_build import Problem, declared_fields

from .fields import NOT_USED


def _plain(name):
    return " ".join(unidecode(name).lower().replace("_", " ").split())


def _unknown(item, known):
    """(message, hint) for a field no plugin declares."""
    plain = _plain(item.name)
    if plain in NOT_USED:
        return NOT_USED[plain]
    for field in known.values():
        if plain in field.aliases or plain == _plain(field.name):
            return (f"to pole nazywa się {field.name} ({field.help})",
                    f"zmień „{item.name}:” na „{field.name}:”")
    names = {name: field.name for name, field in known.items()}
    close = difflib.get_close_matches(item.name.lower(), names, n=1, cutoff=0.75)
    if close:
        right = names[close[0]]
        return (f"nieznane pole – czy chodziło o {right}?", f"popraw nazwę na „{right}:”")
    why = ("nazwa pola może mieć tylko litery bez polskich znaków, cyfry i myślniki"
           if not item.readable else "nieznane pole")
    return (why, "usuń ten wiersz albo popraw nazwę (lista pól: docs/poradnik.md); jeśli to już treść "
                 "wpisu, oddziel ją od nagłówka pustym wierszem")


def check_header(header, settings, shown, known=None):
    """Problems of one file's header (a list of strict_build.HeaderField);
    `known`: the declared fields, if the caller has them already."""
    known = known if known is not None else declared_fields(settings)
    problems = []
    seen = {}
    for item in header:
        key = item.name.lower()
        if not item.readable or key not in known:
            message, hint = _unknown(item, known)
            problems.append(Problem(shown, item.name, message, hint, line=item.line))
            continue
        field = known[key]
        if key in seen:
            problems.append(Problem(shown, field.name, f"pole wpisane drugi raz (pierwszy raz w wierszu {seen[key]})",
                                    f"zostaw jeden wiersz {field.name}:", line=item.line))
            continue
        seen[key] = item.line
        if field.kind == "date" and (item.value or field.required):
            try:
                parse_moment(item.value)
            except DateProblem as problem:
                message = problem.message if item.value else "brak daty"
                problems.append(Problem(shown, field.name, message, problem.hint, line=item.line))
    problems.extend(_address_problems(header, settings, shown))
    return problems


def _address_problems(header, settings, shown):
    values = {item.name.lower(): item for item in header if item.readable}
    title, slug = values.get("title"), values.get("slug")
    if title is not None and not title.value:
        return [Problem(shown, "Title", "tytuł jest pusty", "wpisz tytuł po „Title:”", line=title.line)]
    if "save_as" in values or "url" in values:
        return []  # a special page with its own address
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    if slug is not None:
        right = slugify(slug.value, regex_subs=subs)
        if not right:
            return [Problem(shown, "Slug", f"z „{slug.value}” nie powstanie adres strony",
                            "wpisz adres z małych liter, cyfr i myślników, np. Slug: relacja-z-targow", line=slug.line)]
        if right != slug.value:
            return [Problem(shown, "Slug", f"„{slug.value}” ma znaki, których w adresie nie używamy",
                            f"wpisz Slug: {right}", line=slug.line)]
        return []
    if title is not None and not slugify(title.value, regex_subs=subs):
        return [Problem(shown, "Title", f"z tytułu „{title.value}” nie powstanie adres strony (nie ma w nim liter ani "
                                        "cyfr)",
                        "dodaj do tytułu słowa albo wiersz Slug: krotki-adres", line=title.line)]
    return []
