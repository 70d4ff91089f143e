"""Settings of the development build (`make html`, `make serve`, `make devserver`).

The live site (`make publish`) reads publishconf.py, which starts from these.
Plugin settings carry their plugin's prefix and are documented in README.md.
"""

import os

# --- The site and the organisation (facts marked "do weryfikacji" must be
# confirmed by the centre before publishing) ---------------------------------
SITENAME = "Centrum KLUCZ"
SITESUBTITLE = "Ośrodek Wsparcia Ekonomii Społecznej w Łodzi"
SITE_DESCRIPTION = (
    "Centrum KLUCZ wspiera podmioty ekonomii społecznej w województwie łódzkim: "
    "doradztwo, szkolenia i dotacje na tworzenie miejsc pracy."
)
# share_images: drawn for the live site only (publishconf.py); nobody shares
# a development build, and a cold build of many posts would draw them all.
SHARE_IMAGES_ENABLED = False
# The logo in the header: a file in theme/static/ (the default is a key mark
# drawn for the sample site; replace it with the centre's own SVG).
SITE_LOGO = "img/logo.svg"
# The home page's heading and "Co robimy" are in content/strona-glowna.json,
# which staff change in the web editor (Strona główna); see plugins/home.
AUTHOR = "Centrum KLUCZ"
ORGANIZATION = {
    "name": "Fundacja Instytut Spraw Obywatelskich",
    # The name as sentences need it ("przeprowadzonej przez Fundację …").
    "name_accusative": "Fundację Instytut Spraw Obywatelskich",
    "short_name": "Instytut Spraw Obywatelskich",
    "street": "ul. Pomorska 40",
    "postal_code": "91-408",
    "city": "Łódź",
    "krs": "0000191928",  # do weryfikacji
    "email": "klucz@instytutsprawobywatelskich.pl",  # do weryfikacji
    "phone": "42 630 17 49",  # do weryfikacji
    "office_hours": "poniedziałek–piątek, 9:00–17:00",
}
# Person and address for privacy questions (RODO art. 13).
PRIVACY_CONTACT_EMAIL = "rodo@instytutsprawobywatelskich.pl"  # do weryfikacji

# Official EU funding artwork, supplied by the centre: a list of
# {"file": "images/eu/....svg", "alt": "..."}; empty = the strip is not shown.
EU_FUNDING_LOGOS = []

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

# Development URLs are root-relative (Pelican's SITEURL ""), served by
# `make serve` on port 8000. The absolute address used where a full URL is required (feeds, canonical
# links, Open Graph, sitemap, calendars).
SITE_ORIGIN = os.environ.get("SITE_ORIGIN", "http://localhost:8000")

# The folder is the category; its slug is the folder name.
USE_FOLDER_AS_CATEGORY = True
CATEGORY_TITLES = {
    "aktualnosci": "Aktualności",
    "szkolenia": "Szkolenia",
    "wesprzyj": "Apele",
}
ARTICLE_PATHS = ["aktualnosci", "szkolenia", "wesprzyj"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "pliki"]

ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
DRAFT_URL = "szkice/{slug}/"
DRAFT_SAVE_AS = "szkice/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
CATEGORIES_SAVE_AS = ""
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tagi/"
TAGS_SAVE_AS = "tagi/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_URL = "archiwum/"
ARCHIVES_SAVE_AS = "archiwum/index.html"
# Monthly archives only: a year page would repeat twelve months of lists.
YEAR_ARCHIVE_SAVE_AS = ""
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

# Feeds: Atom and RSS for everything and per category. Entries need absolute
# links, so the feed domain is the site's origin.
FEED_DOMAIN = SITE_ORIGIN
FEED_ALL_ATOM = "feeds/wszystko.atom.xml"
FEED_ALL_RSS = "feeds/wszystko.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
FEED_ATOM = None
FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
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
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Reproducible output: no timestamps from the build machine in pages.
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
# Rebuilds reuse what Pelican read last time (per file, by modification time);
# the authoring plugin keeps one cache per content folder and code version.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
CACHE_PATH = "cache/pelican"
# Uncompressed: faster to save and load (a few MB for a thousand posts).
GZIP_CACHE = False
DELETE_OUTPUT_DIRECTORY = True

