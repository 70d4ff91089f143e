"""The theme's CSS, JS and images under content-hashed names
(theme/css/style.3f2a1b4c5d.css), so browsers may keep them for a year: a
changed file gets a new name. Templates ask for them with
{{ SITEURL }}/{{ asset("css/style.css") }}."""

import hashlib
import os
import re
import shutil

# What a hashed name looks like (the servers' caching rules match it).
HASHED = re.compile(r"\.[0-9a-f]{10}\.[A-Za-z0-9]+$")


def hashed_name(relative, data):
    stem, ext = os.path.splitext(relative)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}{ext}"


def add_asset_function(generator):
    """generator_init: the `asset()` function of the templates."""
    settings = generator.settings
    static = os.path.join(settings["THEME"], "static")
    folder = settings.get("THEME_STATIC_DIR", "theme")
    known = {}

    def asset(relative):
        if relative not in known:
            with open(os.path.join(static, relative), "rb") as f:
                known[relative] = f"{folder}/{hashed_name(relative, f.read())}"
        return known[relative]

    generator.env.globals["asset"] = asset


def write_hashed_assets(pelican):
    """finalized: a hashed copy beside every file of the theme Pelican copied."""
    folder = os.path.join(pelican.output_path, pelican.settings.get("THEME_STATIC_DIR", "theme"))
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            if HASHED.search(name):
                continue
            with open(path, "rb") as f:
                target = os.path.join(root, hashed_name(name, f.read()))
            if not os.path.exists(target):
                shutil.copyfile(path, target)
