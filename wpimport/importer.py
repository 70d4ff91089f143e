"""From the export's items to files in content/: which item goes where, under
which name and address, with which header; written only when it is new or
unchanged by staff since the last import."""

import datetime as dt
import hashlib
import html
import json
import os
import re
import urllib.parse
import zoneinfo
from dataclasses import dataclass, field

from pelican.utils import slugify
from unidecode import unidecode

from klucz.events.model import ONLINE_WORDS
from klucz.serving import moved_files_file

from . import wxr
from .convert import Converter
from .media import SLUG_SUBS, Media, php
from .settings import setting

CONTENT_TYPES = ("post", "page", "tribe_events")
# Post types that are not posts: what the report says about them.
NOT_POSTS = {
    "attachment": "załączniki (zdjęcia i pliki): przeniesione razem z wpisami, które ich używają",
    "nav_menu_item": "pozycje menu: menu tej strony jest w szablonie",
    "revision": "wersje robocze zmian: zostaje ostatnia wersja wpisu",
    "wp_block": "bloki wielokrotnego użytku: ich treść wstawiona we wpisy, które ich używały",
    "tribe_venue": "miejsca wydarzeń: wpisane w pole Miejsce szkoleń",
    "tribe_organizer": "organizatorzy wydarzeń: wpisani w pole Osoba do kontaktu szkoleń",
    "customize_changeset": "ustawienia wyglądu WordPressa",
    "custom_css": "style CSS motywu WordPressa",
    "oembed_cache": "pamięć podręczna osadzeń",
    "wp_global_styles": "style motywu WordPressa",
    "wp_template": "szablony motywu WordPressa",
    "wp_template_part": "części szablonów WordPressa",
    "wp_navigation": "menu WordPressa",
    "wpcf7_contact_form": "formularze Contact Form 7: zapisy na szkolenia przyjmuje serwis zapisów",
    "user_request": "prośby o eksport lub usunięcie danych osobowych",
}
SKIPPED_STATUSES = {"trash": "w koszu", "auto-draft": "automatyczny szkic (pusty)", "inherit": "wersja wpisu"}
DRAFT_STATUSES = {"draft": "szkic", "pending": "oczekujący na przegląd", "private": "prywatny"}
ZERO_DATE = "0000-00-00 00:00:00"
# A venue named as the site names an online training (the events plugin's words).
ONLINE_VENUES = ONLINE_WORDS | {"spotkanie online"}


@dataclass
class Note:
    """One thing for staff to do (or know), in the report."""

    file: str
    line: int
    message: str


@dataclass
class Plan:
    item: wxr.Item
    kind: str  # "post", "page", "training"
    folder: str
    slug: str
    file: str = ""  # relative to content
    public: bool = True  # published or scheduled
    notes: list = field(default_factory=list)  # (field or "", message)
    aliases: list = field(default_factory=list)
    result: str = ""  # written, updated, unchanged, kept (edited by staff), deleted, existing


def sha(data):
    return hashlib.sha256(data if isinstance(data, bytes) else data.encode("utf-8")).hexdigest()


def one_line(text):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text or "")).split())


