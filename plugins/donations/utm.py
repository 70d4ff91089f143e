"""Campaign tags on donation links, merged into any query string they have."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


def add_params(url, pairs):
    """Set query parameters on `url`, keeping the others and its #fragment."""
    parts = urlsplit(url)
    names = {name for name, _ in pairs}
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in names]
    return urlunsplit(parts._replace(query=urlencode(query + list(pairs))))


def tag_url(url, source, medium, campaign, content):
    """utm_source/medium/campaign/content for the foundation's own statistics."""
    return add_params(
        url,
        [
            ("utm_source", source),
            ("utm_medium", medium),
            ("utm_campaign", campaign),
            ("utm_content", content),
        ],
    )
