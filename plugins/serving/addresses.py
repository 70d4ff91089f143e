"""The site's addresses: which page lives where and which file made it, the old
addresses kept alive (`Aliases:`) and those removed on purpose (410 Gone).

adresy.json, written into the output:
    {"site": "https://…",
     "pages": {"/aktualnosci/targi/": "aktualnosci/2026-11-10-targi.md", …},
     "aliases": {"/aktualnosci/stary-tytul/": "/aktualnosci/targi/", …},
     "removed": ["/aktualnosci/odwolane/", …]}

`make deploy` compares the live site's list with the new one and refuses to go
on while an address would disappear; `make check` and the preview warn as soon
as an edit changes an address the live site has (SERVING_LIVE_ADDRESSES)."""

import html
import json
import logging
import os
import re
import urllib.parse
import urllib.request

from pelican.contents import Static

from klucz.strict_build import Problem, field_line, relative_path, report

from .settings import setting

logger = logging.getLogger(__name__)

# The only addresses with a query kept: WordPress's short links, /?p=101.
_SHORT_LINK = re.compile(r"^/\?(p|page_id|attachment_id|cat|tag|m)=[\w-]+$")

STATE = {"pages": {}, "aliases": {}, "moved_files": set(), "removed": [], "sources": {}}


def address(url):
    """'aktualnosci/x/' -> '/aktualnosci/x/'; 'index.html' -> '/'."""
    url = "/" + str(url or "").lstrip("/")
    return url[: -len("index.html")] if url.endswith("/index.html") or url == "/index.html" else url


def _lines(settings, name):
    """[(words, line number)] of a list in the content folder (the setting
    `name` says which): `#` starts a comment, empty lines are skipped."""
    path = os.path.join(settings["PATH"], setting(settings, name))
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8-sig") as f:
        return [(words, number) for number, line in enumerate(f, 1) if (words := line.split("#", 1)[0].split())]


def read_removed(settings):
    """[(address, line)] from the file of deliberately removed addresses."""
    return [(words[0], number) for words, number in _lines(settings, "SERVING_REMOVED_FILE")]


def read_moved(settings):
    """[(old, new, line)] from the file of moved files (pictures and documents
    of the old site: `/wp-content/uploads/2016/06/a.pdf /pliki/a.pdf`),
    written as in a browser (%20 for a space), kept as a server compares them."""
    return [(urllib.parse.unquote(words[0]), urllib.parse.unquote(words[1]) if len(words) > 1 else "", number)
            for words, number in _lines(settings, "SERVING_MOVED_FILE")]


def _aliases_of(item):
    value = item.metadata.get("aliases")
    if not value:
        return []
    values = value if isinstance(value, list) else str(value).split(",")
    return [str(v).strip() for v in values if str(v).strip()]


def collect(generators):
    """all_generators_finalized: every post's and page's address, its aliases,
    the removed addresses; the mistakes in them reported."""
    settings = generators[0].settings
    pages, sources, aliases = {}, {}, {}
    for generator in generators:
        for attr in ("articles", "pages", "hidden_pages"):
            for item in getattr(generator, attr, []) or []:
                if isinstance(item, Static) or not item.save_as or getattr(item, "preview_state", None):
                    continue
                here = address(item.url)
                pages[here] = relative_path(item, settings)
                sources[here] = item
    for here, item in sources.items():
        shown = relative_path(item, settings)
        for old in _aliases_of(item):
            problem = None
            if not old.startswith("/") or "//" in old or any(ch.isspace() for ch in old) or (
                    "?" in old and not _SHORT_LINK.match(old)):
                problem = (f"„{old}” to nie jest adres na tej stronie",
                           "wpisz dawny adres od ukośnika, np. Aliases: /aktualnosci/stary-tytul/")
            elif old in pages:
                problem = (f"pod adresem {old} jest dziś strona z pliku {pages[old]}",
                           "usuń ten adres z Aliases (przekierowanie zasłoniłoby tę stronę)")
            elif old in aliases and aliases[old] != here:
                problem = (f"adres {old} przekierowuje już do {aliases[old]}", "zostaw go tylko w jednym wpisie")
            if problem:
                report(Problem(shown, "Aliases", problem[0], problem[1],
                               line=field_line(item.source_path, "Aliases") or 1))
                continue
            aliases[old] = here
    moved_file = setting(settings, "SERVING_MOVED_FILE")
    files = set()
    for old, new, line in read_moved(settings):
        wrong = None
        if not old.startswith("/") or not new.startswith("/"):
            wrong = (f"„{old} {new}” to nie para adresów na tej stronie",
                     "wpisz dawny i nowy adres od ukośnika, np. /wp-content/uploads/2016/06/a.pdf /pliki/a.pdf")
        elif old in pages or old in aliases:
            wrong = (f"adres {old} jest już stroną albo dawnym adresem wpisu", "usuń ten wiersz")
        elif not os.path.isfile(os.path.join(settings["PATH"], new.lstrip("/"))):
            wrong = (f"nie ma pliku {new.lstrip('/')} w folderze content",
                     "popraw nowy adres albo usuń ten wiersz")
        if wrong:
            report(Problem(moved_file, "adres", wrong[0], wrong[1], line=line))
            continue
        aliases[old] = new
        files.add(old)
    removed = []
    removed_file = setting(settings, "SERVING_REMOVED_FILE")
    for old, line in read_removed(settings):
        if not old.startswith("/"):
            report(Problem(removed_file, "adres", f"„{old}” to nie jest adres na tej stronie",
                           "wpisz adres od ukośnika, np. /aktualnosci/stary-wpis/", line=line))
        elif old in pages:
            report(Problem(removed_file, "adres", f"pod adresem {old} jest dziś strona z pliku {pages[old]}",
                           "usuń ten wiersz albo stronę", line=line))
        else:
            removed.append(old)
    STATE.update(pages=pages, aliases=aliases, moved_files=files, removed=sorted(set(removed)), sources=sources,
                 site=(settings.get("SITEURL") or "").rstrip("/"))
    warn_about_moved_pages(settings)


