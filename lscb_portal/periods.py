"""Reporting periods: the year runs 1 April to 31 March and is written "2016-17";
and the range of dates the portal accepts anywhere."""

import calendar
import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

QUARTER_RE = re.compile(r"^(\d{4})-(\d{2}) Q([1-4])$")

# The first reporting year the portal keeps reports for.
FIRST_REPORTING_YEAR = 2000

# Every date a person or a feed enters lies in these years (forms through
# lscb_portal.forms.GovukDateField, the API through boards.api.fields.DateField).
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
DATE_RANGE_MESSAGE = f"Enter a date from {EARLIEST_YEAR} to {LATEST_YEAR}"


def validate_date_range(day: date) -> None:
    """The one range check on entered dates."""
    if day is not None and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValidationError(DATE_RANGE_MESSAGE, code="date_range")


def validate_year_range(year: int) -> None:
    """The same range for a year entered as a number (a plan's first year…)."""
    if year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValidationError(
            f"Enter a year from {EARLIEST_YEAR} to {LATEST_YEAR}", code="year_range"
        )


def year_ago(day: date) -> date | None:
    """The same day a year earlier (28 February for 29 February); None before
    year 2, so dates already stored outside the range never raise."""
    if day.year <= 1:
        return None
    if (day.month, day.day) == (2, 29):
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def reporting_year_start(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def calendar_year(start_year: int, month: int) -> int:
    """The calendar year of `month` in the reporting year starting in `start_year`."""
    return start_year if month >= 4 else start_year + 1


def reporting_years(today: date | None = None) -> list[int]:
    """Years a report may be about, newest (the one under way) first."""
    latest = reporting_year_start(today or timezone.localdate())
    return list(range(latest, FIRST_REPORTING_YEAR - 1, -1))


def year_label(start_year: int) -> str:
    return f"{start_year}-{str(start_year + 1)[2:]}"


def year_bounds(start_year: int) -> tuple[date, date]:
    """1 April and 31 March of the reporting year starting in `start_year`."""
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def label_bounds(label: str) -> tuple[date, date]:
    """The bounds of a reporting year written "2016-17"; ValueError if the label
    is not one."""
    if len(label) != 7 or label[4] != "-" or not label[:4].isdigit():
        raise ValueError(f"{label!r} is not a reporting year such as 2016-17.")
    start = int(label[:4])
    if year_label(start) != label:
        raise ValueError(f"{label!r} is not a reporting year such as 2016-17.")
    return year_bounds(start)


def year_labels_spanning(first: date | None, last: date | None) -> list[str]:
    """Every reporting year from the one `first` falls in to `last`'s, newest
    first; none when there are no dates (an aggregate's Min/Max of no rows)."""
    if first is None or last is None:
        return []
    first_year, last_year = reporting_year_start(first), reporting_year_start(last)
    return [year_label(year) for year in range(last_year, first_year - 1, -1)]


def quarter_of(day: date) -> str:
    """ "2016-17 Q4" for 15 February 2017: Q1 is April to June."""
    start = reporting_year_start(day)
    quarter = ((day.month - 4) % 12) // 3 + 1
    return f"{year_label(start)} Q{quarter}"


def quarter_bounds(label: str) -> tuple[date, date]:
    """First and last day of a quarter written as quarter_of() writes it."""
    match = QUARTER_RE.match(label or "")
    if not match:
        raise ValueError(f"{label!r} is not a quarter such as 2016-17 Q4.")
    start_year, quarter = int(match[1]), int(match[3])
    first_month = (4 + 3 * (quarter - 1) - 1) % 12 + 1
    year = calendar_year(start_year, first_month)
    last_month = first_month + 2
    return (
        date(year, first_month, 1),
        date(year, last_month, calendar.monthrange(year, last_month)[1]),
    )


def quarters_between(start: date, end: date) -> list[str]:
    """Every quarter from the one holding `start` to the one holding `end`."""
    quarters, day = [], date(start.year, start.month, 1)
    while day <= end:
        label = quarter_of(day)
        if label not in quarters:
            quarters.append(label)
        if (day.year, day.month) == (date.max.year, 12):
            break  # no month after December 9999
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return quarters


def end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
