"""A course's sessions and a session's named attendees: lists that sort and
export through the shared list component; a session's attendance (over capacity
said in words) and the attendances by year, in a constant number of queries."""

from datetime import date

import pytest
from django.urls import reverse

from tests.lists import assert_exports, assert_sorts, export, page_rows
from tests.training.factories import (
    AttendanceCountFactory,
    AttendeeFactory,
    CourseFactory,
    SessionFactory,
)
from training.models import SessionStatus

pytestmark = pytest.mark.django_db


def add_sessions(course, agency, days):
    for n, day in enumerate(days):
        session = SessionFactory(
            course=course,
            date=day,
            venue=f"Venue {n}",
            capacity=10 + n,
            status=SessionStatus.HELD,
        )
        AttendanceCountFactory(session=session, agency=agency, count=5 + 3 * n)


def test_a_courses_sessions_sort_and_export(cast, as_user):
    course = CourseFactory(board=cast.board, title="Neglect")
    days = [date(2016, 10, 12), date(2017, 2, 1), date(2016, 5, 3)]
    add_sessions(course, cast.agency_x, days)
    client = as_user(cast.board_member)
    url = reverse("training:course", args=[cast.board.slug, course.pk])
    response = client.get(url)
    assert page_rows(response) == [
        ["3 May 2016", "Venue 2", "Held", "–", "12", "11"],
        ["12 Oct 2016", "Venue 0", "Held", "–", "10", "5"],
        ["1 Feb 2017", "Venue 1", "Held", "–", "11", "8"],
    ]
    page = response.content.decode()
    assert "Over capacity" not in page
    assert "2016-17: 24" in page  # the attendances by year count every session
    by_attendance = assert_sorts(client, url, "attendance")
    assert [row[5] for row in by_attendance] == ["5", "8", "11"]
    assert_sorts(client, url, "date")
    assert_sorts(client, url, "venue")
    assert len(assert_exports(client, url)) == 3


def test_a_session_over_capacity_says_so(cast, as_user):
    course = CourseFactory(board=cast.board, title="Neglect")
    session = SessionFactory(course=course, capacity=4)
    AttendanceCountFactory(session=session, agency=cast.agency_x, count=6)
    url = reverse("training:course", args=[cast.board.slug, course.pk])
    page = as_user(cast.board_member).get(url).content.decode()
    assert '6 <strong class="govuk-tag govuk-tag--orange">Over capacity' in page


def test_the_course_page_runs_the_same_queries_for_more_sessions(
    cast, as_user, django_assert_max_num_queries
):
    course = CourseFactory(board=cast.board, title="Neglect")
    client = as_user(cast.board_member)
    url = reverse("training:course", args=[cast.board.slug, course.pk])
    add_sessions(course, cast.agency_x, [date(2016, 6, 1)])
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    add_sessions(course, cast.agency_y, [date(2016, 7, d) for d in range(1, 21)])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_a_sessions_named_attendees_sort_and_export_for_the_team_only(cast, as_user):
    session = SessionFactory(course=CourseFactory(board=cast.board, title="Neglect"))
    for name, agency, attended in (
        ("Test Person B", cast.agency_x, True),
        ("Test Person A", cast.agency_y, False),
        ("Test Person C", cast.agency_x, True),
    ):
        AttendeeFactory(session=session, name=name, agency=agency, attended=attended)
    url = reverse("training:session", args=[cast.board.slug, session.pk])
    team = as_user(cast.business_team)
    response = team.get(url)
    assert [row[0] for row in page_rows(response)] == [
        "Test Person A",
        "Test Person B",
        "Test Person C",
    ]
    assert "Remove<span" in response.content.decode()
    assert_sorts(team, url, "name")
    by_attendance = assert_sorts(team, url, "attended")
    assert [row[3] for row in by_attendance] == ["No", "Yes", "Yes"]
    assert len(assert_exports(team, url)) == 3
    assert export(team, url, "csv")[1] == [
        "Test Person A",
        cast.agency_y.name,
        "–",
        "No",
    ]
    # Names are personal data: a board member gets neither the list nor the file.
    member = as_user(cast.board_member)
    assert page_rows(member.get(url)) == []
    assert export(member, url, "csv") == [["Name", "Agency", "Role", "Attended"]]
