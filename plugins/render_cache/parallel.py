"""Pages rendered by two processes at once.

Pelican renders one page after another. The writer (writer.py) only notes the
pages to render; when every generator has asked for its pages, a fork of the
build renders part of them while this process renders the rest. The fork sends
back which files it wrote and what it logged; this process then tells the
other plugins about those pages as if it had written them itself.

Pages that may overwrite one another (a page saved as another page's address
with override_output) stay in this process, in Pelican's order.
"""

import logging
import os
import pickle
import sys
import traceback
import zlib

from pelican.generators import Generator
from strict_build import capture, replay

logger = logging.getLogger(__name__)

# Fewer pages than this are not worth a second process
# (RENDER_CACHE_PARALLEL_MINIMUM).
PARALLEL_MINIMUM = 200


def split(calls):
    """(this process's calls, the fork's calls), as indexes: half each, by the
    page's address (so no pattern in Pelican's order puts all of one kind of
    page in one process)."""
    overriding = {call["name"] for call in calls if call["override_output"]}
    mine, theirs = [], []
    for index, call in enumerate(calls):
        if call["name"] in overriding or zlib.crc32(str(call["name"]).encode()) % 2 == 0:
            mine.append(index)
        else:
            theirs.append(index)
    return mine, theirs


def render_all(writer, calls, processes, minimum=PARALLEL_MINIMUM):
    """Render every noted call; return {index: (files written, texts shown)}."""
    if processes < 2 or len(calls) < minimum or not hasattr(os, "fork"):
        return {i: writer.render_now(call) for i, call in enumerate(calls)}
    mine, theirs = split(calls)
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the fork: render its share, report, leave
        os.close(read_end)
        status = 0
        captured = capture()
        try:
            writer.restart_background()
            done = {i: writer.render_now(calls[i]) for i in theirs}
            writer.drain_background()
            message = ("ok", done, captured.take())
        except BaseException:
            status = 1
            message = ("error", traceback.format_exc(), captured.take())
        try:
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(message, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(status)
    os.close(write_end)
    done = {}
    try:
        for i in mine:
            done[i] = writer.render_now(calls[i])
    finally:
        with os.fdopen(read_end, "rb") as pipe:
            try:
                message = pickle.load(pipe)
            except (EOFError, pickle.UnpicklingError):
                message = ("error", "the second process ended without a word", [])
        os.waitpid(pid, 0)
    kind, payload, records = message
    replay(records)
    if kind == "ok":
        for i, (paths, shown) in payload.items():
            writer.take_over(calls[i], paths, shown)
            done[i] = (paths, shown)
    else:
        logger.debug("rendering the rest here; the second process failed: %s", payload)
        for i in theirs:
            done[i] = writer.render_now(calls[i])
    return done


class RenderGenerator(Generator):
    """Added after every other page-writing generator: renders what the
    writer noted, in two processes."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        flush = getattr(writer, "flush", None)
        if flush is not None:
            flush()
