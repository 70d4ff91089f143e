"""The editor's configuration, made from what the plugins declare: every
collection's form comes from the `FIELDS` of the plugins it names (and the
theme's AUTHORING_EXTRA_FIELDS), so a field added to a plugin appears in the
editor with its Polish label and help, and no second list is kept by hand."""

import importlib
import os
import re

from klucz.deploy.draft import preview_context
from klucz.donations import campaigns
from klucz.serving import policy_for
from klucz.strict_build import extra_fields

from .settings import setting

# Decap's datetime widget: what it writes, and how it shows dates to staff.
DATE_FORMAT = "YYYY-MM-DD HH:mm"
URL_PATTERN = [r"^(https?://|mailto:)\S+$", "Wpisz pełny adres, np. https://… (albo mailto:… dla e-maila)"]
EMAIL_PATTERN = [r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "Wpisz adres e-mail, np. szkolenia@instytutsprawobywatelskich.pl"]


def data_key(field):
    """The field's key in the editor's data: its name in lower case, as
    Pelican's metadata has it (`event-start`)."""
    return field.name.lower()


def plugin_fields(name):
    return tuple(getattr(importlib.import_module(name), "FIELDS", ()))


def collection_fields(settings, spec):
    """The Fields a collection's form shows, in declaration order: a plugin's
    FIELDS but those its `editor_hidden_fields(settings)` leaves out (the
    events plugin: Seats-Left where the sign-up service counts the seats)."""
    skip = {name.lower() for name in spec.get("skip", ())}
    fields = []
    for plugin in spec.get("plugins", ()):
        fields.extend(plugin_fields(plugin))
        hidden = getattr(importlib.import_module(plugin), "editor_hidden_fields", None)
        if hidden is not None:
            skip |= {name.lower() for name in hidden(settings)}
    wanted = spec.get("extra", ())
    fields.extend(f for f in extra_fields(settings) if wanted == "*" or f.name in wanted)
    seen, result = set(), []
    for field in fields:
        key = data_key(field)
        if key not in skip and key not in seen:
            seen.add(key)
            result.append(field)
    return result


def all_fields(settings):
    """Every field any collection shows: [{key, name, kind}] for the file
    format (which needs to know a list from a number), in a stable order."""
    seen, result = set(), []
    for spec in setting(settings, "CMS_COLLECTIONS"):
        for field in collection_fields(settings, spec):
            key = data_key(field)
            if key not in seen:
                seen.add(key)
                result.append({"key": key, "name": field.name, "kind": field.kind, "label": field.label or field.name})
    return result


def not_copied(settings):
    """The header keys (a field's name and its one-word aliases, lower case)
    that a copy made in the editor leaves out (Field.copied False), from every
    plugin an editor collection names, shown in its form or not."""
    keys = set()
    for spec in setting(settings, "CMS_COLLECTIONS"):
        for plugin in spec.get("plugins", ()):
            for field in plugin_fields(plugin):
                if not field.copied:
                    keys.add(data_key(field))
                    keys.update(alias for alias in field.aliases if " " not in alias)
    return sorted(keys)


