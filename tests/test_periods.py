from datetime import date

import pytest

from lscb_portal.periods import (
    calendar_year,
    quarter_bounds,
    quarter_of,
    quarters_between,
    year_label,
)


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2016, 4, 1), "2016-17 Q1"),
        (date(2016, 9, 30), "2016-17 Q2"),
        (date(2016, 12, 31), "2016-17 Q3"),
        (date(2017, 3, 31), "2016-17 Q4"),
        (date(2017, 4, 1), "2017-18 Q1"),
    ],
)
def test_reporting_quarters_run_from_april(day, quarter):
    assert quarter_of(day) == quarter
    first, last = quarter_bounds(quarter)
    assert first <= day <= last


def test_quarter_bounds_of_the_last_quarter():
    assert quarter_bounds("2016-17 Q4") == (date(2017, 1, 1), date(2017, 3, 31))


def test_a_badly_written_quarter_is_refused():
    with pytest.raises(ValueError, match="2016-17 Q4"):
        quarter_bounds("Q4 2016")


def test_quarters_of_a_three_year_plan():
    quarters = quarters_between(date(2016, 4, 1), date(2019, 3, 31))
    assert len(quarters) == 12
    assert (quarters[0], quarters[-1]) == ("2016-17 Q1", "2018-19 Q4")


def test_year_label():
    assert year_label(2016) == "2016-17"
    assert year_label(1999) == "1999-00"


def test_calendar_year_of_a_month_in_a_reporting_year():
    assert calendar_year(2016, 4) == 2016
    assert calendar_year(2016, 12) == 2016
    assert calendar_year(2016, 1) == 2017
    assert calendar_year(2016, 3) == 2017
