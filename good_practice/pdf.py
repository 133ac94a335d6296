"""The good practice app's section of the annual report (see reports.sections)."""

from datetime import date

from lscb_portal.periods import year_label

from .selectors import examples_between


def good_practice(board, year):
    """Section 14, good practice: the examples dated in the reporting year (1 April
    to 31 March), oldest first, with their agencies and themes. None without an
    example in the year. Two queries."""
    examples = examples_between(board, date(year, 4, 1), date(year + 1, 3, 31))
    if not examples:
        return None
    return {"year_label": year_label(year), "examples": examples}
