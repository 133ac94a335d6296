"""The meeting pack's training part, when the Reporting Planner has a training
report due: the year's programme as section 20 prints it, the sessions planned
after the meeting and those held without attendance; only "due" without data."""

from datetime import date

import pytest

from reports.meeting_pack import meeting_pack
from subgroups.models import ReportKind
from tests.reports.helpers import page_texts
from tests.subgroups.factories import MeetingFactory, PlanItemFactory
from tests.training.factories import (
    AttendanceCountFactory,
    CourseFactory,
    SessionFactory,
)
from training.models import SessionStatus

pytestmark = pytest.mark.django_db


def flat(texts) -> str:
    return " ".join(" ".join(texts).split())


def test_the_training_report_is_in_the_pack(cast):
    PlanItemFactory(board=cast.board, what="Training report", kind=ReportKind.TRAINING)
    course = CourseFactory(board=cast.board, title="CSE full day workshop")
    AttendanceCountFactory(
        session=SessionFactory(course=course, date=date(2016, 11, 22)), count=40
    )
    SessionFactory(course=course, date=date(2017, 2, 28))  # held, no attendance
    SessionFactory(course=course, date=date(2017, 4, 20), status=SessionStatus.PLANNED)
    meeting = MeetingFactory(board=cast.board, date=date(2017, 3, 9))
    text = flat(page_texts(meeting_pack(meeting)[0]))
    part = text.split("Training report")[-1]
    assert "the multi-agency learning programme of 2016-17" in part
    assert "CSE full day workshop Intermediate 2 40" in part
    assert "Grand Total" not in part  # one course: its row is the total
    assert "CSE full day workshop, 20 April 2017" in part
    assert "CSE full day workshop, 28 February 2017" in part


def test_without_training_the_report_is_only_due(cast):
    PlanItemFactory(board=cast.board, what="Training report", kind=ReportKind.TRAINING)
    meeting = MeetingFactory(board=cast.board, date=date(2017, 3, 9))
    text = flat(page_texts(meeting_pack(meeting)[0]))
    assert "Reports not received Reports due at this meeting" in text
    assert "Training report The board 2 March 2017 Late" in text
    assert "learning programme of" not in text
