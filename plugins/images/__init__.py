"""Content images: width and height, lazy loading below the fold, and resized
WebP variants in srcset (Pillow). The originals stay untouched."""

from pelican import signals

from .responsive import SETTINGS, card_images, process_page, start  # noqa: F401 (SETTINGS: the declared settings)


def register():
    signals.initialized.connect(start)
    signals.all_generators_finalized.connect(card_images)
    signals.content_written.connect(process_page)
