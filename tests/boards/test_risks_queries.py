"""The risk log's pages, the matrix among them, run the same bounded number of
queries at 10 and at 500 risks."""

from datetime import date, timedelta

import pytest

from boards.models import Risk
from boards.services.risks import risk_update

LOG = "/boards/north/risks/"

# Measured at 10 risks; each must hold at 500.
BUDGETS = {
    LOG: 6,
    LOG + "?status=all&page=2": 6,
    LOG + "?export=csv&status=all": 5,
    LOG + "?export=xlsx&sort=review&order=desc": 5,
    LOG + "matrix/": 5,
    LOG + "{first}/": 6,
    LOG + "{first}/history/": 6,
}


def fill_log(cast, size):
    """`size` risks over every cell of the matrix, a fifth closed; the first has
    had its score changed `size` times."""
    today = date.today()
    made = Risk.objects.bulk_create(
        Risk(
            board=cast.board,
            title=f"Risk {n}",
            owner="Business team",
            likelihood=n % 5 + 1,
            impact=(n // 5) % 5 + 1,
            review_date=today + timedelta(days=n % 40 - 20),
            status="closed" if n % 5 == 0 else "open",
        )
        for n in range(size)
    )
    first = made[0]
    for version in range(1, min(size, 60) + 1):
        risk_update(
            risk=first,
            version=version,
            changes={"likelihood": version % 5 + 1},
            user=cast.business_team,
        )
    return {"first": first.pk}


@pytest.mark.parametrize("size", [10, 500])
@pytest.mark.parametrize("url", list(BUDGETS))
def test_query_budget(cast, as_user, django_assert_max_num_queries, url, size):
    ids = fill_log(cast, size)
    client = as_user(cast.lay_member)
    with django_assert_max_num_queries(BUDGETS[url]):
        response = client.get(url.format(**ids))
    assert response.status_code == 200
    if url == LOG:
        assert response.context["page"].paginator.count == size - size // 5
    if "matrix" in url:
        assert response.context["matrix"].total == size - size // 5
    if url == LOG + "{first}/":
        assert len(response.context["scores"]) >= min(size, 60) // 2
