"""Which campaign goes where, and the data the `donation_box.html` template shows."""

import datetime as dt
import hashlib
import itertools
import logging
import os
import re
from functools import lru_cache

import markdown

from klucz.build_clock import build_now
from klucz.strict_build import Problem, field_line, relative_path, report, source_text
from klucz.typography import nbsp_html

from .banking import iban_groups, nrb_groups, to_iban
from .config import parse_day, setting, setting_line
from .marker import MARKER, PLACEHOLDER
from .utm import add_params, tag_url

logger = logging.getLogger(__name__)
KIND_LABELS = {"one-off": "jednorazowo", "monthly": "co miesiąc"}


class Campaigns:
    """The campaigns as of the build's date, prepared once per build."""

    def __init__(self, settings):
        self.settings = settings
        self.today = build_now(settings).date()
        self.all = setting(settings, "DONATIONS_CAMPAIGNS")
        self.default = setting(settings, "DONATIONS_DEFAULT")
        self._text_cache = {}
        self._boxes = {}
        self.rendered = {}
        self._stale_warned = set()

    def active(self, cid):
        campaign = self.all.get(cid)
        if campaign is None:
            return False
        start, end = parse_day(campaign.get("start")), parse_day(campaign.get("end"))
        return (start is None or start <= self.today) and (end is None or self.today <= end)

    def resolve(self, cid):
        """The campaign to show for `cid`: itself while active, else the default."""
        if cid and self.active(cid):
            return cid
        if self.default and self.active(self.default):
            return self.default
        return None

    def tax_season(self):
        (m1, d1), (m2, d2) = setting(self.settings, "DONATIONS_TAX_SEASON")
        year = self.today.year
        return dt.date(year, m1, d1) <= self.today <= dt.date(year, m2, d2)

    def _text(self, cid):
        if cid not in self._text_cache:
            html = markdown.markdown(self.all[cid].get("text", ""), output_format="html5")
            self._text_cache[cid] = nbsp_html(html)
        return self._text_cache[cid]

    def _goal(self, cid):
        goal = self.all[cid].get("goal")
        if not goal:
            return None
        as_of = parse_day(goal["as_of"])
        max_age = setting(self.settings, "DONATIONS_GOAL_MAX_AGE_DAYS")
        if (self.today - as_of).days > max_age:
            if cid not in self._stale_warned:
                self._stale_warned.add(cid)
                report(Problem(
                    path="pelicanconf.py",
                    line=setting_line("DONATIONS_CAMPAIGNS"),
                    field=f"DONATIONS_CAMPAIGNS['{cid}'].goal.as_of",
                    message=f"stan zbiórki z {as_of} jest starszy niż {max_age} dni, więc go nie pokazujemy",
                    hint="wpisz aktualną zebraną kwotę (raised) i datę (as_of)",
                    severity="warning",
                ))
            return None
        target, raised = goal["target"], goal["raised"]
        return {
            "target": target,
            "raised": raised,
            "as_of": as_of,
            "percent": min(100, round(100 * raised / target)) if target else 0,
        }

    def variant(self, cid, page_key):
        """The variant of campaign `cid` a page shows (the same on every build:
        chosen by the post's file, `relative_path`, known before its address)."""
        variants = self.all[cid].get("variants") or []
        if not variants:
            return {"id": "a"}
        return variants[_variant_number(cid, page_key, len(variants))]

    def box(self, cid, page_key, placement, variant=None):
        """Everything the box template needs for campaign `cid` on one page."""
        variant = variant or self.variant(cid, page_key)
        key = (cid, placement, variant["id"])
        if key not in self._boxes:
            self._boxes[key] = self._box(cid, placement, variant)
        return self._boxes[key]

    def _box(self, cid, placement, variant):
        campaign = self.all[cid]
        source = setting(self.settings, "DONATIONS_UTM_SOURCE")

        def tagged(url):
            return tag_url(url, source, placement, cid, variant["id"])

        buttons = []
        for i, button in enumerate(campaign.get("buttons", [])):
            label = variant.get("button_label") if i == 0 and variant.get("button_label") else button["label"]
            param = button.get("amount_param")
            amounts = [
                {
                    "amount": amount,
                    "url": tagged(add_params(button["url"], [(param, str(amount))])) if param else None,
                }
                for amount in button.get("amounts", [])
            ]
            buttons.append({
                "label": label,
                "url": tagged(button["url"]),
                "kind": button.get("kind", "one-off"),
                "kind_label": KIND_LABELS[button.get("kind", "one-off")],
                "amounts": amounts,
            })
        tax = setting(self.settings, "DONATIONS_TAX")
        return {
            "id": cid,
            "dom_id": f"wesprzyj-{cid}-{placement}",
            "placement": placement,
            "variant": variant["id"],
            "title": variant.get("title") or campaign["title"],
            "text_html": self._text(cid),
            "buttons": buttons,
            "image": campaign.get("image"),
            "goal": self._goal(cid),
            "tax": tax if tax and self.tax_season() else None,
            "new_tab": setting(self.settings, "DONATIONS_NEW_TAB"),
            "page_url": setting(self.settings, "DONATIONS_PAGE_URL"),
        }