# Navigation (label, URL relative to the site root).
# The centre's profiles, shown under "Obserwuj" in the footer:
# [("Facebook", "https://www.facebook.com/…"), ("LinkedIn", "https://…")].
SOCIAL_LINKS = []
MENU_ITEMS = [
    ("Aktualności", "aktualnosci/"),
    ("Szkolenia", "szkolenia/"),
    # A third item: the other folders this menu entry stands for.
    ("Wesprzyj nas", "wesprzyj-nas/", ("wesprzyj/",)),
    ("O nas", "o-nas/"),
    ("Kontakt", "kontakt/"),
]
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False
FOOTER_LINKS = [
    ("Polityka prywatności", "polityka-prywatnosci/"),
    ("Deklaracja dostępności", "deklaracja-dostepnosci/"),
    ("Projekty", "projekty/"),
    ("Archiwum", "archiwum/"),
    ("Tagi", "tagi/"),
]
ACCESSIBILITY_STATEMENT_URL = "deklaracja-dostepnosci/"
PRIVACY_POLICY_URL = "polityka-prywatnosci/"
# Sign-ups for trainings go to the sign-up service (signups/) at this address
# of the site: `make serve` runs it beside the site, nginx passes it on.
EVENTS_SIGNUPS_URL = "/zapisy/"

# --- Plugins: one package per capability in plugins/, installed as the
# package `klucz` (pyproject.toml), so no installed package can replace one --
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

