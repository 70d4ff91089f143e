"""The home page's own words, kept where staff can change them in the web
editor: `content/strona-glowna.json` (the editor's "Strona główna" form) holds
the heading, the sentence under it and the "Co robimy" list. Read at the start of every build into
`home` in the templates' context (which the page cache follows as it follows
the context); a site without the file, or a field the file leaves out, uses
the settings `HOME_HEADLINE`, `HOME_LEAD` and `HOME_SERVICES`.

The file as the editor writes it:

    {"headline": "Pomagamy …", "lead": "Centrum KLUCZ wspiera …",
     "services": [{"title": "Szkolenia", "text": "Od …", "url": "szkolenia/"}, …]}

What is wrong with it fails the build with the file, the field and what to
write, like a post's header; every address must lead to a page of the site.
"""

import json
import os

from pelican import signals

from klucz.strict_build import Problem, Setting, declare, report

SETTINGS = declare(
    Setting(
        "HOME_DATA_FILE",
        "strona-glowna.json",
        "The file in the content folder; None: the home page's words come from the two settings below only.",
        kind=str,
    ),
    Setting(
        "HOME_HEADLINE",
        None,
        "The home page's heading (the name is in the header); None: SITESUBTITLE.",
        kind=str,
    ),
    Setting("HOME_LEAD", None, "The sentence under the heading; None: SITE_DESCRIPTION.", kind=str),
    Setting("HOME_SERVICES", [], "\"Co robimy\": (title, one sentence, address on this site) triples."),
    Setting("HOME_NEWS_CATEGORY", "aktualnosci", "The category whose latest posts the home page lists.", kind=str),
    Setting("HOME_NEWS_COUNT", 3, "How many of them (a link leads to all).", kind=int),
)
setting = SETTINGS.get

# What the file's fields are called in the editor: its form and the messages.
LABELS = {
    "headline": "Nagłówek",
    "lead": "Wprowadzenie",
    "services": "Co robimy",
    "title": "Nazwa",
    "text": "Jedno zdanie",
    "url": "Adres",
}


def named(key):
    """A field as messages name it: its key in the file and its label in the editor."""
    return f"{key} ({LABELS[key]})"


EXAMPLE = '{"headline": "Pomagamy …", "services": [{"title": "Szkolenia", "text": "…", "url": "szkolenia/"}]}'

# What the JSON reader says, in words staff understand.
JSON_ERRORS = {
    "Expecting ',' delimiter": "brakuje przecinka między polami albo pozycjami",
    "Expecting ':' delimiter": "brakuje dwukropka po nazwie pola",
    "Expecting property name enclosed in double quotes": "nazwa pola bez cudzysłowu albo przecinek za ostatnią pozycją",
    "Expecting value": "brakuje wartości (tekstu w cudzysłowie)",
    "Unterminated string starting at": "tekst bez zamykającego cudzysłowu",
    "Invalid control character at": "nowy wiersz w środku tekstu",
    "Extra data": "coś zostało za końcem danych",
}

# Addresses of the "Co robimy" list, checked once the site is written.
STATE = {"addresses": [], "page": {}}


def data_path(settings):
    name = setting(settings, "HOME_DATA_FILE")
    return os.path.join(settings["PATH"], name) if name else None


def problem(settings, field, message, hint, line=None):
    report(Problem(setting(settings, "HOME_DATA_FILE"), field, message, hint, line=line))


def text(settings, value, field):
    """A non-empty one-line text, else None (and the problem said)."""
    if value is not None and not isinstance(value, str):
        problem(settings, field, "to nie jest tekst", f"wpisz tekst w cudzysłowie, jak w przykładzie: {EXAMPLE}")
        return None
    if not value or not value.strip():
        problem(settings, field, "puste pole", "wpisz tekst (pole jest wymagane)")
        return None
    return " ".join(value.split())


def address(settings, value, field):
    """A site address as the templates link it: `szkolenia/`, never `/szkolenia`
    or the site's full address; another site's https://… stays as it is."""
    value = text(settings, value, field)
    if value is None:
        return None
    if value.startswith(("http://", "https://")):
        siteurl = (settings.get("SITEURL") or "").rstrip("/")
        if not siteurl or not value.startswith(siteurl + "/"):
            return value
        value = value[len(siteurl) :]
    value = value.lstrip("/")
    last = value.rsplit("/", 1)[-1]
    if value and "." not in last and not value.endswith("/"):
        value += "/"  # pretty addresses: a page is a folder
    return value


