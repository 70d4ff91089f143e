"""Putting a file into the output: one way for every plugin."""

import os
import shutil


def link_or_copy(source, target):
    """`target` becomes `source`'s content: a hard link where the file system
    allows it (nothing copied), else a copy with its times. What was at
    `target` is removed first, so nothing is ever written through a link
    into another build's file."""
    try:
        os.link(source, target)  # the usual case: its folder is there, nothing in the way
        return
    except FileNotFoundError:
        if not os.path.exists(source):
            raise
    except OSError:
        pass
    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
    if os.path.lexists(target):
        os.remove(target)
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links here
        shutil.copy2(source, target)
