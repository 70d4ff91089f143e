"""Render less: template pieces shared by many pages are rendered once per
build (`{% cache %}`, see fragments.py)."""

from pelican import signals

from .fragments import add_extension, clear


def register():
    signals.initialized.connect(clear)
    signals.finalized.connect(clear)
    signals.generator_init.connect(add_extension)
