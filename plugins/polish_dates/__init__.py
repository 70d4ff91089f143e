"""Polish dates and amounts through Babel: "15 maja 2016 r.", "maj 2016",
"10:00", "20 000 zł".

The machines that build the site have no pl_PL system locale, so strftime would
give English month names; Babel carries its own CLDR data.
"""

from .dates import (  # noqa: F401
    SETTINGS,
    babel_locale,
    date_locale,
    format_date_pl,
    format_month_pl,
    format_pln,
    format_time_pl,
    register,
)
from .parse import FORMS_HINT, DateProblem, Moment, aware, parse_moment  # noqa: F401
