"""Section 12: the scorecard at the year end, then each indicator's commentary
for the period (the areas of concern) and the five-year series with their
charts."""

from datetime import date
from decimal import Decimal

import pytest

from indicators.models import BreakdownCell
from indicators.pdf import key_indicators
from tests.indicators.factories import (
    BreakdownTableFactory,
    IndicatorFactory,
    MeasurementFactory,
    ScorecardFactory,
)

pytestmark = pytest.mark.django_db


def scored(board, code, commentary=""):
    indicator = IndicatorFactory(board=board, code=code)
    indicator.scorecards.add(ScorecardFactory(board=board))
    MeasurementFactory(indicator=indicator, commentary=commentary)
    return indicator


def test_commentary_for_the_period_prints_after_the_table(cast, as_user):
    scored(cast.board, "CS2.3", "Rose from 325 to 525: an action plan is delivered.")
    scored(cast.board, "CS1.1")
    scored(cast.other_board, "CS9.9", "Another board's commentary")
    context = key_indicators(cast.board, 2016)
    assert [r.indicator.code for r in context["concerns"]] == ["CS2.3"]
    page = as_user(cast.chair).get(f"/boards/{cast.board.slug}/annual-report/2016-17/")
    text = page.content.decode()
    part = text.split("LSCB performance report (31 March 2017)")[1]
    assert part.index("</table>") < part.index("Areas of concern")
    assert "Rose from 325 to 525: an action plan is delivered." in part
    assert "Another board" not in text


def test_no_commentary_no_areas_of_concern(cast, as_user):
    scored(cast.board, "CS1.1")
    page = as_user(cast.chair).get(f"/boards/{cast.board.slug}/annual-report/2016-17/")
    assert "Areas of concern" not in page.content.decode()


def series_of(board, code, values, start=2013):
    """An indicator on a scorecard with a value at each 31 March from `start`."""
    indicator = IndicatorFactory(board=board, code=code, unit="rate")
    indicator.scorecards.add(ScorecardFactory(board=board))
    for n, value in enumerate(values):
        MeasurementFactory(
            indicator=indicator,
            period_end=date(start + n, 3, 31),
            value=Decimal(value),
        )
    return indicator


def series_table(board, rows):
    table = BreakdownTableFactory(
        board=board,
        title="Five-year series, annual report 2016-17",
        rows=list(rows),
        columns=[f"{y}-03-31" for y in range(2013, 2018)],
        year=None,
    )
    for row, values in rows.items():
        for n, value in enumerate(values):
            BreakdownCell.objects.create(
                table=table, row=row, column=f"{2013 + n}-03-31", value=value
            )


def test_five_year_series_to_the_year_end_with_a_chart_each(
    cast, django_assert_max_num_queries
):
    series_of(cast.board, "CS2.3", ["36.1", "62.5", "34.6", "44.6", "56.6"])
    series_of(cast.board, "CS9.0", ["1", "2"], start=2015)  # two values: left out
    series_table(
        cast.board,
        {
            "EHAs initiated: Rate per 10,000": [
                "17.3",
                "46.9",
                "131.1",
                "196.6",
                "206.4",
            ]
        },
    )
    series_of(cast.other_board, "CS2.3", ["1", "2", "3", "4", "5"])
    with django_assert_max_num_queries(10):
        context = key_indicators(cast.board, 2016)
    labels = [s["label"] for s in context["series"]]
    assert labels[0].startswith("CS2.3 ")
    assert labels[1:] == ["EHAs initiated: Rate per 10,000"]
    assert context["series"][0]["cells"] == ["36.1", "62.5", "34.6", "44.6", "56.6"]
    assert context["series"][1]["cells"][-1] == "206.4"
    assert context["series_ends"][0] == date(2013, 3, 31)
    for s in context["series"]:
        assert context["charts"][s["chart_name"]].startswith("<svg")
        assert "March 2017" in s["chart_alt"]


def test_the_series_queries_do_not_grow_with_the_series(
    cast, django_assert_max_num_queries
):
    for n in range(6):
        series_of(cast.board, f"CS{n}.0", ["1", "2", "3", "4", "5"])
    with django_assert_max_num_queries(10):
        assert len(key_indicators(cast.board, 2016)["series"]) == 6
