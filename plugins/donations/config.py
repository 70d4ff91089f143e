"""The donations settings: defaults, and the money-safe checks run once per build."""

import datetime as dt
import re

from klucz.polish_dates import DateProblem, parse_moment
from klucz.strict_build import Problem, Setting, declare, report

from .banking import EXAMPLE_IBANS, iban_is_valid, krs_is_valid, to_iban

SETTINGS = declare(
    Setting(
        "DONATIONS_CAMPAIGNS",
        {},
        "id -> campaign (see README): title, text, buttons, image, goal, start, end, variants.",
    ),
    Setting("DONATIONS_DEFAULT", None, "The campaign shown where no other applies.", kind=str),
    Setting(
        "DONATIONS_INCLUDE_CATEGORIES",
        ["aktualnosci", "szkolenia", "wesprzyj"],
        "Placement rules for the box after articles.",
    ),
    Setting("DONATIONS_EXCLUDE_CATEGORIES", [], "Placement rules for the box after articles."),
    Setting("DONATIONS_EXCLUDE_TAGS", [], "Placement rules for the box after articles."),
    Setting("DONATIONS_EXCLUDE_SLUGS", [], "Placement rules for the box after articles."),
    Setting("DONATIONS_APPEAL_CATEGORY", "wesprzyj", "Appeals: posts in this folder lead with their campaign."),
    Setting(
        "DONATIONS_GOAL_MAX_AGE_DAYS",
        45,
        "A goal whose \"as of\" date is older than this is hidden (with a warning).",
    ),
    Setting("DONATIONS_UTM_SOURCE", "strona-klucz", "utm_source of every donation link."),
    Setting(
        "DONATIONS_SHORT_POST_WORDS",
        150,
        "A post shorter than this (words) gets the short box after it, unless its Donation: field names a campaign.",
    ),
    Setting(
        "DONATIONS_IMPACT",
        [],
        "\"Wesprzyj nas\": what a gift does [(amount in zł, what)]; each amount must be one the default "
        "campaign's buttons offer (the page links it).",
    ),
    Setting(
        "DONATIONS_PURPOSE",
        None,
        "\"Wesprzyj nas\": who receives the money (DONATIONS_BANK's holder) and what it pays for, one or two "
        "sentences.",
        kind=str,
    ),
    Setting(
        "DONATIONS_REPORT",
        None,
        "\"Wesprzyj nas\": what a gift does [(amount, what)] and the latest report {\"title\", \"url\"} (a full "
        "address or one on the site).",
        kind=dict,
    ),
    Setting("DONATIONS_NEW_TAB", False, "Open payment links in a new tab (then with rel=\"noopener noreferrer\")."),
    Setting("DONATIONS_BANK", {}, "Bank transfer details: holder, address, nrb, bank, swift, title."),
    Setting("DONATIONS_TAX", {}, "1,5% of tax: KRS and the optional \"cel szczegółowy\"."),
    Setting(
        "DONATIONS_TAX_SEASON",
        ((1, 1), (4, 30)),
        "The 1,5% block joins the call-outs between these dates (month, day).",
    ),
    Setting("DONATIONS_TERMS_URL", None, "Link to the donation terms (regulamin), if any.", kind=str),
    Setting(
        "DONATIONS_EXAMPLE_DATA",
        False,
        "True while the payment details are examples; `make publish` refuses them.",
    ),
    Setting(
        "DONATIONS_REFUSE_EXAMPLE_DATA",
        False,
        "False in development (example data only warns), True in publishconf.py.",
    ),
    Setting(
        "DONATIONS_PAGE_URL",
        "wesprzyj-nas/",
        "The \"Wesprzyj nas\" page, whose template lists every way to give.",
    ),
)
_EXAMPLE_HOSTS = re.compile(r"^https://([^/]*\.)?example\.(org|com|net)(/|$)")


setting = SETTINGS.get


