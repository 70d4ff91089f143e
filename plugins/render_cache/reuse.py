"""For other plugins: reuse a value the last build computed when nothing the
site is made from has changed (the site signature; posts' texts aside).
Without the render cache (or with RENDER_CACHE_PAGES off) it simply computes."""

from .signature import digest_of
from .writer import STATE


def remembered(key, compute):
    """compute(), or the value it gave in the last build. The key names the
    value; the value must not depend on a post's text."""
    manifest = STATE.get("manifest")
    if manifest is None:
        return compute()
    name = digest_of("remembered", key)
    value = manifest.remembered(name)
    if value is None:
        value = compute()
    manifest.memo[name] = value
    return value