def manifest():
    return {"site": STATE.get("site", ""), "pages": dict(sorted(STATE["pages"].items())),
            "aliases": dict(sorted(STATE["aliases"].items())), "removed": STATE["removed"]}


REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="pl">
<head>
<meta charset="utf-8">
<title>Strona ma nowy adres</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>Ta strona ma nowy adres: <a href="{url}">{url}</a>.</p>
</body>
</html>
"""


def write_addresses(pelican):
    """finalized: adresy.json, and for hosts without redirect rules a page at
    every old address that sends the browser on at once."""
    settings = pelican.settings
    output = pelican.output_path
    with open(os.path.join(output, setting(settings, "SERVING_ADDRESSES_FILE")), "w", encoding="utf-8") as f:
        json.dump(manifest(), f, ensure_ascii=False, indent=1)
        f.write("\n")
    site = (settings.get("SITEURL") or "").rstrip("/")
    for old, new in STATE["aliases"].items():
        if "?" in old or old in STATE["moved_files"]:  # a short link (/?p=101), a file: only a server's rule
            continue
        target = os.path.join(output, *old.strip("/").split("/"))
        target = os.path.join(target, "index.html") if old.endswith("/") else target
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(REDIRECT_PAGE.format(url=html.escape(site + new)))


def load_addresses(where, timeout=5):
    """A site's adresy.json from a file or a URL; None when it cannot be had."""
    try:
        if str(where).startswith(("http://", "https://")):
            with urllib.request.urlopen(str(where), timeout=timeout) as response:
                return json.load(response)
        with open(where, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def lost_addresses(live, new):
    """Addresses the live site answers that the new build would not:
    [(address, source file on the live site)]."""
    keep = set(new.get("pages", {})) | set(new.get("aliases", {})) | set(new.get("removed", []))
    lost = []
    for old, source in sorted(live.get("pages", {}).items()):
        if old not in keep:
            lost.append((old, source))
    for old in sorted(live.get("aliases", {})):
        if old not in keep:
            lost.append((old, None))
    return lost


def advice(old, source, new, removed_file):
    """How to keep an address, naming the post that moved."""
    now = {src: here for here, src in new.get("pages", {}).items()}
    if source and source in now:
        return (f"{source}: adres {old} zniknie – wpis ma teraz adres {now[source]}",
                f"dodaj w jego nagłówku wiersz Aliases: {old} (stary adres będzie przekierowywał na nowy)")
    what = f"wpis {source}" if source else "przekierowanie"
    return (f"{old}: {what} zniknie ze strony, a ludzie mogą mieć ten adres w zakładkach i udostępnieniach",
            f"jeśli wpis ma nowy plik albo adres, dodaj w jego nagłówku wiersz Aliases: {old}; "
            f"jeśli usunięto go celowo, dopisz wiersz {old} do content/{removed_file} (odpowie 410 Gone)")


def warn_about_moved_pages(settings):
    """An edit that takes away an address the live site has: a warning now,
    in `make check` and the preview, not only at deploy time."""
    where = setting(settings, "SERVING_LIVE_ADDRESSES")
    if not where:
        return
    live = load_addresses(where)
    if live is None:
        logger.info("nie udało się pobrać listy adresów strony publicznej z %s", where)
        return
    new = manifest()
    removed_file = setting(settings, "SERVING_REMOVED_FILE")
    for old, source in lost_addresses(live, new):
        message, hint = advice(old, source, new, removed_file)
        item = next((i for i in STATE["sources"].values() if relative_path(i, settings) == source), None)
        field = "Slug" if item is not None and field_line(item.source_path, "Slug") else "Title"
        report(Problem(source or removed_file, field if item is not None else "adres",
                       message.split(": ", 1)[1] if item is not None else message, hint,
                       line=field_line(item.source_path, field) if item is not None else None,
                       severity="warning"))
