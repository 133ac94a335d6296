"""The agency page: everything the board holds about one partner agency."""

from datetime import date

import pytest

from boards.models import ChallengeLogEntry, Contribution
from business_plan.models import ActionUpdate
from tests import lists
from tests.boards.factories import AgencyFactory, MembershipFactory
from tests.business_plan.factories import ActionFactory, PlanFactory


def agency_url(agency):
    return f"/boards/{agency.board.slug}/agencies/{agency.pk}/"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("board_member", 200),
        ("lay_member", 200),
        ("contributor_y", 200),
        ("other_board_member", 404),
        ("anonymous", 302),
    ],
)
def test_agency_pages_are_for_the_boards_members(cast, as_user, who, status):
    client = as_user(cast.user(who))
    assert client.get(agency_url(cast.agency_x)).status_code == status
    assert client.get("/boards/north/agencies/").status_code == status


def test_another_boards_agency_is_not_found(cast, as_user):
    other = AgencyFactory(board=cast.other_board)
    assert as_user(cast.board_member).get(agency_url(other)).status_code == 404


def test_agency_page_shows_members_actions_challenges_and_contribution(cast, as_user):
    plan = PlanFactory(board=cast.board)
    action = ActionFactory(plan=plan, ref="4.2", text="Roll out neglect training")
    action.owner_agencies.add(cast.agency_x)
    ActionUpdate.objects.create(
        action=action,
        date=date(2016, 12, 31),
        quarter="2016-17 Q3",
        rag="A",
        narrative="Trainers delayed.",
    )
    ChallengeLogEntry.objects.create(
        board=cast.board,
        date=date(2016, 11, 3),
        raised_by=cast.chair.memberships.get(),
        agency_challenged=cast.agency_x,
        subject="Timeliness of strategy discussions",
    )
    Contribution.objects.create(
        board=cast.board, year=2016, agency=cast.agency_x, amount="21000.00"
    )
    page = as_user(cast.lay_member).get(agency_url(cast.agency_x)).content.decode()
    assert "Northshire Constabulary" in page
    assert "Representative" in page  # the board member's position
    assert "4.2" in page and "Amber" in page
    assert "Timeliness of strategy discussions" in page
    assert "£21,000.00" in page


@pytest.mark.parametrize("size", [3, 30])
def test_agency_page_runs_constant_queries(
    cast, as_user, size, django_assert_max_num_queries
):
    plan = PlanFactory(board=cast.board)
    for n in range(size):
        MembershipFactory(board=cast.board, agency=cast.agency_x)
        ActionFactory(plan=plan, ref=f"1.{n + 10}").owner_agencies.add(cast.agency_x)
    client = as_user(cast.board_member)
    # Two of them: the review actions it owns (reviews' settings, the items);
    # one the case-audit recommendations it owns; two training's latest year;
    # one its good practice examples.
    with django_assert_max_num_queries(19):
        response = client.get(agency_url(cast.agency_x))
    assert response.status_code == 200


# The list component ----------------------------------------------------------------

LIST = "/boards/north/agencies/"


def test_agency_list_sorts_and_ignores_unknown_keys(cast, as_user):
    AgencyFactory(board=cast.board, name="Aardvark Trust", statutory_partner=False)
    ascending = lists.assert_sorts(as_user(cast.board_member), LIST, "agency")
    assert ascending[0][0] == "Aardvark Trust"


def test_agency_list_exports_its_rows(cast, as_user):
    AgencyFactory(board=cast.board, name="@Home Care")
    rows = lists.assert_exports(as_user(cast.board_member), LIST, {"sort": "agency"})
    assert rows[0][0] == "@Home Care"
    csv_rows = lists.export(as_user(cast.board_member), LIST, "csv", {"sort": "agency"})
    assert csv_rows[1][0] == "'@Home Care"


@pytest.mark.parametrize("size", [2, 40])
def test_agency_list_and_exports_run_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    for _ in range(size):
        MembershipFactory(board=cast.board, agency=AgencyFactory(board=cast.board))
    client = as_user(cast.board_member)
    for query in ({}, {"export": "csv"}, {"export": "xlsx", "sort": "seats"}):
        with django_assert_max_num_queries(6):
            assert client.get(LIST, query).status_code == 200
