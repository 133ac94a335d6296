"""The planner and the subgroup list run the same bounded number of queries at 10
and at 200 rows."""

from datetime import date, timedelta

import pytest

from boards.models import Meeting, MeetingKind, Role
from subgroups.models import Frequency, MeetingPaper, ReportingPlanItem, Subgroup
from tests.boards.factories import MembershipFactory

FREQUENCIES = list(Frequency.values)

# Measured at 10 rows; each must hold at 200.
PLANNER_BUDGET = 8  # one of them: may the user see review deadlines?
LIST_BUDGET = 5


def add_meetings(board):
    """2016-17: six board meetings and six Business Groups, a month apart."""
    first = date(2016, 4, 14)
    return Meeting.objects.bulk_create(
        Meeting(
            board=board,
            kind=MeetingKind.BOARD if n % 2 else MeetingKind.BUSINESS_GROUP,
            date=first + timedelta(weeks=4 * n + n % 2),
        )
        for n in range(12)
    )


def add_subgroups(board, size):
    """`size` subgroups, each with a chair of its own; every third is under the
    first."""
    chairs = [
        MembershipFactory(board=board, role=Role.SUBGROUP_CHAIR, agency=None)
        for _ in range(size)
    ]
    top = Subgroup.objects.create(board=board, name="Subgroup 000", chair=chairs[0])
    Subgroup.objects.bulk_create(
        Subgroup(
            board=board,
            name=f"Subgroup {n:03d}",
            chair=chairs[n],
            parent=top if n % 3 == 0 else None,
        )
        for n in range(1, size)
    )
    return list(Subgroup.objects.filter(board=board))


def add_plan_items(board, size, groups, meetings, receiver):
    items = ReportingPlanItem.objects.bulk_create(
        ReportingPlanItem(
            board=board,
            what=f"Report {n:03d}",
            subgroup=groups[n % len(groups)],
            frequency=FREQUENCIES[n % len(FREQUENCIES)],
            month=7 if n % 2 else None,
            destination="business_group" if n % 4 == 0 else "board",
        )
        for n in range(size)
    )
    MeetingPaper.objects.bulk_create(
        MeetingPaper(meeting=meetings[n % 12], plan_item=item, received_by=receiver)
        for n, item in enumerate(items)
    )


@pytest.mark.parametrize("size", [10, 200])
def test_planner_runs_bounded_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    meetings = add_meetings(cast.board)
    groups = add_subgroups(cast.board, 10)
    add_plan_items(cast.board, size, groups, meetings, cast.business_team)
    client = as_user(cast.board_member)
    with django_assert_max_num_queries(PLANNER_BUDGET):
        response = client.get("/boards/north/planner/?year=2016")
    assert response.status_code == 200
    assert len(response.context["rows"]) == size
    assert len(response.context["meetings"]) == 12


@pytest.mark.parametrize("size", [10, 200])
def test_subgroup_list_runs_bounded_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    add_subgroups(cast.board, size)
    client = as_user(cast.board_member)
    with django_assert_max_num_queries(LIST_BUDGET):
        response = client.get("/boards/north/subgroups/")
    assert response.status_code == 200
    tree = response.context["tree"]
    assert len(tree) + sum(len(children) for _, children in tree) == size


@pytest.mark.parametrize("size", [10, 200])
def test_planner_opened_on_the_latest_year_runs_one_query_more(
    cast, as_user, django_assert_max_num_queries, size
):
    meetings = add_meetings(cast.board)
    groups = add_subgroups(cast.board, 10)
    add_plan_items(cast.board, size, groups, meetings, cast.business_team)
    client = as_user(cast.board_member)
    with django_assert_max_num_queries(PLANNER_BUDGET + 1):  # which year has data
        response = client.get("/boards/north/planner/")
    assert response.context["year"] == 2016
    assert len(response.context["rows"]) == size
