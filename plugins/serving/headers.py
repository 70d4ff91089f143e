"""Security and caching headers, redirects and removed addresses, described once
and written for the three places a small NGO's site lives:

- `_nginx.conf`: a snippet for the site's `server { }` block
  (`root …/current; include …/current/_nginx.conf;`);
- `.htaccess`: Apache on shared hosting (mod_headers, mod_alias);
- `_headers` and `_redirects`: Netlify and Cloudflare Pages.

The files lie in the output folder, which the servers are told not to serve.
"""

import os
import urllib.parse

from klucz.events import ics_refresh_hours, signups_proxy

from .addresses import STATE
from .assets import HASHED
from .settings import setting

# Files of the output that are for the server, not for visitors.
SERVER_FILES = ("_nginx.conf", ".htaccess", "_headers", "_redirects")


def describe(settings):
    """The one description: security headers, cache rules, redirects, gone."""
    https = str(settings.get("SITEURL") or "").startswith("https://")
    csp = setting(settings, "SERVING_CSP")
    if https:
        csp += "; upgrade-insecure-requests"
    security = [
        ("Content-Security-Policy", csp),
        ("Referrer-Policy", setting(settings, "SERVING_REFERRER_POLICY")),
        ("Permissions-Policy", setting(settings, "SERVING_PERMISSIONS_POLICY")),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        # Browsers heed it only over HTTPS.
        ("Strict-Transport-Security", setting(settings, "SERVING_HSTS")),
    ]
    ics_hours = ics_refresh_hours(settings)
    theme = settings.get("THEME_STATIC_DIR", "theme")
    cache = {
        # kind: (Cache-Control, what it applies to)
        "assets": (f"public, max-age={setting(settings, 'SERVING_CACHE_ASSETS')}, immutable",
                   f"/{theme}/ files with a content hash in the name"),
        "calendars": (f"public, max-age={int(ics_hours * 3600)}", ".ics (the refresh interval the calendars announce)"),
        "feeds": (f"public, max-age={setting(settings, 'SERVING_CACHE_FEEDS')}", "Atom and RSS feeds"),
        "media": (f"public, max-age={setting(settings, 'SERVING_CACHE_MEDIA')}", "images and documents"),
        "pages": ("no-cache", "HTML and everything else: revalidated every time"),
    }
    signups = signups_proxy(settings)
    by_path = []
    for prefix, policy in sorted((setting(settings, "SERVING_CSP_BY_PATH") or {}).items()):
        if https:
            policy += "; upgrade-insecure-requests"
        by_path.append(("/" + prefix.strip("/") + "/",
                        [(name, policy if name == "Content-Security-Policy" else value) for name, value in security]))
    return {
        "security": security,
        "by_path": by_path,
        "cache": cache,
        "theme": theme,
        # Folders by kind, from Pelican's own settings: the feeds' folders
        # (FEED_*), images and documents (STATIC_PATHS).
        "feed_folders": sorted({os.path.dirname(settings[n]) for n in FEED_SETTINGS if settings.get(n)} - {""}),
        "media_folders": [path.strip("/") for path in settings.get("STATIC_PATHS") or []],
        "redirects": sorted(STATE["aliases"].items()),
        # Addresses removed on purpose, and the sign-up service's private file.
        "gone": list(STATE["removed"]) + ([signups["private"]] if signups else []),
        "not_found": "/404.html",
        # (address on the site, upstream) of the sign-up service, or None.
        "proxy": signups,
        "proxy_security": [(name, SERVICE_CSP if name == "Content-Security-Policy" else value)
                           for name, value in security],
    }


# The sign-up service's own pages (Django's admin among them) may use inline
# styles; everything else stays as strict as the site's.
SERVICE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")

FEED_SETTINGS = ("FEED_ALL_ATOM", "FEED_ALL_RSS", "CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS")
MEDIA = r"jpe?g|png|gif|webp|avif|svg|ico|pdf|docx?|odt|xlsx?|ods|zip"

# Text the server compresses on the way out (HTML is always among them): on a
# slow phone connection the stylesheet and the search's script arrive in a
# quarter of the time. Pictures are compressed already, and so are Pagefind's
# index files (gzip inside, served as application/octet-stream).
COMPRESSED = ("text/css", "application/javascript", "text/javascript", "application/json",
              "image/svg+xml", "application/atom+xml", "application/rss+xml", "application/xml",
              "text/xml", "text/calendar", "text/plain")


