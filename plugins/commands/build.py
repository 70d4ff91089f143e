"""`make html` and `make publish`: Pelican's own command line, with one
difference: a build that fails ends with the list of problems or one Polish
line, never a Python traceback. `DEBUG=1` shows the traceback for a
maintainer.

Usage: python -m klucz.commands.build [pelican's arguments]
"""

import copy
import logging
import os
import sys

from pelican import DEFAULT_LOG_HANDLER, get_config, parse_arguments
from pelican.log import init as init_logging
from pelican.settings import read_settings

from klucz.authoring.cache import with_reader_cache
from klucz.strict_build import BuildFailed, build_site, start_pelican, unexpected


def build(settings_file, override=None, staged=True):
    """The one way a build of this site starts (`make html`, `make publish`,
    `make check`, the preview, the draft's check, the tests): the settings
    read with the reader cache's place, then Pelican with this site's strict
    checks, into `<output>.new` swapped in on success (`staged`) or straight
    into the output. Returns the output folder.

    The settings are copied first: what the settings file imports
    (klucz.structure) would otherwise share its lists and dicts with every
    later build of this process (the preview's builder, the tests), and
    Pelican and plugins change some in place."""
    settings = with_reader_cache(copy.deepcopy(read_settings(settings_file, override=override or {})))
    if staged:
        return build_site(settings, start_pelican)
    start_pelican(settings).run()
    return settings["OUTPUT_PATH"]


def debugging():
    return os.environ.get("DEBUG", "").strip() not in ("", "0", "no", "false")


def main(argv=None):
    try:
        args = parse_arguments(argv)
    except ValueError as error:  # e.g. a malformed -e KEY=VALUE
        print(f"BŁĄD: polecenie budowania: {error}", file=sys.stderr)
        return 2
    plain = logging.StreamHandler()
    plain.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican",
                 handler=plain if args.log_handler == "plain" else DEFAULT_LOG_HANDLER,
                 logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level))
    try:
        build(args.settings or "pelicanconf.py", get_config(args))
    except BuildFailed:
        return 1  # every problem is listed already (strict_build)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if debugging():
            raise
        # One line, unwrapped, whatever the log handler.
        print(f"BŁĄD: {unexpected(error)}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
