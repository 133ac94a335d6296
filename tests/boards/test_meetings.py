"""A meeting's page: the action log, approving minutes, the meeting's details, the
list, query budgets."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from boards.models import (
    Meeting,
    MeetingActionStatus,
    MeetingKind,
    MinutesStatus,
)
from boards.selectors.meetings import action_log
from tests import lists

from .factories import AgencyFactory, MembershipFactory
from .test_meetings_data import (  # noqa: F401 - fixtures
    PDF,
    AgendaItemFactory,
    AttendanceFactory,
    DeclarationFactory,
    MeetingActionFactory,
    MeetingFactory,
    media_fixture,
    text,
    url,
    year_fixture,
)

pytestmark = pytest.mark.usefixtures("media_in_tmp")


# The action log ------------------------------------------------------------------


def test_action_is_carried_into_every_later_log_until_closed(year):
    first, second, third, fourth = year
    raised = MeetingActionFactory(meeting=second, description="Review the risk log")
    raised.status, raised.closed_on = MeetingActionStatus.CLOSED, date(2016, 10, 1)
    raised.save()
    never_closed = MeetingActionFactory(meeting=first, description="Still to do")

    assert raised not in action_log(first)  # not before it was raised
    assert raised in action_log(second)  # at the meeting that raised it
    assert raised in action_log(third)  # still open on 8 September
    assert raised not in action_log(fourth)  # closed before 10 November
    for meeting in year:
        assert never_closed in action_log(meeting)


def test_action_closed_on_a_meetings_day_is_off_that_meetings_log(year):
    first, second, third, _ = year
    action = MeetingActionFactory(
        meeting=first, status=MeetingActionStatus.CLOSED, closed_on=second.date
    )
    assert action in action_log(first)
    assert action not in action_log(second)
    assert action not in action_log(third)


def test_log_on_the_page_shows_owner_due_status_and_update(cast, as_user, year):
    first, second, third, fourth = year
    owner = MembershipFactory(
        board=cast.board, position="Assistant Chief Constable", agency=cast.agency_x
    )
    MeetingActionFactory(
        meeting=first,
        description="Send the audit to partners",
        owner=owner,
        owner_text="",
        due_date=date(2016, 8, 31),
        update="Draft circulated.",
        status=MeetingActionStatus.CLOSED,
        closed_on=date(2016, 9, 30),
    )
    client = as_user(cast.board_member)
    page = text(client.get(url(third)))
    log = page[page.index('id="action-log"') :]
    assert "Send the audit to partners" in log
    assert "Assistant Chief Constable" in log
    assert "31 Aug 2016" in log
    assert "Closed" in log and "30 Sep 2016" in log
    assert "Draft circulated." in log
    assert "Send the audit to partners" not in text(client.get(url(fourth)))


def test_business_group_actions_stay_off_the_boards_log(cast, year):
    business_group = Meeting.objects.get(kind=MeetingKind.BUSINESS_GROUP)
    action = MeetingActionFactory(meeting=business_group)
    assert action not in action_log(year[1])
    assert action in action_log(business_group)


# Approving minutes ---------------------------------------------------------------


def approve(client, meeting, approving, version=None):
    return client.post(
        url(meeting, "approve-minutes/"),
        {
            "approving": approving.pk,
            "version": meeting.version if version is None else version,
        },
    )


def test_minutes_approved_at_a_later_meeting_already_held(cast, as_user, year):
    first, second, *_ = year
    response = approve(as_user(cast.business_team), first, second)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.minutes_status == MinutesStatus.APPROVED
    assert first.minutes_approved_at == second
    assert first.history.first().history_user == cast.business_team
    page = text(as_user(cast.contributor_x).get(url(first)))
    assert "Approved" in page and str(second) in page


@pytest.mark.parametrize("which", ["same", "earlier"])
def test_minutes_cannot_be_approved_at_a_meeting_not_after_it(
    cast, as_user, year, which
):
    second = year[1]
    approving = year[0] if which == "earlier" else year[1]
    response = approve(as_user(cast.chair), second, approving)
    assert response.status_code == 200
    assert "Minutes are approved at a later meeting" in text(
        response
    ) or "Choose a meeting of this board" in text(response)
    second.refresh_from_db()
    assert second.minutes_status == MinutesStatus.DRAFT
    assert second.minutes_approved_at is None


def test_minutes_approved_at_an_earlier_meeting_says_why(cast, as_user, year):
    response = approve(as_user(cast.chair), year[2], year[0])
    assert response.status_code == 200
    assert "Minutes are approved at a later meeting" in text(response)
    assert "held after 8 September 2016" in text(response)


def test_minutes_of_a_meeting_not_yet_held_cannot_be_approved(cast, as_user, year):
    today = timezone.localdate()
    coming = MeetingFactory(board=cast.board, date=today + timedelta(days=10))
    later = MeetingFactory(board=cast.board, date=today + timedelta(days=40))
    client = as_user(cast.business_team)
    page = text(client.get(url(coming)))
    assert "Approve minutes" not in page
    response = approve(client, coming, later)
    assert response.status_code == 200
    assert "has not been held yet" in text(response)
    coming.refresh_from_db()
    assert coming.minutes_status == MinutesStatus.DRAFT


def test_minutes_cannot_be_approved_at_a_meeting_not_yet_held(cast, as_user, year):
    future = MeetingFactory(
        board=cast.board, date=timezone.localdate() + timedelta(days=5)
    )
    client = as_user(cast.business_team)
    assert str(future) not in text(client.get(url(year[0], "approve-minutes/")))
    response = approve(client, year[0], future)
    assert response.status_code == 200
    assert "has not been held yet: choose a meeting that has taken place" in text(
        response
    )
    year[0].refresh_from_db()
    assert year[0].minutes_approved_at is None


def test_minutes_cannot_be_approved_at_another_boards_meeting(cast, as_user, year):
    elsewhere = MeetingFactory(board=cast.other_board, date=date(2016, 12, 1))
    response = approve(as_user(cast.chair), year[0], elsewhere)
    assert response.status_code == 200
    assert "Choose a meeting of this board from the list" in text(response)


def test_approving_minutes_twice_is_refused(cast, as_user, year):
    client = as_user(cast.business_team)
    approve(client, year[0], year[1])
    year[0].refresh_from_db()
    response = approve(client, year[0], year[2])
    assert response.status_code == 200
    assert "already approved" in text(response)
    year[0].refresh_from_db()
    assert year[0].minutes_approved_at == year[1]


def test_stale_approval_is_a_conflict(cast, as_user, year):
    stale = year[0].version
    as_user(cast.chair).post(
        url(year[0], "edit/"),
        {"kind": "board", "date": "2016-05-12", "location": "Kendal", "version": stale},
    )
    response = approve(as_user(cast.business_team), year[0], year[1], version=stale)
    assert response.status_code == 409
    assert "changed by" in text(response)
    year[0].refresh_from_db()
    assert year[0].minutes_status == MinutesStatus.DRAFT


# Meeting details -----------------------------------------------------------------


def test_meeting_edit_is_versioned(cast, as_user, year):
    meeting = year[0]
    data = {
        "kind": "board",
        "date": "2016-05-19",
        "starts_at": "14:00",
        "location": "Kendal Town Hall",
        "version": meeting.version,
    }
    assert as_user(cast.chair).post(url(meeting, "edit/"), data).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.date, meeting.location) == (date(2016, 5, 19), "Kendal Town Hall")
    response = as_user(cast.business_team).post(
        url(meeting, "edit/"), {**data, "location": "Penrith"}
    )
    assert response.status_code == 409
    meeting.refresh_from_db()
    assert meeting.location == "Kendal Town Hall"
    history = text(as_user(cast.lay_member).get(url(meeting, "history/")))
    assert "Kendal Town Hall" in history


def test_meeting_cannot_move_after_the_meeting_that_approved_its_minutes(
    cast, as_user, year
):
    client = as_user(cast.chair)
    approve(client, year[0], year[1])
    year[0].refresh_from_db()
    response = client.post(
        url(year[0], "edit/"),
        {"kind": "board", "date": "2016-08-01", "version": year[0].version},
    )
    assert response.status_code == 200
    assert "must be before it" in text(response)
    year[0].refresh_from_db()
    assert year[0].date == date(2016, 5, 12)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "", "Enter the date of the meeting"),
        ("date", "31/02/2016", "Enter the date of the meeting as a real date"),
        ("starts_at", "noon", "Enter the start time as hours and minutes"),
        ("version", "x", "This page is out of date"),
    ],
)
def test_meeting_edit_bad_input_is_explained(
    cast, as_user, year, field, value, message
):
    data = {"kind": "board", "date": "2016-05-12", "version": year[0].version}
    response = as_user(cast.chair).post(url(year[0], "edit/"), {**data, field: value})
    assert response.status_code == 200
    assert message in text(response)
    assert "There is a problem" in text(response)


def test_meeting_list_links_each_meeting_and_keeps_reports_due(cast, as_user, year):
    page = text(as_user(cast.contributor_x).get("/boards/north/meetings/"))
    for meeting in year:
        assert f'href="/boards/north/meetings/{meeting.pk}/"' in page
        assert f"/boards/north/meetings/{meeting.pk}/papers/" in page


# Query budgets -------------------------------------------------------------------


def fill(cast, meeting, size):
    agency = AgencyFactory(board=cast.board)
    for n in range(size):
        member = MembershipFactory(board=cast.board, agency=agency)
        item = AgendaItemFactory(
            meeting=meeting,
            order=n + 1,
            confidential=n % 3 == 0,
            paper=meeting if n % 2 else None,
            paper_file=SimpleUploadedFile(f"p{n}.pdf", PDF) if n % 4 == 0 else "",
        )
        AttendanceFactory(meeting=meeting, membership=member)
        DeclarationFactory(membership=member, year=None, agenda_item=item)
        MeetingActionFactory(meeting=meeting, agenda_item=item, owner=member)
        earlier = MeetingFactory(
            board=cast.board, date=meeting.date - timedelta(days=30 * (n + 1))
        )
        MeetingActionFactory(meeting=earlier, owner=member)


@pytest.mark.parametrize("size", [2, 20])
@pytest.mark.parametrize("who", ["business_team", "contributor_x"])
def test_meeting_page_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, size, who
):
    meeting = MeetingFactory(board=cast.board, date=date(2016, 11, 10))
    fill(cast, meeting, size)
    client = as_user(cast.user(who))
    # The business team sees the confidential items: one insert logs the views,
    # and the first lookup of their content type.
    with django_assert_max_num_queries(15 if who == "business_team" else 14):
        response = client.get(url(meeting))
    assert response.status_code == 200
    assert text(response).count("govuk-table__row") > size


@pytest.mark.parametrize("size", [2, 20])
def test_attendance_form_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    meeting = MeetingFactory(board=cast.board, date=date(2016, 11, 10))
    fill(cast, meeting, size)
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(8):
        response = client.get(url(meeting, "attendance/"))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 60])
def test_meeting_list_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    for n in range(size):
        MeetingFactory(board=cast.board, date=date(2010, 1, 7) + timedelta(days=7 * n))
    client = as_user(cast.lay_member)
    with django_assert_max_num_queries(8):
        response = client.get("/boards/north/meetings/")
    assert response.status_code == 200


# The list component ----------------------------------------------------------------

LIST = "/boards/north/meetings/"


def test_past_meetings_sort_by_kind_and_ignore_unknown_keys(cast, as_user, year):
    ascending = lists.assert_sorts(as_user(cast.board_member), LIST, "meeting")
    kinds = [row[1] for row in ascending]
    assert kinds[:4] == ["Board meeting"] * 4
    assert kinds[4].startswith("Business Group")
    assert ascending[0][0] == "12 May 2016"


def test_past_meetings_export_every_page(cast, as_user, year, monkeypatch):
    from boards.views.meetings import MeetingListView

    monkeypatch.setattr(MeetingListView, "page_size", 2)
    rows = lists.assert_exports(as_user(cast.board_member), LIST, {"sort": "date"})
    assert [row[0] for row in rows][:2] == ["12 May 2016", "16 June 2016"]
    assert len(rows) == 5


def test_exported_formulas_are_neutralised(cast, as_user, year):
    MeetingFactory(board=cast.board, date=date(2015, 1, 8), location="@SUM(A1)")
    rows = lists.export(as_user(cast.board_member), LIST, "xlsx", {"sort": "date"})
    assert rows[1][2] == "'@SUM(A1)"


@pytest.mark.parametrize("size", [2, 60])
def test_meeting_export_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    for n in range(size):
        MeetingFactory(board=cast.board, date=date(2010, 1, 7) + timedelta(days=7 * n))
    client = as_user(cast.lay_member)
    for kind in ("csv", "xlsx"):
        with django_assert_max_num_queries(5):
            assert client.get(LIST, {"export": kind}).status_code == 200


# The "Coming up" list: the same component, its parameters under "upcoming-" -------

UPCOMING = {"prefix": "upcoming-", "context": "upcoming_table"}


@pytest.fixture
def coming(cast):
    """Three meetings still to come: two board meetings and a Business Group one."""
    today = timezone.localdate()
    return [
        MeetingFactory(board=cast.board, date=today + timedelta(days=7)),
        MeetingFactory(
            board=cast.board,
            kind=MeetingKind.BUSINESS_GROUP,
            date=today + timedelta(days=14),
            location="@SUM(A1)",
        ),
        MeetingFactory(board=cast.board, date=today + timedelta(days=60)),
    ]


def test_coming_meetings_sort_and_ignore_unknown_keys(cast, as_user, year, coming):
    client = as_user(cast.board_member)
    ascending = lists.assert_sorts(client, LIST, "meeting", **UPCOMING)
    assert [row[1] for row in ascending][:2] == ["Board meeting"] * 2
    assert ascending[2][1].startswith("Business Group")
    default = lists.all_rows(client, LIST, **UPCOMING)
    assert [row[0] for row in default] == [meeting_date(m) for m in coming]


def meeting_date(meeting) -> str:
    from boards.views.meetings import meeting_date_text

    return meeting_date_text(meeting)


def test_coming_meetings_export_their_rows_and_no_past_ones(
    cast, as_user, year, coming, monkeypatch
):
    from boards.views.meetings import UpcomingMeetings

    monkeypatch.setattr(UpcomingMeetings, "page_size", 2)
    client = as_user(cast.board_member)
    rows = lists.assert_exports(client, LIST, {"upcoming-sort": "date"}, **UPCOMING)
    assert [row[0] for row in rows] == [meeting_date(m) for m in coming]
    exported = lists.export(client, LIST, "csv", prefix="upcoming-")
    assert len(exported) == 1 + len(coming)
    assert exported[2][2] == "'@SUM(A1)"
    past = {meeting_date(m) for m in year}
    assert not past & {row[0] for row in exported}
    response = client.get(LIST, {"upcoming-export": "xlsx"})
    assert "coming-meetings.xlsx" in response["Content-Disposition"]


def test_sorting_one_list_leaves_the_other(cast, as_user, year, coming):
    client = as_user(cast.board_member)
    page = client.get(LIST)
    past, upcoming = lists.page_rows(page), lists.page_rows(page, "upcoming_table")
    response = client.get(LIST, {"upcoming-sort": "date", "upcoming-order": "desc"})
    assert lists.page_rows(response) == past
    assert lists.page_rows(response, "upcoming_table") == upcoming[::-1]
    assert not [h for h in lists.table(response)["headers"] if h["aria_sort"]]
    response = client.get(LIST, {"sort": "date", "order": "asc"})
    assert lists.page_rows(response, "upcoming_table") == upcoming
    assert lists.page_rows(response) == past[::-1]
    # A sort link of one list keeps the other's order.
    header = lists.table(response, "upcoming_table")["headers"][1]
    assert "sort=date&order=asc" in header["href"]
    assert "upcoming-sort=meeting" in header["href"]


def test_empty_lists_say_so(cast, as_user):
    page = text(as_user(cast.board_member).get(LIST))
    assert "No meetings are planned." in page
    assert "No past meetings are recorded." in page
    assert "Coming up" in page


@pytest.mark.parametrize("size", [2, 60])
def test_meeting_list_with_both_lists_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    today = timezone.localdate()
    for n in range(size):
        MeetingFactory(board=cast.board, date=today - timedelta(days=7 * (n + 1)))
        MeetingFactory(board=cast.board, date=today + timedelta(days=7 * n))
    client = as_user(cast.lay_member)
    with django_assert_max_num_queries(8):
        response = client.get(LIST, {"upcoming-sort": "where"})
    assert response.status_code == 200
    assert len(lists.page_rows(response, "upcoming_table")) == min(size, 50)