def nginx(d):
    def headers(security):
        return "".join(f'    add_header {name} "{value}" always;\n' for name, value in security)

    def block(match, cache, extra="", security=d["security"]):
        return f"location {match} {{\n{headers(security)}    add_header Cache-Control \"{cache}\" always;\n{extra}}}\n"

    lines = [
        "# Generated by the serving plugin from the site's one description of headers.\n",
        "# In the server block:  root /srv/klucz/current;  include /srv/klucz/current/_nginx.conf;\n",
        "charset utf-8;\n",
        "index index.html;\n",
        "gzip on;\ngzip_vary on;\ngzip_min_length 512;\n",
        f"gzip_types {' '.join(COMPRESSED)};\n",
        f"error_page 404 {d['not_found']};\n",
        f"error_page 410 {d['not_found']};\n",
        "location ~ ^/(_nginx\\.conf|\\.htaccess|_headers|_redirects)$ { return 404; }\n",
        block(f'~ "^/{d["theme"]}/.+\\.[0-9a-f]{{10}}\\.[A-Za-z0-9]+$"', d["cache"]["assets"][0]),
        block("~* \\.ics$", d["cache"]["calendars"][0], "    types { text/calendar ics; }\n"),
        block("~* \\.(atom|rss)\\.xml$", d["cache"]["feeds"][0]),
        block(f"~* \\.({MEDIA})$", d["cache"]["media"][0]),
        block("/", d["cache"]["pages"][0], "    try_files $uri $uri/ =404;\n"),
    ]
    # A folder with its own policy (^~: its files skip the rules above).
    lines += [block(f"^~ {prefix}", d["cache"]["pages"][0], "    try_files $uri $uri/ =404;\n", security)
              for prefix, security in d["by_path"]]
    if d["proxy"]:
        proxy = d["proxy"]
        # The service down: a Polish page that says so (a no-script visitor's form post ends there).
        down = proxy["unavailable"].replace("\\", "\\\\").replace("'", "\\'")
        lines.append(
            f"location ^~ {proxy['prefix']} {{\n{headers(d['proxy_security'])}"
            f"    proxy_pass {proxy['upstream']};\n"
            "    proxy_set_header Host $http_host;\n"
            "    proxy_set_header X-Forwarded-For $remote_addr;\n"
            "    proxy_set_header X-Forwarded-Proto $scheme;\n"
            "    client_max_body_size 100k;\n"
            "    error_page 502 503 504 = @signups_down;\n"
            # The page's script asks for the seats: when the service is down it
            # hears so (and offers the e-mail sign-up), without an error.
            "    location ~ /stan\\.json$ {\n"
            f"        proxy_pass {proxy['upstream']};\n"
            "        error_page 502 503 504 = @signups_down_json;\n"
            "    }\n"
            "}\n"
            "location @signups_down_json {\n"
            "    default_type application/json;\n"
            "    add_header Cache-Control \"no-store\" always;\n"
            "    return 200 '{\"state\": \"unavailable\"}';\n"
            "}\n"
            "location @signups_down {\n"
            "    default_type \"text/html; charset=utf-8\";\n"
            "    add_header Cache-Control \"no-store\" always;\n"
            f"    return 503 '{down}';\n"
            "}\n")
    by_query = [(old, new) for old, new in d["redirects"] if "?" in old]
    for old, new in d["redirects"]:
        if "?" in old:
            continue
        lines.append(f"location = {_nginx_path(old)} {{ return 301 {new}; }}\n")
        if old.endswith("/") and len(old) > 1:
            lines.append(f"location = {_nginx_path(old.rstrip('/'))} {{ return 301 {new}; }}\n")
    if by_query:
        # Old short links (/?p=101, /?page_id=7): a location cannot see the
        # query, so the home page's own block asks for it (return in an if is
        # the safe use of if).
        asks = "".join(f'    if ($arg_{key} = "{value}") {{ return 301 {new}; }}\n'
                       for key, value, new in _queries(by_query))
        lines.append(block("= /", d["cache"]["pages"][0], asks + "    try_files $uri $uri/ =404;\n"))
        lines.append(f"location = /index.php {{\n{asks}    return 301 /;\n}}\n")
    for old in d["gone"]:
        lines.append(f"location = {_nginx_path(old)} {{ return 410; }}\n")
    return "".join(lines)


def _nginx_path(path):
    """A path as an nginx location: quoted when it has characters nginx reads
    as syntax (an old WordPress address may have Polish letters, never spaces)."""
    return f'"{path}"' if any(ch in path for ch in ' ;{}"\'#') else path


def _queries(redirects):
    """[(name, value, new)] of redirects from '/?name=value'."""
    out = []
    for old, new in redirects:
        name, _, value = old.split("?", 1)[1].partition("=")
        out.append((name, value, new))
    return out


