"""The render_cache plugin's settings (documented in README.md)."""

from klucz.strict_build import Setting, declare

SETTINGS = declare(
    Setting(
        "RENDER_CACHE_PAGES",
        False,
        "Reuse pages whose inputs did not change since the last build into the same folder "
        "(pelicanconf.py: True; publishconf.py: False).",
    ),
    Setting("RENDER_CACHE_FRAGMENTS", True, "The {% cache %} tag caches (False: renders every time, to find a bug)."),
)
setting = SETTINGS.get