@lru_cache(maxsize=8192)
def _variant_number(cid, page_key, count):
    """Which of `count` variants of campaign `cid` the page shows (kept: the
    editor's data asks for every post at every build)."""
    return int(hashlib.sha256(f"{cid}:{page_key}".encode()).hexdigest(), 16) % count


def _render(generator, campaigns, box):
    """The box HTML; identical boxes (same campaign, place, variant) render
    once per build."""
    key = (box["id"], box["placement"], box["variant"], box["title"], box.get("compact", False))
    if key not in campaigns.rendered:
        template = generator.get_template("donation_box")
        campaigns.rendered[key] = template.render({**generator.context, "box": box})
    return campaigns.rendered[key]


def _marker_line(source_path, cid):
    if not source_path or not os.path.isfile(source_path):
        return None
    with open(source_path, encoding="utf-8-sig", errors="replace") as f:
        for number, line in enumerate(f, 1):
            match = MARKER.match(line)
            if match and (match.group(1) or "") == cid:
                return number
    return None


def _unknown(campaigns, path, line, field, cid):
    report(Problem(
        path=path,
        line=line,
        field=field,
        message=f"nie ma kampanii „{cid}”",
        hint="wpisz jeden z identyfikatorów z DONATIONS_CAMPAIGNS: " + ", ".join(campaigns.all)
        + " (albo off, żeby nie pokazywać wezwania)",
    ))


def _fill_markers(generator, campaigns, content, path):
    """The boxes for the [[wesprzyj]] placeholders in a post's text, as the
    public attribute `donation_inline_boxes` ({campaign id or "": HTML}) that
    the `wesprzyj` template filter puts in place; unknown ids reported."""
    html = content.content or ""
    if "donation-marker" not in html:
        return None
    boxes, shown = {}, set()
    for requested in sorted(set(PLACEHOLDER.findall(html))):
        if requested and requested not in campaigns.all:
            _unknown(campaigns, path, _marker_line(content.source_path, requested) or 1,
                     f"[[wesprzyj:{requested}]]", requested)
            boxes[requested] = ""
            continue
        cid = campaigns.resolve(requested or None)
        boxes[requested] = "" if cid is None else _render(
            generator, campaigns, campaigns.box(cid, path, "w-tekscie"))
        shown.add(cid)
    content.donation_inline_boxes = boxes
    return shown


def fill_placeholders(html, content):
    """Template filter `wesprzyj`: a post's text with its donation boxes in
    place of the [[wesprzyj]] placeholders."""
    if not html or "donation-marker" not in html:
        return html
    boxes = getattr(content, "donation_inline_boxes", None) or {}
    return PLACEHOLDER.sub(lambda match: boxes.get(match.group(1), ""), html)


def add_filter(generator):
    """generator_init: the `wesprzyj` filter."""
    generator.env.filters["wesprzyj"] = fill_placeholders


# A Donation: value that turns the box off.
_OFF = ("off", "nie", "brak", "wyłącz")


