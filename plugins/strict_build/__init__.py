"""Make the build fail, listing every problem, when anything logged an error.

Stock Pelican logs a post it cannot read ("Could not process FILE") and still
exits 0, so the post silently disappears. This plugin collects every error
logged during the build and ends it with a non-zero exit and the full list.
Other plugins report content problems through `report(Problem(...))`.

It also holds what every plugin shares: the declared settings (`Setting`),
the header fields (`Field`, `read_header`), a content file's text
(`source_text`), putting a file into the output (`link_or_copy`) and the staged
build (`build_site`: a build becomes the output only when it succeeded;
`previous_output`: the last good site while it runs).
"""

from .collector import BuildFailed, register, start_pelican  # noqa: F401
from .fields import (  # noqa: F401
    Field,
    HeaderField,
    Rule,
    declared_fields,
    extra_fields,
    field_line,
    read_header,
    read_header_file,
)
from .files import decode, link_or_copy, source_text  # noqa: F401
from .problems import (  # noqa: F401
    PageFailed,
    Problem,
    Reported,
    reader_name,
    relative_path,
    report,
    reported,
    unexpected,
)
from .settings import Setting, declare, with_markdown_extension  # noqa: F401
from .staging import SETTINGS, build_site, empty_spare, previous_output  # noqa: F401 (SETTINGS: declared)
