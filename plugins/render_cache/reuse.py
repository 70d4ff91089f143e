"""For other plugins: reuse what the last build made when nothing it depends
on has changed. Without render_cache (or with RENDER_CACHE_PAGES off) both
simply do the work."""

import hashlib
import os

from .signature import digest_of
from .writer import STATE


def remembered(key, compute):
    """compute(), or the value it gave in the last build if the site is made
    from the same things (the site signature; posts' texts aside). The key
    names the value; the value must not depend on a post's text."""
    output = STATE.get("output")
    if output is None or not output.pages:
        return compute()
    name = digest_of("remembered", key)
    if output.unchanged() and name in output.previous.get("memo", {}):
        value = output.previous["memo"][name]
    else:
        value = compute()
    output.memo[name] = value
    return value


def write_file(output_path, relative, data):
    """Write bytes into the output; a file with the same bytes as in the last
    build is left where it is."""
    output = STATE.get("output")
    if output is not None and output.pages:
        key = digest_of("file", relative, hashlib.blake2b(data, digest_size=16).digest())
        kept = output.reusable(key, anyway=True)
        if kept is not None:
            output.keep(key, kept)
            return
        output.record(key, [relative])
    path = os.path.join(output_path, *relative.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
