"""A build goes into `<output>.new` and becomes `<output>` only when it
succeeded (`build_site`, the one way a build starts: `make html`, `make
publish`, `make check --output`, the preview); a failed build leaves the last
good site as it was and no `.new` folder behind. While it runs,
`previous_output(settings)` is that last good site (PREVIOUS_OUTPUT_PATH), for
the plugins that take something from it (pages, image variants, a search
index)."""

import os
import shutil

from .settings import Setting, declare

SETTINGS = declare(
    Setting(
        "PREVIOUS_OUTPUT_PATH",
        None,
        "The last good build's folder; given by build_site() (make html), never set by hand.",
        kind=str,
    ),
)


def previous_output(settings):
    """The folder of the last good build, or None (a build not staged)."""
    return SETTINGS.get(settings, "PREVIOUS_OUTPUT_PATH")


def build_site(settings, start):
    """Run `start(settings)` (a Pelican to run) into OUTPUT_PATH + '.new', then
    swap it in (`previous_output` tells the plugins where the current
    output, the last good site, is: the render cache reuses pages from it).

    The folders of the site before last (`<output>.old`, its files removed)
    become the new build's folders: a page's folder is made once, not at every
    build (making a thousand folders took a third of a rebuild). The folders
    this build left empty are removed before the swap. Should a folder stand
    where this build writes a file (an address changed from a folder to a
    file), the build runs again from an empty folder."""
    live = os.path.abspath(settings["OUTPUT_PATH"])
    staging = live + ".new"
    spare = live + ".old"
    shutil.rmtree(staging, ignore_errors=True)
    recycled = os.path.isdir(spare) and not os.path.islink(spare)
    if recycled:
        os.replace(spare, staging)
        _remove_files(staging)
    else:
        os.makedirs(staging)
    settings = dict(settings, OUTPUT_PATH=staging, PREVIOUS_OUTPUT_PATH=live, DELETE_OUTPUT_DIRECTORY=False)
    try:
        start(settings).run()
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if recycled and _in_the_way(error):
            return build_site(settings | {"OUTPUT_PATH": live}, start)
        raise
    _remove_empty_folders(staging)
    if os.path.lexists(live):
        os.replace(live, spare)
    os.replace(staging, live)
    return live


def empty_spare(output):
    """Remove the files of the site before last (`<output>.old`), keeping its
    folders for the next build: what a build would do first, done while
    nobody waits (the preview's builder, after it has answered)."""
    spare = os.path.abspath(output) + ".old"
    if os.path.isdir(spare) and not os.path.islink(spare):
        _remove_files(spare)


def _in_the_way(error):
    """Whether a file could not be written for a folder in its place (the
    error itself, or what a plugin's own error was raised from)."""
    while error is not None:
        if isinstance(error, IsADirectoryError | NotADirectoryError | FileExistsError):
            return True
        error = error.__cause__ or error.__context__
    return False


def _remove_files(folder):
    """Every file (and link) under `folder` removed, its folders kept."""
    for parent, folders, files in os.walk(folder):
        for name in files + [f for f in folders if os.path.islink(os.path.join(parent, f))]:
            os.remove(os.path.join(parent, name))


def _remove_empty_folders(folder):
    """The folders under `folder` with nothing in them (nor in theirs) removed."""
    removed = set()
    for parent, folders, files in os.walk(folder, topdown=False):  # the deepest first
        if parent != folder and not files and all(os.path.join(parent, f) in removed for f in folders):
            os.rmdir(parent)
            removed.add(parent)
