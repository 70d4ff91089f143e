"""Problems found in another process (the Markdown workers, the second
rendering process) reach the build: that process keeps what it logs
(`capture()`), sends the records back, and the build logs them (`replay()`),
so they are counted and listed like any other."""

import logging
import traceback


class Captured(logging.Handler):
    """Keeps log records, made ready to be sent to another process."""

    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + "".join(traceback.format_exception(*record.exc_info))
        record.msg, record.args = message, None
        record.exc_info = record.exc_text = None
        self.records.append(record)

    def take(self):
        records, self.records = self.records, []
        return records


def capture():
    """In the other process: everything logged from now on is kept, not shown."""
    root = logging.getLogger()
    if not root.handlers or not isinstance(root.handlers[0], Captured):
        root.handlers = [Captured()]
    return root.handlers[0]


def replay(records):
    """In the build's process: log what the other process kept."""
    for record in records:
        logging.getLogger(record.name).handle(record)
