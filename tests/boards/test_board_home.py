"""The board home is the state of the board: the plan's RAG and changes since the
last board meeting, the scorecard's reds and ambers, the next meeting's papers,
challenges awaiting a response and the highest risks, for each role."""

from datetime import date
from decimal import Decimal

import pytest

from boards.models import AgendaItem, ChallengeLogEntry, Meeting, Membership, Risk
from tests.business_plan.factories import ActionFactory, PlanFactory, UpdateFactory
from tests.indicators.factories import (
    IndicatorFactory,
    MeasurementFactory,
    TargetFactory,
)

HOME = "/boards/north/"


def fill(cast, size=1):
    """`size` of each kind of record, red and amber among them; agency X owns the
    first red action and indicator."""
    plan = PlanFactory(board=cast.board)
    Meeting.objects.create(board=cast.board, date=date(2016, 9, 15))
    for n in range(size):
        owners = [cast.agency_x] if n == 0 else [cast.agency_y]
        red = ActionFactory(plan=plan, ref=f"1.{n + 1}", owner_agencies=owners)
        UpdateFactory(action=red, date=date(2016, 6, 30), rag="G")
        UpdateFactory(action=red, date=date(2016, 12, 31), rag="R", narrative="Late.")
        amber = ActionFactory(plan=plan, ref=f"2.{n + 1}", owner_agencies=owners)
        UpdateFactory(action=amber, date=date(2016, 12, 31), rag="A", narrative="x")
        green = ActionFactory(plan=plan, ref=f"3.{n + 1}")
        UpdateFactory(action=green, date=date(2016, 6, 30), rag="G")
        for code, value, agency in (
            (f"R{n}", "50", cast.agency_x if n == 0 else None),
            (f"A{n}", "79", None),
            (f"G{n}", "90", None),
        ):
            indicator = IndicatorFactory(
                board=cast.board, code=code, owning_agency=agency
            )
            TargetFactory(indicator=indicator, year=2016, value=Decimal("80"))
            MeasurementFactory(indicator=indicator, value=Decimal(value))
            MeasurementFactory(
                indicator=indicator, period_end=date(2016, 3, 31), value=Decimal("70")
            )
        meeting = Meeting.objects.create(board=cast.board, date=date(2017, 1, 12 + n))
        for order, standing in ((1, True), (2, False), (3, False)):
            AgendaItem.objects.create(
                meeting=meeting, order=order, title=f"Paper {order}", standing=standing
            )
        ChallengeLogEntry.objects.create(
            board=cast.board,
            date=date(2016, 11, 3),
            raised_by=Membership.objects.get(user=cast.chair),
            agency_challenged=cast.agency_x if n == 0 else cast.agency_y,
            subject=f"Why are referrals late? {n}",
        )
        Risk.objects.create(
            board=cast.board,
            title=f"Partners leave {n}",
            owner="Business team",
            likelihood=5,
            impact=4 if n == 0 else 1,
            review_date=date(2017, 3, 31),
        )
    return plan


@pytest.mark.parametrize(
    "role", ["chair", "business_team", "board_member", "lay_member", "contributor_x"]
)
def test_each_role_sees_where_the_board_stands(cast, as_user, role):
    fill(cast)
    page = as_user(cast.user(role)).get(HOME).content.decode()
    # The plan's RAG in words, the changes since the September board meeting.
    assert "Business Plan 2016-19" in page
    for word in ("Red", "Amber", "Green", "Complete", "Not rated"):
        assert f">{word}</strong>" in page
    assert "board meeting of 15 September 2016" in page
    assert "2 actions changed RAG" in page
    assert "Owner: Northshire Constabulary" in page
    assert "?rag=R#actions" in page
    # The scorecard's reds and ambers with trend, in the latest period with data.
    assert "Year end 31 March 2017, the latest period with values" in page
    assert "R0</a>" in page and "A0</a>" in page and "G0</a>" not in page
    assert "trend on a year earlier: declining" in page
    # The latest board meeting (none is ahead) and its papers.
    assert "The latest board meeting" in page
    assert "Board meeting, 12 January 2017" in page
    assert 'Papers expected</dt><dd class="govuk-summary-list__value">2' in page
    assert 'Late</dt><dd class="govuk-summary-list__value">2' in page
    # Challenges awaiting a response and the highest risks.
    assert "Why are referrals late? 0" in page
    assert "High 20" in page and "Partners leave 0" in page
    assert 'href="/boards/north/risks/"' in page
    assert 'href="/boards/north/members/"' in page


def test_an_agency_contributor_sees_what_needs_their_agency(cast, as_user):
    fill(cast, size=2)
    page = as_user(cast.contributor_y).get(HOME).content.decode()
    assert "Red and amber actions you own" in page
    assert "Owner: Northshire Voluntary Sector" in page
    assert "Owner: Northshire Constabulary" not in page
    assert "Challenges to your agency awaiting a response" in page
    assert "Why are referrals late? 1" in page
    assert "Why are referrals late? 0" not in page
    x_page = as_user(cast.contributor_x).get(HOME).content.decode()
    assert "Your agency&#x27;s" in x_page or "Your agency's" in x_page


def test_a_meeting_ahead_shows_papers_still_due(cast, as_user):
    meeting = Meeting.objects.create(board=cast.board, date=date(2099, 1, 12))
    AgendaItem.objects.create(meeting=meeting, order=1, title="Annual report")
    page = as_user(cast.chair).get(HOME).content.decode()
    assert "The next board meeting" in page
    assert "Still due" in page


def test_a_board_without_data_says_so_in_each_part(cast, as_user):
    page = as_user(cast.board_member).get(HOME).content.decode()
    assert "No business plan yet" in page
    assert "No indicator has a value yet" in page
    assert "No board meeting has been recorded" in page
    assert "No open challenge is awaiting a response" in page
    assert "No open risk is recorded" in page
    # The members directory has its own page now.
    assert "Members of Northshire" not in page


def test_another_boards_user_does_not_see_the_home(cast, as_user):
    fill(cast)
    assert as_user(cast.other_board_member).get(HOME).status_code == 404


@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize("role", ["business_team", "contributor_x"])
def test_the_home_runs_constant_queries_with_data(
    cast, as_user, size, role, django_assert_max_num_queries
):
    fill(cast, size)
    client = as_user(cast.user(role))
    with django_assert_max_num_queries(HOME_BUDGET):
        response = client.get(HOME)
    assert response.status_code == 200


# The home's budget: the sections' and deadlines' 25, then the plan's eight, the
# scorecard's five, the meeting's three, the challenges' two and the risks' one;
# an agency contributor's agencies and deadlines add two.
HOME_BUDGET = 47
