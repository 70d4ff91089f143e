"""Settings of the development build (`make html`, `make serve`, `make devserver`):
what the centre decides, and what a development build does differently.

The site's structure (addresses, feeds, Markdown, the reader cache, the
plugins and the header fields the theme reads) is the code's and comes from
`klucz.structure` (plugins/structure.py); the plugins' own settings have
declared defaults. Both are documented in README.md (Settings). The live site
(`make publish`) reads publishconf.py, which starts from these.
"""

import os

from klucz.structure import *  # noqa: F403

# --- The site and the organisation (facts marked "do weryfikacji" must be
# confirmed by the centre before publishing) ---------------------------------
SITENAME = "Centrum KLUCZ"
SITESUBTITLE = "Ośrodek Wsparcia Ekonomii Społecznej w Łodzi"
SITE_DESCRIPTION = (
    "Centrum KLUCZ wspiera podmioty ekonomii społecznej w województwie łódzkim: "
    "doradztwo, szkolenia i dotacje na tworzenie miejsc pracy."
)
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

# Development URLs are root-relative (Pelican's SITEURL ""), served by
# `make serve` on port 8000. The absolute address used where a full URL is required (feeds, canonical
# links, Open Graph, sitemap, calendars).
SITE_ORIGIN = os.environ.get("SITE_ORIGIN", "http://localhost:8000")

# Entries of the feeds need absolute links.
FEED_DOMAIN = SITE_ORIGIN

# The sections' names (a folder of content/ is a section; its slug is the folder name).
CATEGORY_TITLES = {
    "aktualnosci": "Aktualności",
    "szkolenia": "Szkolenia",
    "wesprzyj": "Apele",
}

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

# --- What the development build does differently (publishconf.py turns each back) ---

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
# straight into content/, so the preview shows every save at once; drafts,
# review and publishing are steps of the live editor (publishconf.py turns
# them on).
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

# share_images: drawn for the live site only (publishconf.py); nobody shares
# a development build, and a cold build of many posts would draw them all.
SHARE_IMAGES_ENABLED = False

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


