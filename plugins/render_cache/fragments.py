"""`{% cache key, ... %}…{% endcache %}`: a piece of a template rendered once per
build and reused wherever the same key comes back (a post's card is shown on
the home page, its category, every tag and its month's archive).

The key must name everything the piece shows that differs between uses; what
is the same for the whole build (settings, SITEURL) need not be in it. The
cache is emptied at the start and end of every build."""

import os

from jinja2 import FileSystemBytecodeCache, nodes
from jinja2.ext import Extension

from .settings import setting
from .writer import STATE

_fragments = {}


def clear(*_args, **_kwargs):
    _fragments.clear()


class FragmentCache(Extension):
    tags = {"cache"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        keys = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            keys.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        name = nodes.Const(parser.name or "")
        call = self.call_method("cached", [name, nodes.List(keys)])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def cached(self, template, keys, caller):
        key = (id(self.environment), template, *keys)
        try:
            return _fragments[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable key: render every time
            return caller()
        html = _fragments[key] = caller()
        return html


class NoCache(FragmentCache):
    """Same syntax, no caching (RENDER_CACHE_FRAGMENTS = False)."""

    def cached(self, template, keys, caller):
        return caller()


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's bytecode cache, keyed also by what the environment's
    extensions compile with: an extension whose compiled code depends on
    settings names them in a `compile_key` attribute (the typography its
    units), and one that is not loaded is not in the key, so a build with
    other settings (`-e TYPOGRAPHY_ENABLED=false`, a test's override) never
    meets templates compiled for another."""

    def get_bucket(self, environment, name, filename, source):
        compiled_with = ";".join(f"{identifier}={getattr(extension, 'compile_key', '')}"
                                 for identifier, extension in sorted(environment.extensions.items()))
        return super().get_bucket(environment, name, f"{filename}|{compiled_with}", source)


def add_extension(generator):
    """generator_init: every generator's Jinja environment knows `{% cache %}`,
    and keeps compiled templates in a folder named after everything the
    compiled code may depend on (the site's code digest: plugins, settings and
    what they import, Python, packages), so a changed filter never meets
    templates compiled with the old one."""
    settings = generator.settings
    if setting(settings, "RENDER_CACHE_FRAGMENTS"):
        generator.env.add_extension(FragmentCache)
    else:
        generator.env.add_extension(NoCache)
    digest = STATE.get("code_digest")
    if digest:
        folder = os.path.join(settings.get("CACHE_PATH") or "cache", f"szablony-{digest}")
        os.makedirs(folder, exist_ok=True)
        generator.env.bytecode_cache = CompiledTemplates(folder)
