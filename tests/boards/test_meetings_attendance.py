"""Attendance for every member in one form, and actions arising: added, updated,
closed, versioned."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from boards.models import (
    Attendance,
    AttendanceStatus,
    MeetingAction,
    MeetingActionStatus,
    Role,
)
from boards.selectors.meetings import action_log

from .factories import MembershipFactory
from .test_meetings_data import (  # noqa: F401 - fixtures
    AgendaItemFactory,
    MeetingActionFactory,
    MeetingFactory,
    media_fixture,
    text,
    url,
    year_fixture,
)

pytestmark = pytest.mark.usefixtures("media_in_tmp")


# Attendance ----------------------------------------------------------------------


@pytest.fixture
def members(cast):
    """The board's members on 12 May 2016: the cast's chair, board member and lay
    member, one who had left and one not yet joined (listed neither)."""
    left = MembershipFactory(
        board=cast.board, position="Former member", member_to=date(2016, 3, 31)
    )
    future = MembershipFactory(
        board=cast.board, position="Future member", member_from=date(2017, 1, 1)
    )
    current = [
        m
        for m in cast.board.memberships.all()
        if m.role in (Role.CHAIR, Role.BOARD_MEMBER, Role.LAY_MEMBER)
        and m.pk not in (left.pk, future.pk)
    ]
    return current


def attendance_data(members, **rows):
    data = {}
    for m in members:
        status, deputy = rows.get(str(m.pk), ("present", ""))
        data |= {f"m{m.pk}-status": status, f"m{m.pk}-deputy": deputy}
    return data


def test_attendance_form_lists_every_current_member(cast, as_user, year, members):
    page = text(as_user(cast.business_team).get(url(year[0], "attendance/")))
    for m in members:
        assert f'name="m{m.pk}-status"' in page
    assert "Former member" not in page and "Future member" not in page
    for staff in (cast.business_team, cast.contributor_x):
        assert f'name="m{staff.memberships.get().pk}-status"' not in page


def test_attendance_is_saved_for_every_member_at_once(cast, as_user, year, members):
    chair, member, lay = (
        user.memberships.get()
        for user in (cast.chair, cast.board_member, cast.lay_member)
    )
    client = as_user(cast.business_team)
    data = attendance_data(
        members,
        **{
            str(member.pk): ("apologies", "Detective Superintendent"),
            str(lay.pk): ("absent", ""),
        },
    )
    assert client.post(url(year[0], "attendance/"), data).status_code == 302
    recorded = {a.membership_id: a for a in Attendance.objects.all()}
    assert len(recorded) == 3
    assert recorded[chair.pk].status == AttendanceStatus.PRESENT
    assert recorded[member.pk].deputy == "Detective Superintendent"
    assert recorded[lay.pk].status == AttendanceStatus.ABSENT
    # Recording again changes the rows, never duplicates them.
    data[f"m{lay.pk}-status"] = "present"
    client.post(url(year[0], "attendance/"), data)
    assert Attendance.objects.count() == 3
    assert Attendance.objects.get(membership=lay).status == AttendanceStatus.PRESENT
    page = text(as_user(cast.contributor_x).get(url(year[0])))
    assert "Detective Superintendent" in page


def test_attendance_with_one_bad_row_saves_nothing(cast, as_user, year, members):
    chair, member, lay = (
        user.memberships.get()
        for user in (cast.chair, cast.board_member, cast.lay_member)
    )
    data = attendance_data(
        members,
        **{
            str(chair.pk): ("absent", ""),
            str(member.pk): ("present", "A deputy"),  # a deputy needs apologies
            str(lay.pk): ("maybe", ""),
        },
    )
    response = as_user(cast.chair).post(url(year[0], "attendance/"), data)
    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page
    assert "Only a member who sent apologies can send a deputy" in page
    assert "Choose present, apologies or absent" in page
    assert not Attendance.objects.exists()


def test_attendance_of_a_meeting_not_yet_held_is_refused(cast, as_user, members):
    coming = MeetingFactory(
        board=cast.board, date=timezone.localdate() + timedelta(days=3)
    )
    client = as_user(cast.business_team)
    assert "once the meeting has taken place" in text(
        client.get(url(coming, "attendance/"))
    )
    response = client.post(url(coming, "attendance/"), attendance_data(members))
    assert response.status_code == 200
    assert not Attendance.objects.exists()


# Actions arising -----------------------------------------------------------------


def test_action_arising_owned_by_a_member_or_by_free_text(cast, as_user, year):
    item = AgendaItemFactory(meeting=year[0], order=4, title="Risk log")
    member = cast.board_member.memberships.get()
    client = as_user(cast.business_team)
    response = client.post(
        url(year[0], "actions/new/"),
        {
            "description": "Update the risk log",
            "owner": member.pk,
            "due_date": "2016-07-14",
            "agenda_item": item.pk,
        },
    )
    assert response.status_code == 302
    client.post(
        url(year[0], "actions/new/"),
        {"description": "Report on training", "owner_text": "Training Subgroup"},
    )
    first, second = MeetingAction.objects.order_by("pk")
    assert (first.owner, first.agenda_item, first.due_date) == (
        member,
        item,
        date(2016, 7, 14),
    )
    assert second.owner is None and second.owner_display == "Training Subgroup"
    assert first.history.first().history_user == cast.business_team


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"description": "No owner"}, "Choose who owns the action, or type who"),
        (
            {"description": "Two owners", "owner_text": "Someone", "owner": "MEMBER"},
            "Choose an owner from the list or type one, not both",
        ),
        ({"owner_text": "Someone"}, "Enter what is to be done"),
        (
            {"description": "Bad date", "owner_text": "A", "due_date": "soon"},
            "Enter the due date as a real date",
        ),
        (
            {"description": "Elsewhere", "owner": "OTHER"},
            "Choose a member of this board",
        ),
    ],
)
def test_action_arising_bad_input_is_explained(cast, as_user, year, data, message):
    other = cast.other_board_member.memberships.get().pk
    member = cast.board_member.memberships.get().pk
    data = {k: {"MEMBER": member, "OTHER": other}.get(v, v) for k, v in data.items()}
    response = as_user(cast.chair).post(url(year[0], "actions/new/"), data)
    assert response.status_code == 200
    assert message in text(response)
    assert not MeetingAction.objects.exists()


def update_url(action):
    return url(action.meeting, f"actions/{action.pk}/")


def test_closing_an_action_needs_the_date_it_closed(cast, as_user, year):
    action = MeetingActionFactory(meeting=year[0])
    client = as_user(cast.business_team)
    data = {"status": "closed", "update": "Done.", "version": action.version}
    response = client.post(update_url(action), data)
    assert "Enter the date the action was closed" in text(response)
    response = client.post(update_url(action), {**data, "closed_on": "2016-05-01"})
    assert "cannot be closed before it was raised" in text(response)
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = client.post(update_url(action), {**data, "closed_on": future})
    assert "cannot be in the future" in text(response)
    action.refresh_from_db()
    assert action.status == MeetingActionStatus.OPEN
    response = client.post(update_url(action), {**data, "closed_on": "2016-06-01"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.closed_on, action.update) == (
        MeetingActionStatus.CLOSED,
        date(2016, 6, 1),
        "Done.",
    )


def test_reopening_an_action_clears_its_closing_date(cast, as_user, year):
    action = MeetingActionFactory(
        meeting=year[0], status=MeetingActionStatus.CLOSED, closed_on=date(2016, 6, 1)
    )
    response = as_user(cast.chair).post(
        update_url(action),
        {"status": "open", "closed_on": "2016-06-01", "version": action.version},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == MeetingActionStatus.OPEN and action.closed_on is None
    assert action in action_log(year[3])


def test_stale_action_update_is_a_conflict(cast, as_user, year):
    action = MeetingActionFactory(meeting=year[0])
    stale = action.version
    as_user(cast.chair).post(
        update_url(action), {"status": "open", "update": "First", "version": stale}
    )
    response = as_user(cast.business_team).post(
        update_url(action), {"status": "open", "update": "Second", "version": stale}
    )
    assert response.status_code == 409
    assert f"changed by {cast.chair}" in text(response)
    action.refresh_from_db()
    assert action.update == "First"


def test_action_update_from_a_later_log_goes_back_to_that_meeting(cast, as_user, year):
    action = MeetingActionFactory(meeting=year[0])
    client = as_user(cast.business_team)
    later = url(year[2])
    assert f"actions/{action.pk}/?from={year[2].pk}" in text(client.get(later))
    response = client.post(
        update_url(action) + f"?from={year[2].pk}",
        {"status": "open", "update": "Chased", "version": action.version},
    )
    assert response["Location"] == later


def test_action_of_another_meeting_is_a_404(cast, as_user, year):
    action = MeetingActionFactory(meeting=year[0])
    response = as_user(cast.chair).get(url(year[1], f"actions/{action.pk}/"))
    assert response.status_code == 404
