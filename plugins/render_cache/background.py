"""Files are written by a second thread while the next page is rendered.

Creating folders and files is work for the operating system (and, on some
disks, slow); Python lets another thread do it meanwhile. Folders for every
post's page are made ahead, as soon as the addresses are known. A page with an
image is written at once: the images plugin reads it back when it is written.
Everything is on disk before the build is committed (drain)."""

import io
import os
import queue
import threading


class Background:
    def __init__(self):
        self.queue = queue.SimpleQueue()
        self.error = None
        self.thread = threading.Thread(target=self._run, name="render_cache-writer", daemon=True)
        self.thread.start()

    def _run(self):
        while True:
            item = self.queue.get()
            if item is None:
                return
            path, data = item
            try:
                if data is None:
                    os.makedirs(path, exist_ok=True)
                else:
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(data)
            except BaseException as error:  # reported by drain(), in the build's thread
                self.error = self.error or error

    def folder(self, path):
        self.queue.put((path, None))

    def file(self, path, text):
        self.queue.put((path, text))

    def drain(self):
        """Wait until everything is written; raise what went wrong."""
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        if self.error is not None:
            raise self.error


class DeferredFile(io.StringIO):
    """What Pelican writes a page into; handed to the writing thread on close."""

    def __init__(self, path, background):
        super().__init__()
        self.path = path
        self.background = background

    def close(self):
        if not self.closed:
            text = self.getvalue()
            if "<img" in text:
                with open(self.path, "w", encoding="utf-8") as f:
                    f.write(text)
            else:
                self.background.file(self.path, text)
        super().close()
