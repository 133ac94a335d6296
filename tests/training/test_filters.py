"""The sessions' filter, shared by the pages and the API: by course, level,
status and reporting year; another board's course is not a choice."""

from datetime import date

import pytest

from tests.training.factories import CourseFactory, SessionFactory
from training.filters import SessionFilter
from training.models import Level, Session, SessionStatus

pytestmark = pytest.mark.django_db


def filtered(cast, **data):
    found = SessionFilter(data, queryset=Session.objects.all(), board=cast.board)
    assert found.is_valid(), found.errors
    return set(found.qs)


def test_sessions_filter_by_course_level_status_and_year(cast):
    awareness = CourseFactory(board=cast.board, level=Level.AWARENESS)
    enhanced = CourseFactory(board=cast.board, level=Level.ENHANCED)
    early = SessionFactory(course=awareness, date=date(2016, 4, 20))
    late = SessionFactory(
        course=awareness, date=date(2017, 5, 2), status=SessionStatus.PLANNED
    )
    other = SessionFactory(course=enhanced, date=date(2017, 3, 31))
    assert filtered(cast, course=awareness.pk) == {early, late}
    assert filtered(cast, level=Level.ENHANCED) == {other}
    assert filtered(cast, status=SessionStatus.PLANNED) == {late}
    assert filtered(cast, year=2016) == {early, other}


def test_another_boards_course_is_not_a_choice(cast):
    theirs = CourseFactory(board=cast.other_board)
    found = SessionFilter(
        {"course": theirs.pk}, queryset=Session.objects.all(), board=cast.board
    )
    assert not found.is_valid()