def editor_help(field, labels):
    """The field's help as the form says it: in Polish only. The file's field
    names in it become the form's labels ("przed Event-Start" -> "przed
    „Początek”"); a choice's help (its file values) gives way to the list of
    its Polish options the form shows."""
    if field.kind == "choice" and field.labels:
        return ""
    text = field.help
    for name in sorted(labels, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", f"„{labels[name]}”", text)
    return text


def rules(settings):
    """The checks between two fields (a plugin's RULES) that the editor runs
    before saving: [{field, relation, other, message, hint}] with data keys."""
    found, seen = [], set()
    for spec in setting(settings, "CMS_COLLECTIONS"):
        for plugin in spec.get("plugins", ()):
            for rule in getattr(importlib.import_module(plugin), "RULES", ()):
                if rule not in seen:
                    seen.add(rule)
                    found.append({"field": rule.field.lower(), "relation": rule.relation, "other": rule.other.lower(),
                                  "message": rule.message, "hint": rule.hint})
    return found


def widget(field, settings, required, labels=None):
    """Decap's description of one field; `labels`: {field name: its label}
    of the fields of the same form, for the help."""
    out = {
        "label": field.label or field.name,
        "name": data_key(field),
        "required": required,
        "hint": editor_help(field, labels or {}),
    }
    if field.name == "Donation":
        options = [{"label": "bez pola wsparcia pod wpisem (off)", "value": "off"}]
        options += [
            {"label": f"{spec.get('title', cid)} ({cid})", "value": cid} for cid, spec in campaigns(settings).items()
        ]
        out.update(widget="select", options=options,
                   hint="pole wsparcia pod wpisem: wybierz kampanię albo „bez pola wsparcia pod wpisem”")
    elif field.kind == "date":
        # The editor's own date field (admin/editor.js, registered in place of
        # Decap's datetime, so a post's date still names its file): day first
        # and a 24-hour clock in any browser, every form the build reads,
        # checked as it is typed; the value as the file keeps it (DATE_FORMAT).
        out.update(widget="datetime", format=DATE_FORMAT)
        if not required:
            out["default"] = ""
    elif field.kind == "number":
        out.update(widget="number", value_type="int", min=0)
    elif field.kind == "choice":
        labels = dict(field.labels)
        out.update(widget="select",
                   options=[{"label": labels.get(value, value), "value": value} for value in field.choices])
    elif field.kind == "list":
        # Typed as people type (commas, spaces in a tag): the editor's own
        # widget (admin/editor.js); tags with the site's tags offered.
        out.update(widget="lista", suggestions="tags" if field.name == "Tags" else "")
    elif field.kind == "image":
        # An upload button and the media library; the field keeps the path
        # the post's header uses (images/name.jpg), not the {static} form the
        # body's pictures need.
        media = setting(settings, "CMS_MEDIA_FOLDER")
        out.update(widget="image", choose_url=False,
                   media_folder=f"/{content_folder(settings)}/{media}", public_folder=media)
    elif field.kind == "url":
        out.update(widget="string", pattern=URL_PATTERN)
    elif field.kind == "email":
        out.update(widget="string", pattern=EMAIL_PATTERN)
    else:
        out.update(widget="string")
    return out


def repo_root(settings):
    return os.path.abspath(setting(settings, "CMS_REPO_ROOT") or os.path.dirname(os.path.abspath(settings["PATH"])))


def content_folder(settings):
    """The content folder as the editor's backend sees it: relative to the checkout."""
    return os.path.relpath(os.path.abspath(settings["PATH"]), repo_root(settings)).replace(os.sep, "/")


def file_collection(settings, spec):
    """A collection of one data file whose form its plugin describes
    (`file_from`: the plugin's `editor_file(settings, content folder)`), e.g.
    the home page's heading and "Co robimy" (plugin home)."""
    entry = importlib.import_module(spec["file_from"]).editor_file(settings, content_folder(settings))
    return {"name": spec["name"], "label": spec["label"], "files": [entry]}


def collection(settings, spec):
    if "file_from" in spec:
        return file_collection(settings, spec)
    content = content_folder(settings)
    fields = []
    shown = collection_fields(settings, spec)
    labels = {f.name: f.label for f in shown if f.label}
    for field in shown:
        fields.append(widget(field, settings, required=field.required, labels=labels))
    fields.append({"label": "Treść", "name": "body", "widget": "markdown", "required": False,
                   "modes": ["rich_text", "raw"], "editor_components": ["obraz", "wesprzyj"],
                   # No "Nagłówek 1": the title is the page's one H1.
                   "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "heading-four", "quote",
                               "bulleted-list", "numbered-list"],
                   "hint": "Obrazek: przycisk + → Obraz; wpisz, co na nim widać (tekst alternatywny). "
                           "Wezwanie do wsparcia w środku tekstu: osobny akapit [[wesprzyj]]."})
    dated = any(f["name"] == "date" for f in fields)
    return {
        "name": spec["name"],
        "label": spec["label"],
        "label_singular": spec.get("label_singular", spec["label"]),
        "folder": f"{content}/{spec['folder']}",
        "create": spec.get("create", True),
        "extension": "md",
        "format": "pelican",
        # As `make newpost` names files: today's date and the title.
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
        # The list shows the newest first, with its date as staff write it.
        "summary": "{{title}} · {{date | date('DD.MM.YYYY')}}" if dated else "{{title}}",
        "sortable_fields": ([{"field": "date", "label": "Data", "default_sort": "desc"}] if dated else [])
        + [{"field": "title", "label": "Tytuł"}],
        "fields": fields,
    }


