"""The governance section's figures: the year's meetings by kind, each agency's
attendance at the meetings it was expected at, the challenges raised and
closed in the year; constant queries; another board's never counted."""

from datetime import date

import pytest

from boards.models import Membership, Role
from boards.models.challenges import ChallengeLogEntry
from boards.models.meetings import Attendance, Meeting, MeetingKind
from boards.pdf import governance_figures
from tests.boards.factories import AgencyFactory, MembershipFactory

pytestmark = pytest.mark.django_db

YEAR = 2016


def meeting(board, day, kind=MeetingKind.BOARD):
    return Meeting.objects.create(board=board, date=day, kind=kind)


def attend(meeting, membership, status="present", deputy=""):
    Attendance.objects.create(
        meeting=meeting, membership=membership, status=status, deputy=deputy
    )


def test_meetings_attendance_and_challenges_of_the_year(cast):
    police = Membership.objects.get(user=cast.board_member)
    voluntary = MembershipFactory(
        board=cast.board, role=Role.BOARD_MEMBER, agency=cast.agency_y
    )
    meetings = [meeting(cast.board, date(2016, m, 10)) for m in (5, 7, 9, 11, 12, 1)]
    meetings[-1].date = date(2017, 1, 10)
    meetings[-1].save()
    meeting(cast.board, date(2016, 6, 1), MeetingKind.BUSINESS_GROUP)
    meeting(cast.board, date(2017, 4, 1))  # the next year
    meeting(cast.other_board, date(2016, 6, 1))
    for n, m in enumerate(meetings):
        attend(m, police, "present" if n else "absent")
    attend(meetings[0], voluntary, "apologies", deputy="A deputy")
    attend(meetings[1], voluntary, "apologies")
    ChallengeLogEntry.objects.create(
        board=cast.board,
        date=date(2016, 8, 1),
        raised_by=police,
        agency_challenged=cast.agency_y,
        subject="Thresholds",
    )
    ChallengeLogEntry.objects.create(
        board=cast.board,
        date=date(2015, 8, 1),
        raised_by=police,
        agency_challenged=cast.agency_y,
        subject="Training",
        status="closed",
        outcome="Done",
        closed_on=date(2016, 9, 1),
    )

    figures = governance_figures(cast.board, YEAR)
    assert figures["meetings"] == [("Board meeting", 6), ("Business Group", 1)]
    rates = [(row.agency, row.rate) for row in figures["attendance"]]
    assert rates == [
        ("Northshire Constabulary", "83% (5 of 6)"),
        ("Northshire Voluntary Sector", "50% (1 of 2)"),
    ]
    assert figures["challenges"] == {"raised": 1, "closed": 1}


def test_a_year_without_meetings_or_challenges_is_left_out(cast):
    meeting(cast.board, date(2018, 5, 1))
    assert governance_figures(cast.board, YEAR) is None


def test_constant_queries(cast, django_assert_max_num_queries):
    police = Membership.objects.get(user=cast.board_member)
    attend(meeting(cast.board, date(2016, 5, 1)), police)
    with django_assert_max_num_queries(3):
        governance_figures(cast.board, YEAR)
    for n in range(6):
        m = meeting(cast.board, date(2016, 6, n + 1))
        for _ in range(3):
            member = MembershipFactory(
                board=cast.board,
                role=Role.BOARD_MEMBER,
                agency=AgencyFactory(board=cast.board),
            )
            attend(m, member)
    with django_assert_max_num_queries(3):
        assert len(governance_figures(cast.board, YEAR)["attendance"]) == 19