PLUGINS = [
    "klucz.strict_build",
    "klucz.build_clock",
    "klucz.render_cache",  # before the plugins that write files: it decides where they go
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

# render_cache: the build goes to output.new and replaces output/ only when it
# succeeded (make html, make publish); in development, pages whose inputs did
# not change since the last build are linked from it instead of rendered again
# (publishconf.py turns that off).
RENDER_CACHE_PAGES = True

# cms: the staff's web editor at /admin/ (Decap CMS from editor/package-lock.json).
# The git host it saves to (CMS_BACKEND) is the cms plugin's default, the
# centre's GitLab project; README.md ("Edytor w przeglądarce") says how to
# connect GitLab, Gitea/Forgejo or GitHub.
# On this computer (`make cms`) the editor saves through its local proxy
# straight into content/, and the live preview shows the result at once.
# The editor's page may talk to the git host's API (connect-src) and use the
# inline styles Decap draws with, and it checks its configuration with compiled
# functions ('unsafe-eval'); the rest of the site keeps SERVING_CSP.
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
# `make cms`'s proxy writes straight into content/, so the preview shows every
# save at once; drafts, review and publishing are steps of the live editor
# (publishconf.py turns them on).
CMS_EDITORIAL_WORKFLOW = False
# `make cms` tells the build where its proxy listens.
CMS_LOCAL_BACKEND = os.environ.get("CMS_LOCAL_BACKEND") or True
# Images and documents are hard-linked into the new output folder, not copied
# on every build (publishconf.py copies them).
STATIC_CREATE_LINKS = True

# build_clock: BUILD_NOW (ISO 8601) builds the site for another moment than
# the wall clock; the BUILD_NOW environment variable does the same.

# seo: the development build asks robots to stay away (publishconf.py allows them).
SEO_ALLOW_INDEXING = False

# donations: "Dodaj nam MOCy!" call-outs and the "Wesprzyj nas" page (README.md).
# The payment links and the account below are EXAMPLES until the foundation
# supplies its own: `make publish` refuses them while DONATIONS_EXAMPLE_DATA is on.
DONATIONS_EXAMPLE_DATA = True
DONATIONS_DEFAULT = "dodaj-nam-mocy"
DONATIONS_CAMPAIGNS = {
    "dodaj-nam-mocy": {
        "title": "Dodaj nam MOCy!",
        "text": (
            "Od 2004 roku działamy na rzecz zmiany społecznej. Bo DNA Instytutu Spraw "
            "Obywatelskich to walka o dobro wspólne i mobilizowanie obywateli do działania. "
            "O dobro, które jest bliskie każdej i każdemu z nas, jak np. czyste powietrze, "
            "cisza za oknem, bezpieczna żywność czy wspólna przestrzeń. Oraz o dobro, które "
            "jest tylko pozornie dalekie: obywatelską inicjatywę ustawodawczą, referendum "
            "czy radę pracowników.\n\n"
            "By działać skutecznie, potrzebujemy stałego i pewnego budżetu. Pomóż nam "
            "stawić czoła codziennym wyzwaniom. Dorzuć się do działań Instytutu."
        ),
        "buttons": [
            {
                "label": "Wpłać darowiznę",
                "url": "https://platnosci.example.org/iso/darowizna",
                "kind": "one-off",
                "amounts": [30, 50, 100],
                "amount_param": "kwota",
            },
            {
                "label": "Wspieraj co miesiąc",
                "url": "https://platnosci.example.org/iso/co-miesiac",
                "kind": "monthly",
                "amounts": [20, 50],
                "amount_param": "kwota",
            },
        ],
        # The appeal's photo ("Dziewczynka z uniesioną pięścią, w stroju
        # superbohaterki z biało-czerwoną peleryną") joins here once the
        # foundation supplies the file:
        # "image": {"file": "images/dodaj-nam-mocy.jpg", "alt": "...", "width": 800, "height": 533},
        "variants": [
            {"id": "a"},
            {"id": "b", "button_label": "Dorzucam się"},
        ],
    },
    "swieta-2026": {
        "title": "Święta z MOCą",
        "text": "Grudniowa zbiórka na działania Instytutu w 2027 r.",
        "start": "2026-12-01",
        "end": "2026-12-31",
        "buttons": [
            {"label": "Wpłać na zbiórkę", "url": "https://platnosci.example.org/iso/swieta", "kind": "one-off"},
        ],
        "goal": {"target": 20000, "raised": 4350, "as_of": "2026-11-25"},
    },
}
DONATIONS_BANK = {
    "holder": "Fundacja Instytut Spraw Obywatelskich",
    "address": "ul. Pomorska 40, 91-408 Łódź",
    "nrb": "61 1090 1014 0000 0712 1981 2874",  # przykładowy numer (ISO 13616)
    "bank": "Bank przykładowy S.A.",
    "swift": "WBKPPLPP",
    "title": "Darowizna na cele statutowe",
}
DONATIONS_TAX = {"krs": "0000191928", "specific_goal": "Centrum KLUCZ"}
# "Wesprzyj nas": what a gift does (amount, what it pays for) and the latest
# report or financial statement ({"title": …, "url": …}); example data.
# Each amount is one the default campaign's buttons offer (the build checks
# it and the page links it). Example data: the foundation confirms the costs.
DONATIONS_IMPACT = [
    (30, "to wydruk materiałów dla jednej grupy na warsztatach"),
    (50, "to materiały dla jednej osoby na całodniowym szkoleniu"),
    (100, "to dojazd doradcy do organizacji poza Łodzią"),
]
# Who receives the money and what it pays for (to be confirmed by the foundation).
DONATIONS_PURPOSE = ("organizacja pożytku publicznego, która prowadzi Centrum KLUCZ. Darowizny idą na działania "
                     "statutowe Instytutu, w tym na to, czego nie pokrywa projekt unijny Centrum: doradztwo dla "
                     "grup spoza Łodzi, materiały i dojazdy.")
DONATIONS_REPORT = {"title": "Sprawozdanie merytoryczne i finansowe za 2025 r. (PDF)",
                    "url": "pliki/regulamin-rekrutacji.pdf"}  # przykład: podmień na sprawozdanie


