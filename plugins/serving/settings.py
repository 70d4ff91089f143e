"""The serving plugin's settings with their defaults (documented in README.md)."""

from klucz.strict_build import Setting, declare

SETTINGS = declare(
    Setting("SERVING_ADDRESSES_FILE", "adresy.json", "The list of the site's addresses, written into the output."),
    Setting(
        "SERVING_REMOVED_FILE",
        "usuniete-adresy.txt",
        "Deliberately removed addresses (one per line, # for comments), relative to the content folder; they answer "
        "410 Gone.",
    ),
    Setting(
        "SERVING_MOVED_FILE",
        "przeniesione-pliki.txt",
        "Files that moved (pictures and documents of an old site): one `old-address new-address` per line, # for "
        "comments, relative to the content folder; the old address answers 301.",
    ),
    Setting(
        "SERVING_LIVE_ADDRESSES",
        None,
        "The live site's adresy.json (a URL or a file), to warn in `make check` and the preview when an edit changes "
        "an address the public already has. None: not checked.",
        kind=str,
    ),
    Setting(
        "SERVING_CSP",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
            "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        "Content-Security-Policy and the other security headers.",
    ),
    Setting(
        "SERVING_CSP_BY_PATH",
        {},
        "A different Content-Security-Policy for the addresses under a folder: {\"/admin/\": \"…\"} (the web editor "
        "needs its git host and inline styles).",
    ),
    Setting(
        "SERVING_HSTS",
        "max-age=31536000; includeSubDomains",
        "Strict-Transport-Security (sent on the live site).",
    ),
    Setting(
        "SERVING_REFERRER_POLICY",
        "strict-origin-when-cross-origin",
        "Referrer-Policy.",
    ),
    Setting(
        "SERVING_PERMISSIONS_POLICY",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        "Permissions-Policy.",
    ),
    Setting(
        "SERVING_CACHE_ASSETS",
        31536000,
        "Cache lifetimes, in seconds, by kind of file (.ics: EVENTS_ICS_REFRESH_HOURS).",
    ),
    Setting(
        "SERVING_CACHE_MEDIA",
        604800,
        "Cache lifetimes, in seconds, by kind of file (.ics: EVENTS_ICS_REFRESH_HOURS).",
    ),
    Setting(
        "SERVING_CACHE_FEEDS",
        3600,
        "Cache lifetimes, in seconds, by kind of file (.ics: EVENTS_ICS_REFRESH_HOURS).",
    ),
)


setting = SETTINGS.get
