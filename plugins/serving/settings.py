"""The serving plugin's settings with their defaults (documented in README.md)."""

from klucz.strict_build import settings_reader

DEFAULTS = {
    # The list of the site's addresses, written into the output.
    "SERVING_ADDRESSES_FILE": "adresy.json",
    # Deliberately removed addresses (one per line, # for comments), relative
    # to the content folder; they answer 410 Gone.
    "SERVING_REMOVED_FILE": "usuniete-adresy.txt",
    # The live site's adresy.json (a URL or a file), to warn in `make check`
    # and the preview when an edit changes an address the public already has.
    # None: not checked.
    "SERVING_LIVE_ADDRESSES": None,
    # Content-Security-Policy and the other security headers.
    "SERVING_CSP": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
    # A different Content-Security-Policy for the addresses under a folder:
    # {"/admin/": "…"} (the web editor needs its git host and inline styles).
    "SERVING_CSP_BY_PATH": {},
    "SERVING_HSTS": "max-age=31536000; includeSubDomains",
    "SERVING_REFERRER_POLICY": "strict-origin-when-cross-origin",
    "SERVING_PERMISSIONS_POLICY": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    # Cache lifetimes, in seconds, by kind of file (.ics: EVENTS_ICS_REFRESH_HOURS).
    "SERVING_CACHE_ASSETS": 31536000,
    "SERVING_CACHE_MEDIA": 604800,
    "SERVING_CACHE_FEEDS": 3600,
}


setting = settings_reader(DEFAULTS)