def decap_config(settings):
    """Decap CMS's config.yml (as JSON, which YAML reads as it is)."""
    content = content_folder(settings)
    media = setting(settings, "CMS_MEDIA_FOLDER")
    config = {
        "locale": "pl",
        "backend": {
            # The history of the site says in Polish who changed what.
            "commit_messages": {
                "create": "Dodano ({{collection}}): {{slug}}",
                "update": "Zmieniono ({{collection}}): {{slug}}",
                "delete": "Usunięto ({{collection}}): {{slug}}",
                "uploadMedia": "Dodano plik: {{path}}",
                "deleteMedia": "Usunięto plik: {{path}}",
            },
            # A draft's check and preview, as the pipeline reports it (make draft).
            "preview_context": preview_context(),
            **setting(settings, "CMS_BACKEND"),
        },
        "media_folder": f"{content}/{media}",
        # Every uploaded picture saved again in the browser without its
        # location and camera data (Decap's media processing; its `width`
        # would enlarge small pictures too, so editor.js makes large ones
        # CMS_IMAGE_MAX_WIDTH wide before Decap sees them).
        "media_processing": {"enabled": True, "quality": setting(settings, "CMS_IMAGE_QUALITY"),
                             "strip_metadata": True},
        "public_folder": "{static}/" + media,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection(settings, spec) for spec in setting(settings, "CMS_COLLECTIONS")],
    }
    if setting(settings, "CMS_EDITORIAL_WORKFLOW"):
        config["publish_mode"] = "editorial_workflow"
    local = setting(settings, "CMS_LOCAL_BACKEND")
    if local:
        config["local_backend"] = {"url": local} if isinstance(local, str) else True
    siteurl = settings.get("SITEURL") or ""
    if siteurl.startswith("http"):
        config["site_url"] = siteurl
        config["display_url"] = siteurl
    return config


# Where each git host's API answers by default (Decap's defaults).
API_ORIGINS = {"gitlab": "https://gitlab.com", "github": "https://api.github.com"}


def api_origin(backend):
    """The origin the editor's page talks to, or None if it cannot be known."""
    root = backend.get("api_root") or API_ORIGINS.get(backend.get("name"))
    if not root:
        return None
    scheme, _, rest = root.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def policy_problem(settings):
    """What is wrong with the editor's Content-Security-Policy, or None: the
    page must be allowed to reach the git host, else saving fails in the
    browser with nothing in the build to say why."""
    path = "/" + setting(settings, "CMS_PATH").strip("/") + "/"
    policy = policy_for(settings, path)
    backend = setting(settings, "CMS_BACKEND")
    origin = api_origin(backend)
    if origin is None:
        return (f"dla serwera „{backend.get('name')}” podaj w CMS_BACKEND adres jego API (api_root), "
                "np. \"api_root\": \"https://git.example.org/api/v1\"")
    if policy is None:
        return None  # served without a policy of its own
    connect = next((part.split()[1:] for part in policy.split(";") if part.split()[:1] == ["connect-src"]), [])
    if origin not in connect and "*" not in connect:
        return (f"strona edytora {path} nie może łączyć się z {origin} – dopisz {origin} do connect-src "
                f"w SERVING_CSP_BY_PATH[\"{path}\"]")
    return None


def login_problem(settings):
    """(what is missing, what to do) for staff to log in to the live editor,
    or None: each git host needs an OAuth application the site names; without
    it "Zaloguj się" opens another service's login (Netlify's) and fails."""
    if setting(settings, "CMS_LOCAL_BACKEND"):
        return None  # this computer: no login
    backend = setting(settings, "CMS_BACKEND")
    name = backend.get("name")
    site = (settings.get("SITEURL") or "https://<adres strony>").rstrip("/")
    admin = f"{site}/{setting(settings, 'CMS_PATH').strip('/')}/"
    if name == "gitlab" and not (backend.get("auth_type") == "pkce" and backend.get("app_id")):
        return ("logowanie do edytora nie jest ustawione: brak aplikacji GitLab (auth_type \"pkce\" i app_id "
                "w CMS_BACKEND), więc „Zaloguj się” otworzy logowanie innego serwisu",
                f"w GitLabie: Ustawienia → Aplikacje → nowa aplikacja „Edytor strony”, adres powrotny {admin}, "
                "zakres api, bez zaznaczania „Confidential”; jej Application ID wpisz w CMS_BACKEND: "
                "\"auth_type\": \"pkce\", \"app_id\": \"…\" (README: Connecting the git host)")
    if name in ("gitea", "forgejo") and not backend.get("app_id"):
        return ("logowanie do edytora nie jest ustawione: brak aplikacji OAuth2 (app_id w CMS_BACKEND)",
                f"w ustawieniach konta lub organizacji: Aplikacje → nowa aplikacja OAuth2, adres powrotny {admin}, "
                "bez „Confidential client”; jej Client ID wpisz w CMS_BACKEND jako \"app_id\"")
    if name == "github" and not backend.get("base_url"):
        return ("logowanie do edytora nie jest ustawione: GitHub potrzebuje pośrednika logowania OAuth "
                "(base_url w CMS_BACKEND)",
                "uruchom pośrednika (np. decap-proxy), zarejestruj aplikację OAuth GitHuba z jego adresem powrotnym "
                "i wpisz jego adres w CMS_BACKEND jako \"base_url\" (README: Connecting the git host)")
    return None
