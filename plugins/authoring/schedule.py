"""Drafts and scheduled posts: shown (and marked) in the preview, never on the
published site until their time."""

from klucz.build_clock import build_now
from klucz.strict_build import Setting, declare

SETTINGS = declare(
    Setting("AUTHORING_PREVIEW", False, "Show drafts and scheduled posts, marked (make devserver turns it on)."),
    Setting("AUTHORING_IMAGE_MAX_KB", 500, "Larger content images get a warning."),
    Setting(
        "AUTHORING_EXTRA_FIELDS",
        {},
        "Header fields allowed besides those the plugins declare: {\"Name\": \"help\"} or "
        "{\"Name\": {\"help\": ..., \"kind\": \"date\"}}.",
    ),
)
setting = SETTINGS.get


def _preview(settings):
    return bool(setting(settings, "AUTHORING_PREVIEW"))


def schedule_articles(generator):
    """article_generator_pretaxonomy: hold back posts dated after "now"."""
    settings = generator.settings
    now = build_now(settings)
    scheduled = [a for a in generator.articles if a.date > now]
    if _preview(settings):
        for article in scheduled:
            article.preview_state = "scheduled"
        for draft in generator.drafts:
            draft.preview_state = "draft"
            draft.status = "published"
        generator.articles = sorted(
            generator.articles + generator.drafts, key=lambda a: a.date, reverse=True
        )
        generator.drafts = []
        return
    for article in scheduled:
        generator.articles.remove(article)
        article.status = "draft"
        article.preview_state = "scheduled"
        generator.drafts.append(article)


def preview_pages(generator):
    """page_generator_finalized: in the preview, draft pages are written too."""
    if not _preview(generator.settings):
        return
    for page in generator.draft_pages:
        page.preview_state = "draft"
        page.status = "published"
    generator.pages = generator.pages + generator.draft_pages
    generator.draft_pages = []
    generator.context["pages"] = generator.pages
    generator.context["draft_pages"] = generator.draft_pages
