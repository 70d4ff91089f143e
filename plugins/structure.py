"""How this site is put together: where each kind of page is published, its
feeds, its Markdown and templates, its reader cache and the plugins it runs.

These are decisions of the code, not of the centre: the theme's templates, the
plugins and the list of published addresses (`adresy.json`, which `make deploy`
guards) depend on them. pelicanconf.py imports them and sets what the centre
decides (its name, address, menus, donation details); publishconf.py changes
what the live site does differently. A name set again in either file wins.
"""

# --- Pelican core ----------------------------------------------------------
PATH = "content"
THEME = "theme"
TIMEZONE = "Europe/Warsaw"
DEFAULT_LANG = "pl"
DEFAULT_PAGINATION = 20
PAGINATION_PATTERNS = (
    (1, "{base_name}/", "{save_as}"),
    (2, "{base_name}/strona/{number}/", "{base_name}/strona/{number}/index.html"),
)
SUMMARY_MAX_LENGTH = 40

# The folder is the category (Pelican's USE_FOLDER_AS_CATEGORY); its slug is
# the folder name. Pages are in pages/ (Pelican's PAGE_PATHS).
ARTICLE_PATHS = ["aktualnosci", "szkolenia", "wesprzyj"]
STATIC_PATHS = ["images", "pliki"]

# Addresses. Pelican's defaults are kept where they fit: no year archives, no
# author pages (none listed in DIRECT_TEMPLATES: no list of categories or
# authors either).
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
DRAFT_URL = "szkice/{slug}/"
DRAFT_SAVE_AS = "szkice/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tagi/"
TAGS_SAVE_AS = "tagi/index.html"
AUTHOR_SAVE_AS = ""
ARCHIVES_URL = "archiwum/"
ARCHIVES_SAVE_AS = "archiwum/index.html"
# Monthly archives only: a year page would repeat twelve months of lists.
MONTH_ARCHIVE_URL = "archiwum/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "archiwum/{date:%Y}/{date:%m}/index.html"
# The home page is not a list of every post (its latest news link to
# Aktualności, which is paged, as are tags and the archive).
PAGINATED_TEMPLATES = {
    "tag": 50,
    "category": None,
    "archives": 50,
    "period_archives": None,
}
DIRECT_TEMPLATES = ["index", "tags", "archives"]
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

# Feeds: Atom and RSS for everything and per category (Pelican's
# CATEGORY_FEED_ATOM); none per tag, author or translation. Entries need
# absolute links: FEED_DOMAIN is the site's origin (pelicanconf.py).
FEED_ALL_ATOM = "feeds/wszystko.atom.xml"
FEED_ALL_RSS = "feeds/wszystko.rss.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
RSS_FEED_SUMMARY_ONLY = False
FEED_MAX_ITEMS = 50

# Polish quotation marks and dashes come from the typography plugin (cheaper
# than Markdown's smarty extension, and it knows „…” and »…«).
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
    },
    "output_format": "html5",
}

# Escape everything a template prints unless it is marked safe (post bodies).
# A build's templates do not change while it runs: Jinja need not look at
# each file's time again at every include (a new build has new environments).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False}

# Reproducible output: no timestamps from the build machine in pages.
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
# Rebuilds reuse what Pelican read last time (per file, by its content); the
# authoring plugin keeps one cache per content folder and code version. Every
# build is written into a new folder (strict_build.build_site), so nothing is deleted
# from an output folder first. publishconf.py reads every file afresh.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
CACHE_PATH = "cache/pelican"
# Uncompressed: faster to save and load (a few MB for a thousand posts).
GZIP_CACHE = False

# --- Plugins: one package per capability in plugins/, installed as the
# package `klucz` (pyproject.toml), so no installed package can replace one --
PLUGINS = [
    "klucz.strict_build",
    "klucz.build_clock",
    "klucz.render_cache",  # its writer reuses unchanged pages; it works out every address once, early
    "klucz.authoring",
    "klucz.polish_dates",
    "klucz.typography",
    "klucz.events",
    "klucz.donations",
    "klucz.images",
    "klucz.seo",
    "klucz.serving",
    "klucz.home",  # the home page's heading and "Co robimy" from content/strona-glowna.json
    "klucz.feeds",  # /obserwuj/ and feeds a browser shows as a page
    "klucz.cms",
    "klucz.share_images",
    "klucz.search",  # last: indexes the pages the others wrote
]

