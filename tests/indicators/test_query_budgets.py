"""Indicator pages run the same bounded number of queries for a scorecard of 20
indicators x 6 months and of 200 indicators x 60 months."""

from datetime import date

import pytest

from indicators.services import settings_for

from .factories import INDICATORS, build_scorecard

SCORECARD = f"{INDICATORS}scorecards/big/"

# Measured at the small size, less the queries that come one a row; each must
# hold at the large size. The scorecard: session, user, board, roles, scorecard,
# periods, indicators, values, targets, settings, agencies for the filter.
BUDGETS = {
    SCORECARD: 11,
    SCORECARD + "?rag=R": 11,
    SCORECARD + "?period=month:2017-01-31&q=B1": 11,
    SCORECARD + "?export=csv&sort=value&order=desc": 11,
    SCORECARD + "?export=xlsx&rag=R&sort=rag": 11,
    f"{INDICATORS}all/": 10,
    f"{INDICATORS}B1.0/": 9,
}
SIZES = {"20 x 6": (20, 6), "200 x 60": (200, 60)}


@pytest.fixture(params=list(SIZES))
def size(request, cast):
    indicators, months = SIZES[request.param]
    build_scorecard(
        cast.board, indicators=indicators, months=months, agency=cast.agency_x
    )
    settings_for(cast.board)  # the board's settings row, made on a first visit
    return indicators, months


@pytest.mark.parametrize("url", list(BUDGETS))
def test_indicator_pages_run_bounded_queries(
    size, cast, as_user, django_assert_max_num_queries, url
):
    indicators, months = size
    client = as_user(cast.board_member)
    with django_assert_max_num_queries(BUDGETS[url]):
        response = client.get(url)
    assert response.status_code == 200
    if "export=" in url:
        assert response["Content-Disposition"].startswith("attachment")
    elif "/B1.0/" in url:
        assert len(response.context["rows"]) == months
    elif "rag=" in url:
        assert response.context["page"].paginator.count >= 1
    elif "q=B1" in url:
        assert response.context["period"][1] == date(2017, 1, 31)
        codes = [f"B{n // 10}.{n % 10}" for n in range(indicators)]
        matching = sum("B1" in code for code in codes)
        assert response.context["page"].paginator.count == matching
    else:
        assert response.context["page"].paginator.count == indicators
