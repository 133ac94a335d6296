"""People are shown by name beside their position: the members directory, a
meeting's attendance and declarations, the challenge log; without a full name,
by e-mail address."""

from datetime import date

import pytest

from boards.models import ChallengeLogEntry
from boards.views.challenges import raised_by_text
from tests import lists

from .factories import MembershipFactory, UserFactory
from .test_meetings_data import (
    AgendaItemFactory,
    AttendanceFactory,
    DeclarationFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

MEMBERS = "/boards/north/members/"


@pytest.fixture
def head_teacher(cast):
    return MembershipFactory(
        board=cast.board,
        agency=cast.agency_y,
        user=UserFactory(full_name="Sam Example", email="sam@example.org"),
        position="Head teacher",
    )


@pytest.fixture
def unnamed(cast):
    return MembershipFactory(
        board=cast.board,
        user=UserFactory(full_name="", email="no.name@example.org"),
        position="Lay Member 2",
    )


def test_a_member_is_named_then_given_their_position(head_teacher, unnamed):
    assert head_teacher.person == "Sam Example, Head teacher"
    assert unnamed.person == "no.name@example.org, Lay Member 2"
    head_teacher.position = ""
    assert head_teacher.person == "Sam Example"
    # Older data repeating the position as the name says it once.
    unnamed.user.full_name = "Lay Member 2"
    assert unnamed.person == "Lay Member 2"


def test_directory_names_each_member_beside_their_position(
    cast, as_user, head_teacher, unnamed
):
    rows = lists.export(as_user(cast.board_member), MEMBERS, "csv", {"sort": "name"})
    assert rows[0][:4] == ["Name", "Position", "Role", "Agency"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Sam Example"][1:4] == [
        "Head teacher",
        "Board member",
        "Northshire Voluntary Sector",
    ]
    assert by_name["no.name@example.org"][1] == "Lay Member 2"
    page = as_user(cast.board_member).get(MEMBERS).content.decode()
    assert f'href="/boards/north/members/{head_teacher.pk}/">Sam Example</a>' in page


def test_directory_sorts_by_name(cast, as_user, head_teacher, unnamed):
    lists.assert_sorts(as_user(cast.board_member), MEMBERS, "name")


def test_member_page_is_headed_with_the_name(cast, as_user, head_teacher):
    page = as_user(cast.lay_member).get(f"{MEMBERS}{head_teacher.pk}/")
    assert "<h1" in (text := page.content.decode())
    assert "Sam Example, Head teacher (Northshire Voluntary Sector)" in text


def test_meeting_names_who_attended_and_declared(cast, as_user, head_teacher, unnamed):
    meeting = MeetingFactory(board=cast.board, date=date(2016, 5, 12))
    AttendanceFactory(meeting=meeting, membership=head_teacher)
    AttendanceFactory(meeting=meeting, membership=unnamed)
    item = AgendaItemFactory(meeting=meeting)
    DeclarationFactory(
        membership=head_teacher, year=None, agenda_item=item, interest="Governor"
    )
    page = as_user(cast.board_member).get(f"/boards/north/meetings/{meeting.pk}/")
    text = page.content.decode()
    assert (
        '<th scope="row" class="govuk-table__header">Sam Example, Head teacher' in text
    )
    assert "no.name@example.org, Lay Member 2" in text
    assert "<li>Sam Example, Head teacher: Governor</li>" in text


def test_challenge_log_names_who_raised_it(cast, head_teacher):
    challenge = ChallengeLogEntry(
        board=cast.board,
        raised_by=head_teacher,
        raised_by_agency=cast.agency_y,
        subject="Thresholds",
        date=date(2016, 6, 1),
    )
    assert raised_by_text(challenge) == (
        "Sam Example, Head teacher (Northshire Voluntary Sector)"
    )