def _excluded(article, settings):
    category = article.category.slug
    if category not in setting(settings, "DONATIONS_INCLUDE_CATEGORIES"):
        return True
    if category in setting(settings, "DONATIONS_EXCLUDE_CATEGORIES"):
        return True
    tags = {t.slug for t in getattr(article, "tags", [])} | {t.name for t in getattr(article, "tags", [])}
    if tags & set(setting(settings, "DONATIONS_EXCLUDE_TAGS")):
        return True
    return article.slug in setting(settings, "DONATIONS_EXCLUDE_SLUGS")


# A word of the text: what stands between spaces, HTML tags and Markdown's
# marks ("**słowo**" is one word, "a - b" two).
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\s#*_>\[\]()`|-]+")


def _shorter_than(article, limit):
    """Whether the post's text has fewer than `limit` words, read from its
    file (asking for `article.content` this early would fix its links before
    the images and documents they point to are known). Counts no further
    than `limit`."""
    text = source_text(article.source_path)
    return _words_up_to(text.split("\n\n", 1)[1] if "\n\n" in text else "", limit) < limit


@lru_cache(maxsize=2048)
def _words_up_to(body, limit):
    """The words of a text, counted no further than `limit` (and kept: the
    preview's builder asks again at every save for every post)."""
    if "<" in body:
        body = _TAG.sub(" ", body)
    return sum(1 for _ in itertools.islice(_WORD.finditer(body), limit))


# The box's heading under an appeal that has the campaign's name.
ACTION_TITLE = "Wesprzyj teraz"


def place_in_articles(generator):
    """article_generator_finalized: boxes after articles, leading appeals, inline."""
    settings = generator.settings
    campaigns = Campaigns(settings)
    appeal_category = setting(settings, "DONATIONS_APPEAL_CATEGORY")
    # For the home page's giving band (`giving`): the appeals, newest first, and the page of ways to give.
    generator.context["giving"] = {
        "appeals": [a for a in generator.articles if a.category.slug == appeal_category],
        "page_url": setting(settings, "DONATIONS_PAGE_URL"),
    }
    for article in list(generator.articles) + list(getattr(generator, "drafts", [])):
        path = relative_path(article, settings)
        choice = str(article.metadata.get("donation", "")).strip()
        if choice.lower() in _OFF:
            continue
        if choice and choice not in campaigns.all:
            _unknown(campaigns, path, field_line(article.source_path, "Donation") or 1, "Donation", choice)
            continue
        is_appeal = article.category.slug == appeal_category
        if not choice and not is_appeal and _excluded(article, settings):
            continue
        cid = campaigns.resolve(choice or None)
        if cid is None:
            continue
        placement = "apel" if is_appeal else "po-artykule"
        box = campaigns.box(cid, path, placement)
        if is_appeal and " ".join(box["title"].split()).casefold() == " ".join(article.title.split()).casefold():
            # The appeal's own heading says it already: the box need not repeat it.
            box = dict(box, title=ACTION_TITLE)
        elif not is_appeal and not choice and _shorter_than(article, setting(settings, "DONATIONS_SHORT_POST_WORDS")):
            # A short post gets a short box: not longer than what it follows.
            box = dict(box, compact=True)
        html = _render(generator, campaigns, box)
        if is_appeal:
            article.donation_lead_html = html
            article.donation_lead_campaign = cid
        else:
            article.donation_box_html = html


def place_in_pages(generator):
    """page_generator_finalized: the "Wesprzyj nas" page."""
    generator.context["ways_to_give"] = ways_to_give(Campaigns(generator.settings), generator.settings)


def place_inline(generators):
    """all_generators_finalized (every static file is known, so a post's text
    is final): the boxes of [[wesprzyj]] lines; a post with one has no box at
    its end, and an appeal none above its text for the same campaign."""
    if not generators:
        return
    settings = generators[0].settings
    campaigns = Campaigns(settings)
    for generator in generators:
        if not hasattr(generator, "get_template"):
            continue
        for attr in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
            for item in getattr(generator, attr, None) or []:
                shown = _fill_markers(generator, campaigns, item, relative_path(item, settings))
                if shown is not None:
                    item.donation_box_html = None
                    # An appeal whose text places its campaign's box: that one, not a second above it.
                    if getattr(item, "donation_lead_campaign", None) in shown:
                        item.donation_lead_html = None


