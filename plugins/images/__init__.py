"""Content images: width and height, lazy loading below the fold, and resized
WebP variants in srcset (Pillow). The originals stay untouched."""

from pelican import signals

from .responsive import process_site


def register():
    signals.finalized.connect(process_site)