def read_data(pelican):
    """initialized: the file read and checked into what the home page shows
    (`home` in the templates' context: headline, lead, services); the
    settings HOME_HEADLINE, HOME_LEAD and HOME_SERVICES where it has none."""
    settings = pelican.settings
    STATE["addresses"] = []
    STATE["page"] = {
        "headline": setting(settings, "HOME_HEADLINE"),
        "lead": setting(settings, "HOME_LEAD"),
        "services": list(setting(settings, "HOME_SERVICES")),
    }
    path = data_path(settings)
    if not path or not os.path.exists(path):
        return
    try:
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
    except UnicodeDecodeError:
        return problem(
            settings, "plik", "plik nie jest zapisany w UTF-8", "zapisz go w edytorze na stronie albo jako UTF-8"
        )
    except json.JSONDecodeError as error:
        said = JSON_ERRORS.get(error.msg, error.msg)
        return problem(
            settings,
            "plik",
            f"plik nie daje się odczytać: {said} (znak {error.colno})",
            f"popraw go w edytorze na stronie (Strona główna) albo zapisz jak w przykładzie: {EXAMPLE}",
            line=error.lineno,
        )
    if not isinstance(data, dict):
        return problem(settings, "plik", "to nie jest opis strony głównej", f"zapisz go jak w przykładzie: {EXAMPLE}")
    unknown = sorted(set(data) - {"headline", "lead", "services"})
    if unknown:
        problem(
            settings,
            ", ".join(unknown),
            "nieznane pole",
            f"plik ma tylko pola {named('headline')}, {named('lead')} i {named('services')}",
        )
    headline = text(settings, data.get("headline"), named("headline"))
    # Optional: left empty, the site's description stands under the heading.
    lead = data.get("lead")
    if isinstance(lead, str) and not lead.strip():
        lead = None
    if lead is not None:
        lead = text(settings, lead, named("lead"))
    services = []
    listed = data.get("services", [])
    if not isinstance(listed, list):
        problem(settings, named("services"), "to nie jest lista", f"zapisz ją jak w przykładzie: {EXAMPLE}")
        listed = []
    for number, item in enumerate(listed, 1):
        where = f"{named('services')}, pozycja {number}"
        if not isinstance(item, dict):
            problem(settings, where, "to nie jest pozycja listy", "każda ma nazwę (title), zdanie (text) i adres (url)")
            continue
        extra = sorted(set(item) - {"title", "text", "url"})
        if extra:
            problem(
                settings,
                f"{where}: {', '.join(extra)}",
                "nieznane pole",
                f"pozycja ma tylko {named('title')}, {named('text')} i {named('url')}",
            )
        values = [
            text(settings, item.get("title"), f"{where}: {named('title')}"),
            text(settings, item.get("text"), f"{where}: {named('text')}"),
            address(settings, item.get("url"), f"{where}: {named('url')}"),
        ]
        if None not in values:
            services.append(tuple(values))
            STATE["addresses"].append((where, values[0], values[2]))
    if headline is not None:
        STATE["page"]["headline"] = headline
    if lead is not None:
        STATE["page"]["lead"] = lead
    STATE["page"]["services"] = services


def add_to_context(generator):
    """generator_init: the home page's words for the templates (`home`); the
    generators share one context, which the page cache's signature covers."""
    generator.context["home"] = STATE["page"]


def add_news(generator):
    """article_generator_finalized: the latest news for the home page
    (`home_news`: the posts and their category, for the link to all)."""
    settings = generator.settings
    wanted = setting(settings, "HOME_NEWS_CATEGORY")
    for category, articles in generator.categories:
        if category.slug == wanted:
            generator.context["home_news"] = {"category": category,
                                              "articles": articles[: setting(settings, "HOME_NEWS_COUNT")]}
            return
    generator.context["home_news"] = None


def check_addresses(pelican):
    """finalized: every "Co robimy" address leads to a page of the site just
    built (the output becomes the live one only if the build succeeds)."""
    for where, title, url in STATE["addresses"]:
        if url.startswith(("http://", "https://")):
            continue
        target = os.path.join(pelican.output_path, *url.split("/"))
        if url.endswith("/") or not url:
            target = os.path.join(target, "index.html")
        if not os.path.isfile(target):
            problem(
                pelican.settings,
                f"{where}: {named('url')}",
                f"„{title}” prowadzi pod /{url}, a takiej strony nie ma (wpis zmienił adres, "
                "jest szkicem albo go usunięto?)",
                "popraw adres w edytorze: Strona główna → Co robimy; wpisz adres strony tej witryny "
                "bez domeny, np. szkolenia/ albo o-nas/ (skopiuj go z paska adresu po otwarciu strony)",
            )


def editor_file(settings, content_folder):
    """The web editor's form for the file (Decap CMS `files` collection entry)."""
    url_hint = "adres strony tej witryny bez domeny, np. szkolenia/ albo o-nas/"
    return {
        "name": "strona-glowna",
        "label": "Strona główna: nagłówek i „Co robimy”",
        "file": f"{content_folder}/{setting(settings, 'HOME_DATA_FILE')}",
        "format": "json",
        "fields": [
            {
                "label": LABELS["headline"],
                "name": "headline",
                "widget": "string",
                "required": True,
                "hint": "jedno zdanie: co robi centrum (nazwa jest już w nagłówku strony)",
            },
            {
                "label": LABELS["lead"],
                "name": "lead",
                "widget": "text",
                "required": False,
                "hint": "jedno lub dwa zdania pod nagłówkiem; puste: opis strony z ustawień",
            },
            {
                "label": LABELS["services"],
                "name": "services",
                "widget": "list",
                "required": False,
                "label_singular": "pozycję",
                "summary": "{{fields.title}}",
                "hint": "cztery krótkie pozycje wyglądają najlepiej",
                "fields": [
                    {"label": LABELS["title"], "name": "title", "widget": "string", "required": True},
                    {"label": LABELS["text"], "name": "text", "widget": "text", "required": True},
                    {
                        "label": LABELS["url"],
                        "name": "url",
                        "widget": "string",
                        "required": True,
                        "hint": url_hint,
                        "pattern": [r"^(https?://\S+|/?[a-z0-9][a-z0-9/._-]*)$", "Wpisz " + url_hint],
                    },
                ],
            },
        ],
    }


def register():
    signals.initialized.connect(read_data)
    signals.generator_init.connect(add_to_context)
    signals.article_generator_finalized.connect(add_news)
    signals.finalized.connect(check_addresses)
