"""Attendance totals: a named attendee who attended counts one, a count its
number, alike in every total; e-learning completion rates and year on year."""

from datetime import date

import pytest

from lscb_portal.errors import DomainError
from lscb_portal.tables import ImportFailed
from training import selectors, services
from training.models import ReportedYear, completion_rate

from .factories import (
    AttendanceCountFactory,
    AttendeeFactory,
    CourseFactory,
    ElearningReturnFactory,
    ElearningYearFactory,
    SessionFactory,
)


def test_completion_rate_rounds_half_up_and_has_none_without_allocations():
    assert completion_rate(8839, 10950) == 81
    assert completion_rate(5533, 6753) == 82
    assert completion_rate(1, 8) == 13  # 12.5
    assert completion_rate(0, 0) is None


@pytest.mark.django_db
def test_named_and_counted_attendance_add_up_the_same_way_everywhere(cast):
    course = CourseFactory(board=cast.board)
    named = SessionFactory(course=course)
    counted = SessionFactory(course=course, date=date(2016, 11, 2))
    for _ in range(3):
        AttendeeFactory(session=named, agency=cast.agency_x)
    AttendeeFactory(session=named, agency=cast.agency_x, attended=False)
    AttendanceCountFactory(session=counted, agency=cast.agency_x, count=3)
    AttendanceCountFactory(session=counted, agency=cast.agency_y, count=4)

    sessions = {
        s.pk: s.attendance
        for s in selectors.with_attendance(selectors.sessions_in_year(cast.board, 2016))
    }
    assert sessions == {named.pk: 3, counted.pk: 7}
    assert [
        (t.course, t.sessions, t.attendances)
        for t in selectors.course_totals(cast.board, 2016)
    ] == [(course, 2, 10)]
    by_agency = {
        t.name: t.attendances for t in selectors.agency_totals(cast.board, 2016)
    }
    assert by_agency == {cast.agency_x.name: 6, cast.agency_y.name: 4}
    assert dict(selectors.level_totals(cast.board, 2016))["Intermediate"] == 10
    assert selectors.year_total(cast.board, 2016).attendances == 10


@pytest.mark.django_db
def test_year_on_year_uses_a_reported_total_only_for_a_year_without_sessions(cast):
    AttendanceCountFactory(
        session=SessionFactory(course=CourseFactory(board=cast.board)),
        agency=cast.agency_x,
        count=12,
    )
    ReportedYear.objects.create(board=cast.board, year=2015, attendances=1401)
    ReportedYear.objects.create(board=cast.board, year=2016, attendances=99)
    totals = [
        (t.year, t.attendances, t.reported) for t in selectors.year_totals(cast.board)
    ]
    assert totals == [(2015, 1401, True), (2016, 12, False)]


@pytest.mark.django_db
def test_elearning_headline_uses_the_reported_totals_and_shows_the_difference(cast):
    year = ElearningYearFactory(
        board=cast.board, reported_allocated=10950, reported_passed=8839
    )
    ElearningReturnFactory(elearning_year=year, allocated=10948, passed=8846)
    summary = selectors.elearning_summary(cast.board, 2016)
    assert (summary.allocated, summary.passed, summary.rate) == (10950, 8839, 81)
    assert (summary.cells_allocated, summary.cells_passed) == (10948, 8846)
    assert summary.disagrees
    assert (summary.allocated_difference, summary.passed_difference) == (2, -7)


@pytest.mark.django_db
def test_counts_are_all_or_none_with_every_rows_error(cast):
    session = SessionFactory(course=CourseFactory(board=cast.board))
    with pytest.raises(ImportFailed) as refused:
        services.attendance_counts_record(
            board=cast.board,
            user=cast.business_team,
            rows=[
                ("Row 2", {"session": session, "agency": cast.agency_x, "count": 5}),
                ("Row 3", {"session": session, "agency": cast.agency_y, "count": -1}),
            ],
        )
    assert refused.value.errors == ["Row 3: a count cannot be negative."]
    assert not session.attendance_counts.exists()


@pytest.mark.django_db
def test_a_return_with_more_passed_than_allocated_is_refused(cast):
    with pytest.raises(ImportFailed) as refused:
        services.elearning_returns_record(
            board=cast.board,
            user=cast.business_team,
            year=2016,
            rows=[("Item 0", {"department": "Police", "allocated": 5, "passed": 6})],
        )
    assert refused.value.errors == ["Item 0: 6 passed is more than the 5 allocated."]


@pytest.mark.django_db
def test_a_session_outside_the_running_dates_or_a_person_twice_is_refused(cast):
    course = CourseFactory(board=cast.board, runs_until=date(2017, 3, 31))
    with pytest.raises(DomainError) as refused:
        services.session_create(
            course=course, user=cast.business_team, date=date(2017, 6, 1)
        )
    assert "running dates" in refused.value.message_dict["date"][0]
    session = SessionFactory(course=course)
    services.attendee_add(
        session=session,
        user=cast.business_team,
        name="Alex Sample",
        agency=cast.agency_x,
    )
    with pytest.raises(DomainError) as twice:
        services.attendee_add(
            session=session,
            user=cast.business_team,
            name="alex sample ",
            agency=cast.agency_x,
        )
    assert "already recorded" in str(twice.value)


@pytest.mark.django_db
def test_over_capacity_is_allowed_with_a_warning(cast):
    session = SessionFactory(course=CourseFactory(board=cast.board), capacity=5)
    services.attendance_counts_record(
        board=cast.board,
        user=cast.business_team,
        rows=[("Row 2", {"session": session, "agency": cast.agency_x, "count": 7})],
    )
    assert "7 attended, more than the 5 places" in selectors.capacity_warning(session)


@pytest.mark.django_db
def test_a_year_of_planned_sessions_only_is_not_in_year_on_year(cast):
    course = CourseFactory(board=cast.board)
    AttendanceCountFactory(session=SessionFactory(course=course), count=5)
    SessionFactory(course=course, date=date(2017, 5, 1), status="planned")
    assert [t.year for t in selectors.year_totals(cast.board)] == [2016]
