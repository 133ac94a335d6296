"""The challenge log's pages run the same bounded number of queries at 10 and at 500
challenges."""

from datetime import date, timedelta

import pytest

from boards.models import ChallengeLogEntry, Membership, Role
from tests.boards.factories import AgencyFactory, MembershipFactory

LOG = "/boards/north/challenges/"

# Measured at 10 challenges; each must hold at 500.
BUDGETS = {
    LOG: 10,
    LOG + "?status=open&year=2016-17": 10,
    LOG + "?agency_challenged={agency}&page=2": 11,
    LOG + "{first}/": 5,
    LOG + "{first}/history/": 6,
    LOG + "new/": 7,
}


def fill_log(cast, size):
    """`size` challenges spread over 4 reporting years, 12 agencies and as many
    members, a third of them closed."""
    agencies = [cast.agency_x, cast.agency_y] + [
        AgencyFactory(board=cast.board) for _ in range(10)
    ]
    seats = list(Membership.objects.filter(board=cast.board)) + [
        MembershipFactory(board=cast.board, role=Role.BOARD_MEMBER, agency=agency)
        for agency in agencies
    ]
    start = date(2014, 4, 1)
    rows = []
    for n in range(size):
        closed = n % 3 == 0
        seat = seats[n % len(seats)]
        rows.append(
            ChallengeLogEntry(
                board=cast.board,
                date=start + timedelta(days=(n * 1460) // size),
                raised_by=seat,
                raised_by_agency=seat.agency,
                agency_challenged=agencies[n % len(agencies)],
                subject=f"Challenge {n}",
                status="closed" if closed else "open",
                outcome="Agreed" if closed else "",
                closed_on=date(2018, 4, 1) if closed else None,
            )
        )
    made = ChallengeLogEntry.objects.bulk_create(rows)
    return {"first": made[0].pk, "agency": cast.agency_x.pk}


@pytest.mark.parametrize("size", [10, 500])
@pytest.mark.parametrize("url", list(BUDGETS))
def test_query_budget(cast, as_user, django_assert_max_num_queries, url, size):
    ids = fill_log(cast, size)
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(BUDGETS[url]):
        response = client.get(url.format(**ids))
    assert response.status_code == 200
    if url == LOG:
        assert response.context["page"].paginator.count == size
        assert response.context["counts"].total == size
        assert len(response.context["counts"].years) == 4


@pytest.mark.parametrize("size", [10, 500])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_query_budget(cast, as_user, django_assert_max_num_queries, kind, size):
    fill_log(cast, size)
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(8):
        response = client.get(LOG, {"export": kind, "sort": "raised_by"})
    assert response.status_code == 200
