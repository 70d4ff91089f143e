"""Polish typography: „quotes” and »nested quotes«, en dashes, non-breaking
spaces after one-letter words, before units and "r.", inside numbers; applied
to the text of posts and pages (never inside tags, attributes, code or URLs)
and, through the `typo` filter, to titles."""

from .rules import (  # noqa: F401
    SETTINGS,
    contact_links,
    contact_links_html,
    nbsp_html,
    nbsp_text,
    plain_text,
    quotes_text,
    register,
)