def ways_to_give(campaigns, settings):
    """Data of the "Wesprzyj nas" page: online, transfer, 1,5%, deduction."""
    cid = campaigns.resolve(None)
    bank = dict(setting(settings, "DONATIONS_BANK"))
    if bank.get("nrb"):
        bank["nrb_display"] = nrb_groups(bank["nrb"])
        bank["iban_display"] = iban_groups(bank["nrb"])
        bank["iban_compact"] = to_iban(bank["nrb"])
        bank.setdefault("title", "Darowizna na cele statutowe")
    online = campaigns.box(cid, "wesprzyj-nas", "strona-wesprzyj") if cid else None
    # What a gift does, each amount with the links that give it (check_settings
    # made sure the buttons offer every amount described).
    links = {}
    for button in (online or {}).get("buttons", []):
        for a in button["amounts"]:
            if a["url"]:
                links.setdefault(a["amount"], []).append({"url": a["url"], "kind_label": button["kind_label"]})
    impact = [{"amount": amount, "what": what, "links": links.get(amount, [])}
              for amount, what in setting(settings, "DONATIONS_IMPACT")]
    return {
        "online": online,
        "impact": impact,
        "purpose": setting(settings, "DONATIONS_PURPOSE"),
        "holder": bank.get("holder"),
        "bank": bank or None,
        "tax": setting(settings, "DONATIONS_TAX") or None,
        "tax_season": campaigns.tax_season(),
        "terms_url": setting(settings, "DONATIONS_TERMS_URL"),
    }


# The boxes the preview may show: form -> (placement, what differs from the campaign's box).
_PREVIEW_FORMS = {
    "apel": ("apel", {}),
    "apel-akcja": ("apel", {"title": ACTION_TITLE}),
    "po-artykule": ("po-artykule", {}),
    "krotkie": ("po-artykule", {"compact": True}),
    "w-tekscie": ("w-tekscie", {}),
}


def editor_preview(generator):
    """What the web editor's preview needs to place the boxes as the build
    does: the rules (appeal category, exclusions, short posts), which
    campaign each choice shows today, each existing post's variant, and every
    box rendered by donation_box.html ({campaign: {variant: {form: HTML}}},
    form: apel, apel-akcja, po-artykule, krotkie, w-tekscie)."""
    settings = generator.settings
    campaigns = Campaigns(settings)
    boxes, titles = {}, {}
    for cid, campaign in campaigns.all.items():
        for variant in campaign.get("variants") or [{"id": "a"}]:
            boxes.setdefault(cid, {})[variant["id"]] = {
                form: _render(generator, campaigns, dict(campaigns.box(cid, None, placement, variant), **change))
                for form, (placement, change) in _PREVIEW_FORMS.items()
            }
            titles.setdefault(cid, {})[variant["id"]] = variant.get("title") or campaign["title"]
    variants = {}
    for article in list(generator.context.get("articles", [])) + list(generator.context.get("drafts", [])):
        path = relative_path(article, settings)
        chosen = {cid: campaigns.variant(cid, path)["id"] for cid in campaigns.all
                  if len(campaigns.all[cid].get("variants") or []) > 1}
        if chosen:
            variants[path] = chosen
    return {
        "off": list(_OFF),
        "appeal_category": setting(settings, "DONATIONS_APPEAL_CATEGORY"),
        "include_categories": setting(settings, "DONATIONS_INCLUDE_CATEGORIES"),
        "exclude_categories": setting(settings, "DONATIONS_EXCLUDE_CATEGORIES"),
        "exclude_tags": setting(settings, "DONATIONS_EXCLUDE_TAGS"),
        "exclude_slugs": setting(settings, "DONATIONS_EXCLUDE_SLUGS"),
        "short_words": setting(settings, "DONATIONS_SHORT_POST_WORDS"),
        "shown": {cid or "": campaigns.resolve(cid) for cid in [None, *campaigns.all]},
        "variants": variants,
        "titles": titles,
        "boxes": boxes,
    }
