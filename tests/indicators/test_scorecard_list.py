"""The scorecard on the shared list component: sorting the rows (a list built in
Python, not a queryset), ignoring unknown keys and exporting every filtered row."""

import pytest

from indicators.models import Indicator
from indicators.views import ScorecardView
from tests import lists

from .factories import INDICATORS, build_scorecard

SCORECARD = f"{INDICATORS}scorecards/big/"


@pytest.fixture
def scorecard(cast):
    return build_scorecard(cast.board, indicators=12, months=2, agency=cast.agency_x)


def test_scorecard_sorts_by_value_and_ignores_unknown_keys(cast, scorecard, as_user):
    ascending = lists.assert_sorts(as_user(cast.board_member), SCORECARD, "value")
    values = [float(row[2].rstrip("%")) for row in ascending]
    assert values == sorted(values)


def test_scorecard_sorts_by_rag_worst_first(cast, scorecard, as_user):
    ascending = lists.assert_sorts(as_user(cast.board_member), SCORECARD, "rag")
    order = [row[3].split()[0] for row in ascending]
    assert order == sorted(order, key=["Red", "Amber", "Green", "Complete", "No"].index)


def test_scorecard_exports_every_filtered_row(cast, scorecard, as_user, monkeypatch):
    monkeypatch.setattr(ScorecardView, "page_size", 3)
    client = as_user(cast.board_member)
    rows = lists.assert_exports(client, SCORECARD, {"q": "B1", "sort": "indicator"})
    assert [row[0] for row in rows] == ["B1.0", "B1.1"]
    everything = lists.assert_exports(client, SCORECARD)
    assert len(everything) == 12


def test_scorecard_export_neutralises_formulas(cast, scorecard, as_user):
    Indicator.objects.filter(board=cast.board, code="B0.1").update(description="-1+1")
    rows = lists.export(as_user(cast.board_member), SCORECARD, "csv")
    assert [row[1] for row in rows if row[0] == "B0.1"] == ["'-1+1"]


def test_scorecard_opens_on_the_latest_period_with_values_and_names_it(
    cast, scorecard, as_user
):
    # Values end in March 2017, years before today: the page opens there.
    response = as_user(cast.board_member).get(SCORECARD)
    assert response.context["period_key"] == "month:2017-03-31"
    page = response.text
    assert '<option value="month:2017-03-31" selected>31 Mar 2017 (month)' in page
    assert "12 indicators at 31 March 2017." in page
