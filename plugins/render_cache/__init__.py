"""Render and write only what changed, and never leave a half-written site.

- `{% cache key %}…{% endcache %}`: template pieces shared by many pages (a
  post's card) are rendered once per build (fragments.py).
- The build is written into `<output>.new`; only a build that succeeded
  changes the output folder, at the very end (output.py).
- With RENDER_CACHE_PAGES on (development), pages whose inputs did not change
  since the last build into the same folder are not rendered again
  (signature.py, writer.py): editing one post rewrites that post's page, not
  the whole site.
- Pages are written to disk by a second thread while the next one is
  rendered (background.py).
- Pages are rendered by two processes at once (parallel.py).
- Every post's address is worked out once (freeze_urls).
"""

import os

from pelican import signals
from pelican.contents import Static

from .background import Background
from .fragments import add_extension, clear
from .output import Output
from .parallel import RenderGenerator
from .signature import all_contents
from .writer import STATE, get_writer


def stage(pelican):
    """initialized: send the build to the staging folder."""
    output = Output(pelican.output_path, pelican.settings)
    output.start()
    leftover = STATE.get("background")
    if leftover is not None:  # from a build that failed in this process
        leftover.queue.put(None)
    STATE.clear()
    STATE["output"] = output
    processes = pelican.settings.get("RENDER_CACHE_PROCESSES")
    STATE["processes"] = (os.cpu_count() or 1) if processes is None else int(processes)
    if STATE["processes"] > 1:
        STATE["deferred"] = []
        # Connected now, after every plugin's own generators: renders last.
        signals.get_generators.connect(add_render_generator)
    pelican.output_path = output.staging
    pelican.settings["OUTPUT_PATH"] = output.staging


def freeze_urls(generators):
    """all_generators_finalized: every post's address is final now; Pelican
    would work it out again from the URL pattern each time a page links to it
    (thousands of times). Pelican's own override_url keeps it. (Not
    override_save_as: Pelican takes that to mean the page may overwrite
    another.)"""
    if not generators:
        return
    for item in all_contents(generators[0].context):
        if not isinstance(item, Static):
            item.override_url = item.url


def add_render_generator(pelican):
    return RenderGenerator


def prepare(generators):
    """all_generators_finalized: every plugin has connected its `finalized`
    handlers by now, so the commit connected here runs after all of them (the
    sitemap is written, strict_build has had its say)."""
    output = STATE.get("output")
    if output is None:
        return
    settings = generators[0].settings if generators else {}
    STATE["context"] = generators[0].context if generators else None
    output.settings = settings  # CACHE_PATH as the reader cache set it
    output.load()
    if settings.get("RENDER_CACHE_WRITE_THREAD", True):
        background = STATE["background"] = Background()
        if not output.previous:  # every page will be written: make their folders now
            folders = {os.path.dirname(os.path.join(output.staging, item.save_as))
                       for item in all_contents(generators[0].context) if item.save_as}
            for folder in sorted(folders):
                background.folder(folder)
    signals.finalized.connect(commit)


def commit(pelican):
    background = STATE.pop("background", None)
    if background is not None:
        background.drain()
    output = STATE.pop("output", None)
    if output is not None:
        output.commit()
        pelican.output_path = output.live
        pelican.settings["OUTPUT_PATH"] = output.live


def register():
    signals.initialized.connect(stage)
    signals.initialized.connect(clear)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.all_generators_finalized.connect(prepare)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(clear)
    signals.generator_init.connect(add_extension)