# Header fields the theme's templates read (the plugins declare their own; any
# other field is refused with the nearest known name). Name -> help, or
# {"help": ..., "kind": "date"} for a date read like every other.
AUTHORING_EXTRA_FIELDS = {
    "Description": {"help": "opis strony dla wyszukiwarek (gdy ma być inny niż Summary)",
                    "label": "Opis dla wyszukiwarek"},
    "Image": {"help": "zdjęcie wpisu (nad tekstem, na karcie w listach i przy udostępnianiu): "
                      "images/nazwa.jpg", "label": "Zdjęcie wpisu", "kind": "image"},
    "Image-Alt": {"help": "co widać na zdjęciu z pola Image – jedno zdanie dla osób niewidomych",
                  "label": "Opis zdjęcia"},
    "EU_Funding": {"help": "„tak” = pasek logotypów UE na górze strony; puste = w stopce",
                   "label": "Pasek logotypów UE na górze strony"},
    "Project-Title": {"help": "nazwa projektu (strona projektu; Projekty wymienia każdą stronę z tym polem)",
                      "label": "Nazwa projektu"},
    "Project-Status": {"help": "trwa | zakończony (Projekty pokazują najpierw projekty, które trwają)",
                       "kind": "choice", "choices": ("trwa", "zakończony"), "label": "Stan projektu"},
    "Project-Programme": {"help": "program, z którego projekt jest finansowany", "label": "Program"},
    "Project-Beneficiary": {"help": "beneficjent projektu", "label": "Beneficjent"},
    "Project-Partners": {"help": "partnerzy projektu", "label": "Partnerzy"},
    "Project-Period": {"help": "okres realizacji projektu", "label": "Okres realizacji"},
    "Project-Value": {"help": "wartość projektu", "label": "Wartość projektu"},
    "Project-EU-Contribution": {"help": "dofinansowanie z Unii Europejskiej", "label": "Dofinansowanie z UE"},
    "A11y-Published": {"help": "data publikacji strony (deklaracja dostępności)", "kind": "date",
                       "label": "Data publikacji strony (deklaracja dostępności)"},
    "A11y-Updated": {"help": "data ostatniej istotnej aktualizacji strony", "kind": "date",
                     "label": "Data ostatniej aktualizacji strony"},
    "A11y-Status": {"help": "zgodna | częściowo zgodna | niezgodna", "kind": "choice",
                    "choices": ("zgodna", "częściowo zgodna", "niezgodna"), "label": "Stan zgodności"},
    "A11y-Prepared": {"help": "data sporządzenia deklaracji", "kind": "date", "label": "Data sporządzenia deklaracji"},
    "A11y-Reviewed": {"help": "data ostatniego przeglądu deklaracji", "kind": "date",
                      "label": "Data przeglądu deklaracji"},
    "A11y-Contact-Person": {"help": "osoba kontaktowa w sprawie dostępności",
                            "label": "Osoba kontaktowa w sprawie dostępności"},
}

# The Content-Security-Policy of the folders with a policy of their own (the
# rest of the site keeps SERVING_CSP). The editor's page may talk to the git
# host's API (connect-src) and use the inline styles Decap draws with, and it
# checks its configuration with compiled functions ('unsafe-eval').
# Connecting another host (GitHub: https://api.github.com; Gitea/Forgejo: its
# address) means adding it to connect-src here; the build says so.
_search_csp = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SERVING_CSP_BY_PATH = {
    # The search page and Pagefind's worker (served from /pagefind/) run
    # its WebAssembly.
    "/szukaj/": _search_csp,
    "/pagefind/": _search_csp,
    "/admin/": (
        "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' https://gitlab.com; "
        "frame-src 'self' blob:; worker-src 'self' blob:; media-src 'self' blob:; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
}
