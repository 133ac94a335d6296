"""Section 12: the scorecard at the year end, then each indicator's commentary
for the period (the areas of concern)."""

import pytest

from indicators.pdf import key_indicators
from tests.indicators.factories import (
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
