"""A submitted return is received for the next meeting its reports are due at."""

from datetime import timedelta

import pytest
from django.utils import timezone

from boards.models import MeetingKind
from lscb_portal.periods import quarter_of, reporting_year_start
from subgroups import planner, services
from subgroups.models import MeetingPaper

from .factories import MeetingFactory, PlanItemFactory, ReturnFactory


@pytest.fixture
def coming(cast):
    """A Business Group in 3 days, then board meetings in 14 and 100 days (and one
    past); today's dates, as submitting receives for meetings from today on."""
    today = timezone.localdate()

    def meeting(days, kind=MeetingKind.BOARD):
        return MeetingFactory(board=cast.board, kind=kind, date=today + timedelta(days))

    return {
        "past": meeting(-120),
        "business_group": meeting(3, MeetingKind.BUSINESS_GROUP),
        "next_board": meeting(14),
        "later_board": meeting(100),
    }


@pytest.fixture
def board_report(cast, subgroup):
    """The subgroup's report to every board meeting."""
    return PlanItemFactory(
        board=cast.board, subgroup=subgroup, what="Quality assurance report"
    )


def submit(subgroup, user):
    subgroup_return = ReturnFactory(
        subgroup=subgroup, period=quarter_of(timezone.localdate()), created_by=user
    )
    return services.return_submit(subgroup_return=subgroup_return, user=user)


def test_submitted_return_is_received_for_the_next_meeting_its_report_is_due_at(
    coming, board_report, subgroup, subgroup_chair
):
    subgroup_return = submit(subgroup, subgroup_chair)
    paper = MeetingPaper.objects.get()
    assert (paper.meeting, paper.plan_item, paper.subgroup_return) == (
        coming["next_board"],
        board_report,
        subgroup_return,
    )
    assert paper.received_by == subgroup_chair


def test_return_is_received_where_its_business_group_report_is_due(
    coming, cast, subgroup, subgroup_chair
):
    PlanItemFactory(board=cast.board, subgroup=subgroup, destination="business_group")
    submit(subgroup, subgroup_chair)
    assert MeetingPaper.objects.get().meeting == coming["business_group"]


def test_return_skips_a_meeting_whose_report_is_already_received(
    coming, board_report, subgroup, subgroup_chair, cast
):
    services.paper_receive(
        meeting=coming["next_board"], plan_item=board_report, user=cast.business_team
    )
    submit(subgroup, subgroup_chair)
    received = MeetingPaper.objects.exclude(subgroup_return=None).get()
    assert received.meeting == coming["later_board"]


def test_return_of_a_subgroup_with_no_report_due_is_not_received(
    coming, cast, subgroup, subgroup_chair
):
    PlanItemFactory(board=cast.board, subgroup=subgroup, destination="pmqag")
    PlanItemFactory(board=cast.board, what="Another subgroup's report")
    submit(subgroup, subgroup_chair)
    assert not MeetingPaper.objects.exists()


def test_planner_shows_the_submitted_return_as_received(
    coming, board_report, subgroup, subgroup_chair, cast, as_user
):
    submit(subgroup, subgroup_chair)
    meeting = coming["next_board"]
    year = reporting_year_start(meeting.date)
    response = as_user(cast.board_member).get(f"/boards/north/planner/?year={year}")
    ((item, cells),) = response.context["rows"]
    (cell,) = [c for c in cells if c.meeting == meeting]
    assert (item, cell.status) == (board_report, planner.Status.RECEIVED)
    assert ">Received<" in response.content.decode()


def test_meeting_papers_page_links_the_received_return(
    coming, board_report, subgroup, subgroup_chair, cast, as_user
):
    subgroup_return = submit(subgroup, subgroup_chair)
    page = as_user(cast.lay_member).get(
        f"/boards/north/meetings/{coming['next_board'].pk}/papers/"
    )
    assert f"/boards/north/returns/{subgroup_return.pk}/" in page.content.decode()