def campaigns(settings):
    """{id: campaign} as the site declares them (DONATIONS_CAMPAIGNS): the
    editor's choice of campaign and the pictures a campaign box may show."""
    return setting(settings, "DONATIONS_CAMPAIGNS") or {}


def _problem(field, message, hint, severity="error"):
    name = re.match(r"[A-Z_]+", field).group(0)
    return Problem(path="pelicanconf.py", field=field, message=message, hint=hint,
                   severity=severity, line=setting_line(name))


def setting_line(name, path="pelicanconf.py"):
    """Where a setting is assigned in pelicanconf.py, for the message."""
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if line.startswith(f"{name} =") or line.startswith(f"{name}="):
                    return number
    except OSError:
        return None
    return None


def parse_day(value):
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_moment(value).date  # DateProblem is a ValueError


def check_settings(settings):
    """Every problem with the campaigns, the account and the KRS, as Problems."""
    problems = []
    examples = []
    campaigns = setting(settings, "DONATIONS_CAMPAIGNS")
    default = setting(settings, "DONATIONS_DEFAULT")
    if default is not None and default not in campaigns:
        problems.append(_problem(
            "DONATIONS_DEFAULT", f"nie ma kampanii „{default}”",
            "wpisz jeden z identyfikatorów z DONATIONS_CAMPAIGNS: " + ", ".join(campaigns),
        ))
    for cid, campaign in campaigns.items():
        where = f"DONATIONS_CAMPAIGNS['{cid}']"
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", cid):
            problems.append(_problem(where, f"identyfikator „{cid}” ma niedozwolone znaki",
                                     "użyj małych liter bez polskich znaków, cyfr i myślników"))
        if not campaign.get("title"):
            problems.append(_problem(f"{where}.title", "kampania nie ma tytułu", "dodaj \"title\": \"…\""))
        buttons = campaign.get("buttons") or []
        if not buttons:
            problems.append(_problem(f"{where}.buttons", "kampania nie ma żadnego przycisku",
                                     "dodaj przycisk z \"label\" i \"url\" (https://…)"))
        for i, button in enumerate(buttons):
            url = str(button.get("url", ""))
            if not url.startswith("https://"):
                problems.append(_problem(
                    f"{where}.buttons[{i}].url", f"„{url}” nie zaczyna się od https://",
                    "link do płatności musi być szyfrowany: podaj adres https:// operatora płatności",
                ))
            elif _EXAMPLE_HOSTS.match(url):
                examples.append(f"{where}.buttons[{i}].url = {url}")
            if button.get("kind", "one-off") not in ("one-off", "monthly"):
                problems.append(_problem(f"{where}.buttons[{i}].kind", f"nieznany rodzaj „{button.get('kind')}”",
                                         "wpisz one-off (jednorazowo) albo monthly (co miesiąc)"))
            for amount in button.get("amounts", []):
                if not isinstance(amount, int) or amount <= 0:
                    problems.append(_problem(f"{where}.buttons[{i}].amounts", f"„{amount}” to nie jest kwota",
                                             "podaj kwoty w złotych jako liczby całkowite, np. [30, 50, 100]"))
        image = campaign.get("image")
        if image and not image.get("alt"):
            problems.append(_problem(f"{where}.image.alt", "obrazek kampanii nie ma tekstu alternatywnego",
                                     "opisz, co widać na obrazku, np. \"Dziewczynka w stroju superbohaterki\""))
        for key in ("start", "end"):
            try:
                parse_day(campaign.get(key))
            except DateProblem as problem:
                problems.append(_problem(f"{where}.{key}", problem.message, problem.hint))
        goal = campaign.get("goal")
        if goal:
            try:
                if not goal.get("as_of"):
                    raise DateProblem("", "brak daty stanu zbiórki")
                parse_day(goal.get("as_of"))
            except DateProblem as problem:
                problems.append(_problem(f"{where}.goal.as_of", problem.message, problem.hint))
            for key in ("target", "raised"):
                if not isinstance(goal.get(key), (int, float)) or goal.get(key) < 0:
                    problems.append(_problem(f"{where}.goal.{key}", f"„{goal.get(key)}” to nie jest kwota",
                                             "podaj kwotę w złotych, np. 50000"))
        for j, variant in enumerate(campaign.get("variants") or []):
            if not variant.get("id"):
                problems.append(_problem(f"{where}.variants[{j}].id", "wariant nie ma identyfikatora",
                                         "dodaj \"id\": \"b\""))

    bank = setting(settings, "DONATIONS_BANK")
    if bank:
        nrb = bank.get("nrb", "")
        if not iban_is_valid(nrb):
            problems.append(_problem(
                "DONATIONS_BANK.nrb", f"numer konta „{nrb}” jest błędny (nie przechodzi kontroli mod 97)",
                "przepisz 26 cyfr numeru konta dokładnie z umowy z bankiem",
            ))
        elif to_iban(nrb) in EXAMPLE_IBANS:
            examples.append(f"DONATIONS_BANK.nrb = {nrb}")
        if bank.get("swift") and not re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", bank["swift"]):
            problems.append(_problem("DONATIONS_BANK.swift", f"„{bank['swift']}” to nie jest kod SWIFT/BIC",
                                     "kod ma 8 albo 11 znaków, np. WBKPPLPP"))
    problems += _impact_problems(settings, campaigns, default)
    tax = setting(settings, "DONATIONS_TAX")
    if tax and not krs_is_valid(tax.get("krs")):
        problems.append(_problem("DONATIONS_TAX.krs", f"KRS „{tax.get('krs')}” nie ma 10 cyfr",
                                 "wpisz numer KRS z dziesięcioma cyframi, z zerami na początku, np. 0000191928"))

    if setting(settings, "DONATIONS_EXAMPLE_DATA") or examples:
        detail = "; ".join(examples) or "DONATIONS_EXAMPLE_DATA = True"
        refuse = setting(settings, "DONATIONS_REFUSE_EXAMPLE_DATA")
        problems.append(_problem(
            "DONATIONS_EXAMPLE_DATA", f"dane do wpłat są przykładowe ({detail})",
            "wpisz prawdziwe linki do płatności i numer konta od fundacji "
            "i ustaw DONATIONS_EXAMPLE_DATA = False",
            severity="error" if refuse else "warning",
        ))
    return problems


