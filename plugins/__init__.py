"""The site's Pelican plugins, one package per capability, installed as `klucz`.

`pyproject.toml` maps this folder to the package name `klucz`, so the plugins
are `klucz.events`, `klucz.donations`, … in PLUGINS: an installed package such
as PyPI's pelican-search (`pelican.plugins.search`) can never take the place of
this site's `search`, which it could while the plugins were loaded by their
short names from PLUGIN_PATHS.
"""
