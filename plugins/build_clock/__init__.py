"""One "now" for the whole build: from the BUILD_NOW setting or environment
variable (ISO 8601, e.g. 2027-01-10T12:00+01:00), else SOURCE_DATE_EPOCH, else
the wall clock. Tests and reproducible builds pin it; plugins that depend on
the date (sign-up deadlines, campaign seasons) read it with `build_now()`."""

from .clock import SETTINGS, build_now, register  # noqa: F401