def offered_amounts(campaign):
    """{amount: [kind, …]} the campaign's buttons offer."""
    offered = {}
    for button in campaign.get("buttons") or []:
        for amount in button.get("amounts", []):
            offered.setdefault(amount, []).append(button.get("kind", "one-off"))
    return offered


def _impact_problems(settings, campaigns, default):
    """What "Co daje Twoja wpłata" describes must be what the buttons offer."""
    impact = setting(settings, "DONATIONS_IMPACT")
    offered = offered_amounts(campaigns.get(default) or {}) if default else {}
    problems = []
    for i, row in enumerate(impact):
        amount = row[0] if isinstance(row, (list, tuple)) and len(row) == 2 else None
        if not isinstance(amount, int) or amount <= 0:
            problems.append(_problem(f"DONATIONS_IMPACT[{i}]", f"„{row}” to nie jest para (kwota, na co)",
                                     "wpisz np. (50, \"to materiały dla jednej osoby na szkoleniu\")"))
        elif amount not in offered:
            have = f"proponują {', '.join(f'{a} zł' for a in sorted(offered))}" if offered else \
                "nie proponują żadnej kwoty"
            problems.append(_problem(
                f"DONATIONS_IMPACT[{i}]", f"opisujesz wpłatę {amount} zł, a przyciski kampanii „{default}” {have}",
                "opisz jedną z proponowanych kwot albo dopisz tę do \"amounts\" przycisku"))
    return problems


def validate(pelican):
    """initialized: check the money-critical settings once per build."""
    for problem in check_settings(pelican.settings):
        report(problem)
