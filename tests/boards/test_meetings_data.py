"""Factories for meetings and their records (imported by the other meeting and
member tests), and the tests of the demo governance data."""

from datetime import date, timedelta

import factory
import pytest
from django.core.management import call_command

from boards.demo import governance_meetings
from boards.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Board,
    Declaration,
    Meeting,
    MeetingAction,
    MeetingActionStatus,
    MeetingKind,
    MinutesStatus,
)
from boards.selectors.meetings import action_log
from boards.selectors.members import MEMBER_ROLES

from .factories import BoardFactory, MembershipFactory, UserFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory, slug="north")
    kind = MeetingKind.BOARD
    date = factory.Sequence(lambda n: date(2016, 4, 14) + timedelta(days=7 * n))
    location = "County Hall"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n + 1}")
    presenter = "Independent Chair"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    membership = factory.SubFactory(MembershipFactory)
    status = AttendanceStatus.PRESENT


class MeetingActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingAction

    meeting = factory.SubFactory(MeetingFactory)
    description = factory.Sequence(lambda n: f"Action number {n + 1}")
    owner_text = "Business Group"


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration

    membership = factory.SubFactory(MembershipFactory)
    year = 2016
    interest = "None"
    declared_on = date(2016, 5, 12)
    recorded_by = factory.SubFactory(UserFactory)


# Shared by the meeting tests -------------------------------------------------------

PDF = b"%PDF-1.4\n% a paper\n"
DOCX = b"PK\x03\x04 word document"


@pytest.fixture(name="media_in_tmp")
def media_fixture(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(name="year")
def year_fixture(cast):
    """Four board meetings of 2016-17 and a Business Group meeting between them."""
    dates = [date(2016, 5, 12), date(2016, 7, 14), date(2016, 9, 8), date(2016, 11, 10)]
    meetings = [MeetingFactory(board=cast.board, date=d) for d in dates]
    MeetingFactory(
        board=cast.board, kind=MeetingKind.BUSINESS_GROUP, date=date(2016, 6, 16)
    )
    return meetings


def url(meeting, page=""):
    return f"/boards/{meeting.board.slug}/meetings/{meeting.pk}/{page}"


def text(response) -> str:
    return response.content.decode()


# The demo ------------------------------------------------------------------------


def governance_counts():
    return {
        model.__name__: model.objects.count()
        for model in (AgendaItem, Attendance, MeetingAction, Declaration)
    }


@pytest.mark.django_db
def test_demo_governance_loads_twice_to_the_same_rows(settings):
    settings.DEBUG = True
    call_command("load_demo")
    board = Board.objects.get(slug="cumbria")
    governance_meetings.load(board)
    first = governance_counts()
    governance_meetings.load(board)
    assert governance_counts() == first
    assert first["MeetingAction"] == 12
    assert first["Declaration"] > 0


@pytest.mark.django_db
def test_demo_gives_every_2016_17_board_meeting_an_agenda_attendance_and_actions(
    settings,
):
    settings.DEBUG = True
    call_command("load_demo")
    board = Board.objects.get(slug="cumbria")
    governance_meetings.load(board)
    meetings = list(
        Meeting.objects.filter(
            board=board,
            kind=MeetingKind.BOARD,
            date__range=(date(2016, 4, 1), date(2017, 3, 31)),
        ).order_by("date")
    )
    assert len(meetings) == 6
    members = board.memberships.filter(role__in=MEMBER_ROLES).count()
    statuses = []
    for index, meeting in enumerate(meetings):
        items = list(meeting.agenda_items.order_by("order"))
        assert [i.title for i in items][0] == "Apologies and declarations of interest"
        assert any(i.standing and "Serious case review" in i.title for i in items)
        assert meeting.attendance.count() == members
        statuses += list(meeting.attendance.values_list("status", flat=True))
        assert meeting.actions_arising.count() == 2
        if index + 1 < len(meetings):
            assert meeting.minutes_status == MinutesStatus.APPROVED
            assert meeting.minutes_approved_at == meetings[index + 1]
    # Mostly present, some apologies, few absent.
    assert statuses.count("present") > len(statuses) * 0.7
    assert statuses.count("apologies") > 0
    assert 0 < statuses.count("absent") < statuses.count("apologies") * 2
    assert Attendance.objects.exclude(deputy="").exists()
    # Some actions were closed at later meetings, some are still open; the log of
    # the last meeting carries the open ones.
    actions = MeetingAction.objects.filter(meeting__in=meetings)
    assert actions.filter(status=MeetingActionStatus.CLOSED).count() >= 6
    still_open = actions.filter(status=MeetingActionStatus.OPEN)
    assert still_open.exists()
    assert set(still_open) <= set(action_log(meetings[-1]))