class Importer:
    def __init__(self, settings, uploads):
        self.settings = settings
        self.content = settings["PATH"]
        self.tz = zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "Europe/Warsaw")
        self.record_path = os.path.join(self.content, setting(settings, "WORDPRESS_RECORD"))
        self.record = self._load_record()
        self.problems = []
        self.export = wxr.Export()
        self.media = Media(self.content, uploads, self.record["media"],
                           max_width=setting(settings, "WORDPRESS_IMAGE_MAX_WIDTH"))
        self.items, self.venues, self.organizers, self.blocks = [], {}, {}, {}
        self.not_posts, self.skipped, self.comments = {}, [], 0
        self.plans, self.by_id, self.by_path = [], {}, {}
        self.unknown_categories = {}
        self.moved_files = 0
        self._hosts = None
        self.converter = Converter(self.media, self._link, self.blocks)

    # -- reading -----------------------------------------------------------

    def _load_record(self):
        try:
            with open(self.record_path, encoding="utf-8") as f:
                record = json.load(f)
        except (OSError, ValueError):
            record = {}
        record.setdefault("items", {})
        record.setdefault("media", {})
        return record

    def read(self, path):
        children = {}
        for item in wxr.read(path, self.export):
            self.comments += item.comments
            if item.type == "attachment":
                self.media.add(item)
                children.setdefault(item.parent, []).append(item.id)
            elif item.type == "tribe_venue":
                self.venues[item.id] = item
            elif item.type == "tribe_organizer":
                self.organizers[item.id] = item
            elif item.type == "wp_block":
                self.blocks[item.id] = item.content or ""
            if item.type in CONTENT_TYPES:
                # The text is read again when the file is written (write()):
                # the first pass keeps only what decides names and addresses.
                item.content = None
                self.items.append(item)
            elif item.type:
                self.not_posts[item.type] = self.not_posts.get(item.type, 0) + 1
            else:
                self.skipped.append((item, "element bez typu (uszkodzony fragment pliku)"))
        self.children = children
        return self.export

    # -- deciding ----------------------------------------------------------

    def hosts(self):
        """The old site's host names (with and without www.), known once the export is read."""
        if self._hosts is not None:
            return self._hosts
        hosts = set()
        for url in (self.export.base_site_url, self.export.base_blog_url, self.export.link):
            host = urllib.parse.urlsplit(url or "").hostname
            if host:
                hosts.update({host, host[4:] if host.startswith("www.") else "www." + host})
        self._hosts = hosts
        return hosts

    def _old_path(self, url):
        """The path (and a ?p=/page_id= query) of an address on the old site, or None."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if parts.hostname and parts.hostname not in self.hosts():
            return None
        if not parts.hostname and not url.startswith("/"):
            return None
        path = urllib.parse.unquote(parts.path or "/")
        base = urllib.parse.unquote(urllib.parse.urlsplit(self.export.base_blog_url or "").path).rstrip("/")
        query = urllib.parse.parse_qs(parts.query)
        for key in ("p", "page_id", "attachment_id"):
            if key in query and query[key][0].isdigit() and path.rstrip("/") in ("", base, base + "/index.php"):
                return f"/?{key}={query[key][0]}"
        return path

    def _slug(self, item):
        name = urllib.parse.unquote(item.name or "")
        slug = slugify(unidecode(name), regex_subs=SLUG_SUBS) if name else ""
        if not slug:  # drafts have no slug yet
            slug = slugify(unidecode(one_line(item.title)), regex_subs=SLUG_SUBS)
        return slug or f"wpis-{item.id}"

    def _existing(self, folder):
        """{slug: file} of the files already in a folder (staff's and imported)."""
        found = {}
        subs = self.settings.get("SLUG_REGEX_SUBSTITUTIONS") or SLUG_SUBS
        path = os.path.join(self.content, folder)
        if not os.path.isdir(path):
            return found
        for name in sorted(os.listdir(path)):
            if not name.endswith(".md"):
                continue
            title = slug = None
            with open(os.path.join(path, name), encoding="utf-8-sig", errors="replace") as f:
                for line in f:
                    if not line.strip():
                        break
                    key, _, value = line.partition(":")
                    if key.strip().lower() == "title":
                        title = value.strip()
                    elif key.strip().lower() == "slug":
                        slug = value.strip()
            slug = slug or (slugify(title, regex_subs=subs) if title else "")
            if slug:
                found[slug] = (f"{folder}/{name}", title or "")
        return found

    def _folder_of_post(self, item):
        mapping = setting(self.settings, "WORDPRESS_CATEGORIES")
        ignored = set(setting(self.settings, "WORDPRESS_IGNORED_CATEGORIES"))
        categories = [(nice, name) for domain, nice, name in item.terms if domain == "category"]
        for nice, _name in categories:
            if nice in mapping:
                return mapping[nice], None
        folder = setting(self.settings, "WORDPRESS_DEFAULT_FOLDER")
        unknown = [one_line(name) for nice, name in categories if nice not in ignored]
        for name in unknown:
            self.unknown_categories[name] = self.unknown_categories.get(name, 0) + 1
        note = (f"kategoria {', '.join(unknown)} nie ma swojego działu: wpis trafił do {folder}/ "
                "(przenieś plik do wesprzyj/, jeśli to apel)") if unknown else None
        return folder, note

    def reserved(self):
        """First path segments the site's own pages use (sections, tags,
        archives, feeds, search, files): a page's slug must not take one."""
        names = set(self.settings.get("ARTICLE_PATHS") or []) | set(self.settings.get("STATIC_PATHS") or [])
        for name, value in self.settings.items():
            if isinstance(value, str) and name.endswith(("_URL", "_SAVE_AS", "_ATOM", "_RSS", "_DIR")):
                first = value.strip("/").split("/")[0]
                if first and "{" not in first and "." not in first:
                    names.add(first)
        return names | {"theme", "feeds"}

    def plan(self):
        pages_folder = (self.settings.get("PAGE_PATHS") or ["pages"])[0]
        reserved = self.reserved()
        trainings = setting(self.settings, "WORDPRESS_TRAININGS_FOLDER")
        taken, planned = {}, set()
        for item in sorted(self.items, key=lambda i: (i.date or "", i.id)):
            if item.status in SKIPPED_STATUSES:
                self.skipped.append((item, SKIPPED_STATUSES[item.status]))
                continue
            if item.status not in ("publish", "future") and item.status not in DRAFT_STATUSES:
                self.skipped.append((item, f"nieznany stan „{item.status or 'brak'}”"))
                continue
            if item.type == "page":
                kind, folder = "page", pages_folder
            elif item.type == "tribe_events":
                kind, folder = "training", trainings
                if not (item.first("_EventStartDateUTC") or item.first("_EventStartDate")):
                    kind, folder = "post", setting(self.settings, "WORDPRESS_DEFAULT_FOLDER")
            else:
                kind = "post"
                folder, note = self._folder_of_post(item)
            plan = Plan(item, kind, folder, self._slug(item))
            if kind == "page" and plan.slug in reserved:
                plan.notes.append(("Slug", f"adres /{plan.slug}/ ma na tej stronie jej własna część: strona zapisana "
                                           f"pod /{plan.slug}-strona/; sprawdź, czy jest jeszcze potrzebna"))
                plan.slug += "-strona"
            if item.type == "post" and note:
                plan.notes.append(("Tags", note))
            plan.public = item.status in ("publish", "future") and not item.password
            if kind == "post" and item.type == "tribe_events":
                plan.notes.append(("Event-Start", "wydarzenie bez daty początku: zapisane jako aktualność"))
            known = self.record["items"].get(str(item.id))
            if folder not in taken:
                taken[folder] = self._existing(folder)
                # Files this import wrote before count as its own, not as staff's.
                mine = {r["file"] for r in self.record["items"].values()}
                taken[folder] = {s: v for s, v in taken[folder].items() if v[0] not in mine}
            if known and known.get("folder") == folder:
                plan.slug, plan.file = known["slug"], known["file"]
            else:
                title = one_line(item.title).lower()
                same = next((f for f, t in taken[folder].values()
                             if t and one_line(t).lower() == title and f not in planned), None)
                if same and item.title.strip():
                    # Staff already moved this one by hand: not a second copy.
                    plan.result, plan.file = "existing", same
                else:
                    date = self._date(item) or dt.datetime.now(self.tz)
                    slug, number = plan.slug, 1
                    while slug in taken[folder]:  # the address is another post's
                        number += 1
                        slug = f"{plan.slug}-{number}"
                    stem = slug if kind == "page" else f"{date:%Y-%m-%d}-{slug}"
                    name, number = f"{folder}/{stem}.md", 1
                    while os.path.exists(os.path.join(self.content, name)) or name in planned:  # only the file name
                        number += 1
                        name = f"{folder}/{stem}-{number}.md"
                    plan.slug, plan.file = slug, name
            planned.add(plan.file)
            taken[folder][plan.slug] = (plan.file, item.title)
            self.plans.append(plan)
            self.by_id[item.id] = plan
        for plan in self.plans:
            for path in self._old_paths(plan.item):
                self.by_path.setdefault(path, plan)
        self.taken_addresses = {self.new_address(p) for p in self.plans if p.result != "existing"}
        self.taken_addresses |= {f"/{name}/" for name in reserved}
        for plan in self.plans:
            plan.aliases = self._aliases(plan)

    def _old_paths(self, item):
        paths = []
        if item.link:
            path = self._old_path(item.link)
            if path:
                paths += [path]
        paths.append(f"/?p={item.id}")
        if item.type == "page":
            paths.append(f"/?page_id={item.id}")
        permalink = paths[0] if paths and not paths[0].startswith("/?") else None
        if permalink:
            for old in item.meta.get("_wp_old_slug", []):
                old = urllib.parse.unquote(old.strip())
                if old and item.name:
                    name = urllib.parse.unquote(item.name)
                    if name in permalink:
                        head, _, tail = permalink.rpartition(name)
                        paths.append(head + old + tail)
        return list(dict.fromkeys(p for p in paths if p))

    def new_address(self, plan):
        if plan.kind == "page":
            return "/" + plan.slug + "/"
        return f"/{plan.folder}/{plan.slug}/"

    def _aliases(self, plan):
        if plan.item.status != "publish" or plan.item.password:
            return []
        here = self.new_address(plan)
        aliases = []
        for path in self._old_paths(plan.item):
            if path in ("/", here) or (path.rstrip("/") + "/") == here:
                continue
            if path in self.taken_addresses or path.rstrip("/") + "/" in self.taken_addresses:
                continue  # answered by a page of this site: the visitor lands there
            if any(ch.isspace() for ch in path) or "//" in path:
                plan.notes.append(("Aliases", f"dawny adres „{path}” ma spację lub dwa ukośniki: nie przekierujemy go"))
                continue
            aliases.append(path)
        return aliases

    # -- times -------------------------------------------------------------

    def _date(self, item):
        """The publication time in Warsaw: from the UTC field, else the old site's local time."""
        if item.date_gmt and item.date_gmt != ZERO_DATE:
            try:
                return dt.datetime.fromisoformat(item.date_gmt).replace(tzinfo=dt.UTC).astimezone(self.tz)
            except ValueError:
                pass
        if item.date and item.date != ZERO_DATE:
            try:
                return dt.datetime.fromisoformat(item.date).replace(tzinfo=self.tz)
            except ValueError:
                pass
        return None

    def _event_zone(self, item):
        name = item.first("_EventTimezone")
        if name:
            match = re.fullmatch(r"UTC([+-])(\d{1,2})(?:[:.](\d{2}))?", name)
            if match:
                sign = 1 if match.group(1) == "+" else -1
                return dt.timezone(sign * dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0)))
            try:
                return zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                pass
        return self.tz

    def _event_time(self, item, which):
        utc = item.first(f"_Event{which}DateUTC")
        if utc:
            try:
                return dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC).astimezone(self.tz)
            except ValueError:
                pass
        local = item.first(f"_Event{which}Date")
        if local:
            try:
                return dt.datetime.fromisoformat(local).replace(tzinfo=self._event_zone(item)).astimezone(self.tz)
            except ValueError:
                return None
        return None

    # -- links -------------------------------------------------------------

    def _link(self, href):
        """(new href or None to drop the link, problem or None)."""
        if self.media.is_upload(href):
            target = self.media.file(href)
            if target:
                return target, None
            return None, f"nie ma pliku {self.media.relative(href)} w UPLOADS: link usunięty, tekst został"
        old = self._old_path(href)
        if old is None:
            return "", None
        fragment = urllib.parse.urlsplit(href).fragment
        plan = self.by_path.get(old) or self.by_path.get(old.rstrip("/") + "/") or self.by_path.get(old.rstrip("/"))
        if plan is None and old.startswith("/?attachment_id="):  # an attachment's page: its file
            picture = self.media.attachments.get(int(old.split("=", 1)[1]))
            target = self.media.file(picture.attachment_url) if picture is not None else None
            if target:
                return target, None
            return "", None
        if plan is None:
            if href.startswith("/") or urllib.parse.urlsplit(href).hostname:
                return "", (f"link do strony {old} starej witryny, której nie ma w eksporcie: "
                            "sprawdź, dokąd ma prowadzić")
            return "", None
        if not plan.public:
            return None, f"link do niepublikowanego wpisu „{one_line(plan.item.title)}”: usunięty, tekst został"
        return "{filename}/" + plan.file + (f"#{fragment}" if fragment else ""), None

    # -- writing -----------------------------------------------------------

    def header(self, plan):
        item = plan.item
        fields = [("Title", one_line(item.title) or f"Bez tytułu ({item.id})")]
        if not one_line(item.title):
            plan.notes.append(("Title", "wpis nie miał tytułu: wpisz go"))
        date = self._date(item)
        if plan.kind != "page":
            if date is None:
                date = dt.datetime.now(self.tz).replace(second=0, microsecond=0)
                plan.notes.append(("Date", "wpis nie miał daty: wpisano dzień importu"))
            fields.append(("Date", f"{date:%Y-%m-%d %H:%M}"))
            modified = None
            if item.modified_gmt and item.modified_gmt != ZERO_DATE:
                try:
                    modified = dt.datetime.fromisoformat(item.modified_gmt).replace(tzinfo=dt.UTC).astimezone(self.tz)
                except ValueError:
                    modified = None
            if modified and modified - date > dt.timedelta(days=1) and item.status == "publish":
                fields.append(("Modified", f"{modified:%Y-%m-%d %H:%M}"))
        tags = self._tags(item)
        if tags:
            fields.append(("Tags", ", ".join(tags)))
        summary = one_line(item.excerpt)
        if summary:
            fields.append(("Summary", summary))
        fields.append(("Slug", plan.slug))
        if not plan.public:
            fields.append(("Status", "draft"))
            why = DRAFT_STATUSES.get(item.status) or ("chroniony hasłem" if item.password else item.status)
            plan.notes.append(("Status", f"na starej stronie: {why}; zapisany jako szkic, niewidoczny publicznie"))
        elif item.status == "future":
            plan.notes.append(("Date", f"zaplanowany na {date:%d.%m.%Y %H:%M}: strona opublikuje go tego dnia"))
        thumbnail = item.first("_thumbnail_id")
        if thumbnail.isdigit() and int(thumbnail) in self.media.attachments:
            picture = self.media.attachments[int(thumbnail)]
            relative = self.media.relative(picture.attachment_url) or picture.first("_wp_attached_file")
            target = self.media.bring(relative) if relative else None
            if target and target.startswith("images/"):
                fields.append(("Image", target))
                alt = self.media.alt_of(int(thumbnail)) or one_line(picture.excerpt)
                if not alt:
                    alt = f"Zdjęcie do wpisu „{one_line(item.title)}”"
                    plan.notes.append(("Image-Alt", f"zdjęcie wpisu {target} nie miało opisu: dostało tymczasowy, "
                                                    "opisz, co na nim widać"))
                fields.append(("Image-Alt", alt))
            else:
                plan.notes.append(("Image", f"brak pliku zdjęcia wpisu ({relative}) w UPLOADS"))
        if plan.kind == "training":
            fields += self._event_fields(plan)
        if plan.aliases:
            fields.append(("Aliases", ", ".join(plan.aliases)))
        return fields

    def _tags(self, item):
        ignored = set(setting(self.settings, "WORDPRESS_IGNORED_CATEGORIES"))
        mapping = setting(self.settings, "WORDPRESS_CATEGORIES")
        tags = []
        for domain, nice, name in item.terms:
            name = one_line(name).replace(",", " ")
            if domain in ("post_tag", "tribe_events_cat") or (
                    domain == "category" and nice not in ignored and nice not in mapping):
                if name and name.lower() not in (t.lower() for t in tags):
                    tags.append(name)
        return tags

    def _event_fields(self, plan):
        item, fields = plan.item, []
        all_day = item.first("_EventAllDay").lower() in ("yes", "1", "true")
        start, end = self._event_time(item, "Start"), self._event_time(item, "End")
        if all_day:
            first = (item.first("_EventStartDate") or "")[:10] or (start and f"{start:%Y-%m-%d}")
            last = (item.first("_EventEndDate") or "")[:10] or (end and f"{end:%Y-%m-%d}")
            fields.append(("Event-Start", first))
            if last and last != first:
                fields.append(("Event-End", last))
        else:
            fields.append(("Event-Start", f"{start:%Y-%m-%d %H:%M}"))
            if end and end > start:
                fields.append(("Event-End", f"{end:%Y-%m-%d %H:%M}"))
        ident = item.first("_EventVenueID")
        venue = self.venues.get(int(ident)) if ident.isdigit() else None
        upcoming = start is not None and start > dt.datetime.now(self.tz)
        name = one_line(venue.title) if venue is not None else ""
        if venue is not None and name.lower() in ONLINE_VENUES:
            # The meeting link is never public and the old site does not have it.
            fields.append(("Event-Location", "spotkanie online"))
            if upcoming:
                plan.notes.append(("Event-Location", "szkolenie online: dodaj Event-Online-URL (link do spotkania, "
                                                     "dostaną go tylko zapisani) i zmień miejsce na: online"))
        elif venue is not None:
            town = " ".join(p for p in (venue.first("_VenueZip"), venue.first("_VenueCity")) if p.strip())
            parts = [name, one_line(venue.first("_VenueAddress")), town.strip()]
            fields.append(("Event-Location", ", ".join(p for p in parts if p)))
        else:
            fields.append(("Event-Location", "miejsce do potwierdzenia"))
            plan.notes.append(("Event-Location", "wydarzenie nie miało miejsca na dawnej stronie: wpisz je "
                                                 "(nazwa, ulica i numer, kod pocztowy i miasto)"))
        status = item.first("_tribe_events_status").lower()
        if status in ("canceled", "cancelled"):
            fields.append(("Event-Status", "cancelled"))
        elif status == "postponed":
            fields.append(("Event-Status", "postponed"))
        host = sorted(self.hosts())[0] if self.hosts() else "wordpress"
        fields.append(("Event-UID", f"wp-{item.id}@{host.removeprefix('www.')}"))
        cost = one_line(item.first("_EventCost"))
        if cost:
            number = re.fullmatch(r"(\d+(?:[.,]\d{1,2})?)\s*(zł|zl|pln)?", cost, re.I)
            if number:
                fields.append(("Event-Price", number.group(1).replace(",", ".").removesuffix(".00")))
            elif re.search(r"bezp[łl]at|darmow|free|wstęp wolny|wstep wolny", cost, re.I):
                fields.append(("Event-Price", "0"))
            else:
                plan.notes.append(("Event-Price",
                                   f"koszt „{cost}” to nie jedna kwota: wpisz go w treści albo jako liczbę"))
        contacts = []
        for ident in item.meta.get("_EventOrganizerID", []):
            organizer = self.organizers.get(int(ident)) if str(ident).isdigit() else None
            if organizer is not None:
                parts = [one_line(organizer.title), organizer.first("_OrganizerEmail").strip(),
                         organizer.first("_OrganizerPhone").strip()]
                contacts.append(", ".join(p for p in parts if p))
        if contacts:
            fields.append(("Event-Contact", "; ".join(contacts)))
        url = item.first("_EventURL").strip()
        if url:
            if re.match(r"^(https?://\S+|mailto:\S+@\S+)$", url):
                fields.append(("Registration-URL", url))
            else:
                plan.notes.append(("Registration-URL", f"adres zapisów „{url[:80]}” nie jest linkiem: pominięty"))
        rule = item.first("_EventRecurrence")
        if rule and rule not in ("a:0:{}", ""):
            data = php(rule)
            rules = data.get("rules") if isinstance(data, dict) else None
            if rules or data is None or (isinstance(data, dict) and data.get("type") not in (None, "", "None")):
                kinds = []
                for value in (rules or {}).values() if isinstance(rules, dict) else []:
                    if isinstance(value, dict):
                        kinds.append(str(value.get("custom", {}).get("type") if isinstance(value.get("custom"), dict)
                                         else value.get("type") or ""))
                said = f" ({', '.join(k for k in kinds if k)})" if any(kinds) else ""
                plan.notes.append(("Event-Start", f"wydarzenie powtarzające się{said}: zaimportowany tylko pierwszy "
                                                  "termin; kolejne terminy dodaj jako osobne szkolenia"))
        return fields

    def render(self, plan):
        converted = self.converter.convert(plan.item, lambda ident: self.children.get(ident, []))
        fields = self.header(plan)
        head = "".join(f"{key}: {value}\n" for key, value in fields)
        body = converted.markdown
        if not body.strip():
            plan.notes.append(("treść", "wpis nie ma treści"))
        offset = len(fields) + 1
        body_notes = [(offset + line, kind, detail) for line, kind, detail in converted.notes]
        field_lines = {key: number for number, (key, _v) in enumerate(fields, 1)}
        return head + "\n" + body, body_notes, field_lines

    def write(self, path):
        """The second pass over the export: each item's text converted and
        written as it is met, then let go."""
        for item in wxr.read(path, wxr.Export()):
            plan = self.by_id.get(item.id)
            if plan is None or plan.item.line != item.line or item.type not in CONTENT_TYPES:
                continue
            plan.item.content = item.content
            self._write(plan)
            plan.item.content = None
        self.write_moved_files()
        self._save_record()

    def _write(self, plan):
        if plan.result == "existing":
            self.problems.append(Note(plan.file, 1,
                f"„{one_line(plan.item.title)}” jest już na stronie w tym pliku (ten sam tytuł i adres): "
                "nie zaimportowano drugi raz" + (f"; dopisz w nim dawne adresy: Aliases: {', '.join(plan.aliases)}"
                                                  if plan.aliases else "")))
            return
        text, body_notes, field_lines = self.render(plan)
        path = os.path.join(self.content, plan.file)
        known = self.record["items"].get(str(plan.item.id))
        state = "written"
        if os.path.exists(path):
            with open(path, "rb") as f:
                current = sha(f.read())
            if current == sha(text):
                state = "unchanged"
            elif known and known.get("sha256") == current:
                state = "updated"
            else:
                state = "kept"
        elif known:
            state = "deleted"
        plan.result = state
        if state in ("written", "updated"):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        if state in ("written", "updated", "unchanged"):
            self.record["items"][str(plan.item.id)] = {"file": plan.file, "folder": plan.folder,
                                                       "slug": plan.slug, "sha256": sha(text)}
        if state == "kept":
            self.problems.append(Note(plan.file, 1, "plik zmieniony po imporcie (albo czyjś inny): "
                                         "nie nadpisano go; nowa wersja z WordPressa nie została zapisana"))
            return
        if state == "deleted":
            self.problems.append(Note(plan.file, 1, "plik usunięty po poprzednim imporcie: nie przywrócono go"))
            return
        for key, message in plan.notes:
            self.problems.append(Note(plan.file, field_lines.get(key, 1), message))
        for line, _kind, detail in body_notes:
            self.problems.append(Note(plan.file, line, detail))

    def write_moved_files(self):
        """Every copied file's old addresses (the original and its resized
        variants) into the serving plugin's list of moved files: 301 to the
        copy. Lines already there (and any staff wrote) stay as they are."""
        path = os.path.join(self.content, moved_files_file(self.settings))
        lines, known = [], set()
        if os.path.isfile(path):
            with open(path, encoding="utf-8-sig") as f:
                lines = f.read().splitlines()
            known = {line.split()[0] for line in lines if line.strip() and not line.lstrip().startswith("#")}
        base = urllib.parse.urlsplit(self.export.base_site_url or "").path.rstrip("/") + "/wp-content/uploads/"
        variants = {}
        for relative, ident in self.media.by_path.items():
            variants.setdefault(ident, []).append(relative)
        added = []
        for source, record in sorted(self.record["media"].items()):
            ident = self.media.attachment_of(source)
            for relative in sorted({source, *variants.get(ident, [])}):
                old = urllib.parse.quote(base + relative)
                if old not in known:
                    known.add(old)
                    added.append(f"{old} /{record['file']}")
        self.moved_files = len(added)
        if not added:
            return
        if not lines:
            lines = ["# Pliki przeniesione ze starej strony: dawny adres, spacja, nowy adres (przekierowanie 301).",
                     "# Wiersze dopisuje import z WordPressa (make import); można je poprawiać."]
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines + added) + "\n")

    def _save_record(self):
        os.makedirs(os.path.dirname(self.record_path) or ".", exist_ok=True)
        with open(self.record_path, "w", encoding="utf-8") as f:
            json.dump(self.record, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")