def htaccess(d):
    lines = [
        "# Generated by the serving plugin. Needs mod_headers and mod_alias (on by default on most hosting);"
        " mod_deflate compresses text where the host has it.",
        "AddDefaultCharset utf-8",
        "AddType text/calendar .ics",
        "AddType application/atom+xml .atom.xml",
        f"ErrorDocument 404 {d['not_found']}",
        f"ErrorDocument 410 {d['not_found']}",
        "Options -Indexes",
        '<FilesMatch "^(_nginx\\.conf|\\.htaccess|_headers|_redirects)$">',
        "  Require all denied",
        "</FilesMatch>",
        "<IfModule mod_deflate.c>",
        f"  AddOutputFilterByType DEFLATE text/html {' '.join(COMPRESSED)}",
        "</IfModule>",
        "<IfModule mod_headers.c>",
    ]
    lines += [f'  Header always set {name} "{value}"' for name, value in d["security"]]
    lines += [
        f'  Header set Cache-Control "{d["cache"]["pages"][0]}"',
        f'  <FilesMatch "\\.({MEDIA})$">',
        f'    Header set Cache-Control "{d["cache"]["media"][0]}"',
        "  </FilesMatch>",
        '  <FilesMatch "\\.(atom|rss)\\.xml$">',
        f'    Header set Cache-Control "{d["cache"]["feeds"][0]}"',
        "  </FilesMatch>",
        '  <FilesMatch "\\.ics$">',
        f'    Header set Cache-Control "{d["cache"]["calendars"][0]}"',
        "  </FilesMatch>",
        '  <FilesMatch "\\.[0-9a-f]{10}\\.[A-Za-z0-9]+$">',
        f'    Header set Cache-Control "{d["cache"]["assets"][0]}"',
        "  </FilesMatch>",
    ]
    for prefix, security in d["by_path"]:
        policy = dict(security)["Content-Security-Policy"]
        lines += [f'  <If "%{{REQUEST_URI}} =~ m#^{prefix}#">',
                  f'    Header always set Content-Security-Policy "{policy}"',
                  "  </If>"]
    lines.append("</IfModule>")
    for old, new in d["redirects"]:
        if "?" not in old:
            lines.append(f'Redirect 301 "{old}" {new}' if " " in old else f"Redirect 301 {old} {new}")
    by_query = _queries([(old, new) for old, new in d["redirects"] if "?" in old])
    if by_query:
        lines += ["<IfModule mod_rewrite.c>", "  RewriteEngine On"]
        for name, value, new in by_query:
            lines += [f"  RewriteCond %{{QUERY_STRING}} (^|&){name}={value}(&|$)",
                      f"  RewriteRule ^(index\\.php)?$ {new}? [R=301,L]"]
        lines.append("</IfModule>")
    for old in d["gone"]:
        lines.append(f"Redirect gone {old}")
    return "\n".join(lines) + "\n"


def netlify_headers(d):
    lines = ["/*"]
    lines += [f"  {name}: {value}" for name, value in d["security"]]
    lines += [f"/{d['theme']}/*", f"  Cache-Control: {d['cache']['assets'][0]}",
              "/*.ics", f"  Cache-Control: {d['cache']['calendars'][0]}"]
    for folder in d["feed_folders"]:
        lines += [f"/{folder}/*", f"  Cache-Control: {d['cache']['feeds'][0]}"]
    for folder in d["media_folders"]:
        lines += [f"/{folder}/*", f"  Cache-Control: {d['cache']['media'][0]}"]
    for prefix, security in d["by_path"]:
        # "! Name" (Cloudflare Pages) drops the site-wide value first.
        lines += [f"{prefix}*", "  ! Content-Security-Policy",
                  f"  Content-Security-Policy: {dict(security)['Content-Security-Policy']}"]
    return "\n".join(lines) + "\n"


def netlify_redirects(d):
    # Netlify matches a query parameter only into a placeholder, not a value:
    # old short links (/?p=101) are redirected by nginx and Apache only.
    lines = [f"{urllib.parse.quote(old)} {new} 301" for old, new in d["redirects"] if "?" not in old]
    lines += [f"{old} {d['not_found']} 410" for old in d["gone"]]
    return "\n".join(lines) + ("\n" if lines else "")


def write_server_configs(pelican):
    """finalized: the four files, from one description."""
    d = describe(pelican.settings)
    for name, text in (("_nginx.conf", nginx(d)), (".htaccess", htaccess(d)),
                       ("_headers", netlify_headers(d)), ("_redirects", netlify_redirects(d))):
        with open(os.path.join(pelican.output_path, name), "w", encoding="utf-8") as f:
            f.write(text)


__all__ = ["HASHED", "SERVER_FILES", "describe", "write_server_configs"]
