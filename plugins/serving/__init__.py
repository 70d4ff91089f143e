"""How the built site is served: the list of its addresses (adresy.json, with
the source file of each page), old addresses kept alive (`Aliases:`, 301) or
deliberately removed (410), CSS and JS under content-hashed names, and the
security and caching headers for nginx, Apache (.htaccess) and Netlify /
Cloudflare Pages (_headers, _redirects), all from one description."""

from pelican import signals

from .addresses import collect, write_addresses
from .assets import add_asset_function, write_hashed_assets
from .fields import FIELDS  # noqa: F401
from .headers import write_server_configs
from .settings import SETTINGS, setting  # noqa: F401 (SETTINGS: the declared settings)


def policy_for(settings, folder):
    """The Content-Security-Policy the servers send under `folder` (`/admin/`):
    its own from SERVING_CSP_BY_PATH, or None where the site's (SERVING_CSP) applies."""
    by_path = {"/" + k.strip("/") + "/": v for k, v in (setting(settings, "SERVING_CSP_BY_PATH") or {}).items()}
    return by_path.get("/" + folder.strip("/") + "/")


def addresses_file(settings):
    """The name of the list of the site's addresses in the output
    (SERVING_ADDRESSES_FILE, adresy.json); deploy reads it on both sides."""
    return setting(settings, "SERVING_ADDRESSES_FILE")


def moved_files_file(settings):
    """The name, in the content folder, of the list of moved files
    (SERVING_MOVED_FILE): `old-address new-address` per line; the import
    from WordPress writes the old site's uploads there."""
    return setting(settings, "SERVING_MOVED_FILE")


def register():
    signals.generator_init.connect(add_asset_function)
    signals.all_generators_finalized.connect(collect)
    signals.finalized.connect(write_addresses)
    signals.finalized.connect(write_hashed_assets)
    signals.finalized.connect(write_server_configs)
