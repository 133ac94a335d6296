"""The demo's training reproduces the annual report 2016-17: 3,995 attendances
(1,401 the year before), the domestic abuse courses' 270, e-learning at 81% and
82% with the department table kept as printed, and 25 trainers trained; the
per-agency split is marked illustrative; loading twice changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from boards.models import Board
from reports.sections import inspections_with_training
from reviews.models import LearningTheme
from training import selectors
from training.demo import agency_shares, data, split
from training.models import (
    AttendanceCount,
    Attendee,
    Course,
    ElearningReturn,
    ElearningYear,
    Evaluation,
    Session,
    SessionStatus,
    Trainer,
)

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "courses": list(Course.objects.values_list("pk", "version")),
        "sessions": list(Session.objects.values_list("pk", "version")),
        "counts": list(AttendanceCount.objects.values_list("pk", "count")),
        "attendees": Attendee.objects.count(),
        "trainers": list(Trainer.objects.values_list("pk", "version")),
        "evaluations": Evaluation.objects.count(),
        "elearning": list(ElearningYear.objects.values_list("pk", "version")),
        "returns": ElearningReturn.objects.count(),
        "history": Session.history.count() + ElearningYear.history.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo twice (slow: once per module), reads it, rolls back."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
            first = _snapshot()
            call_command("load_demo", stdout=io.StringIO())
            second = _snapshot()
        board = Board.objects.get(slug="cumbria")
        domestic = LearningTheme.objects.get(board=board, slug="domestic-abuse")
        result = {
            "first": first,
            "second": second,
            "totals": {t.year: t for t in selectors.year_totals(board)},
            "courses": {
                t.course.title: t.attendances
                for t in selectors.course_totals(board, 2016)
            },
            "theme": selectors.theme_total(board, 2016, domestic),
            "e2016": selectors.elearning_summary(board, 2016),
            "e2015": selectors.elearning_summary(board, 2015),
            "trained": selectors.trained_in_year(board, 2016),
            "agencies": selectors.agency_totals(board, 2016),
            "upcoming": list(selectors.upcoming_sessions(board, _today())),
            "unrecorded": list(selectors.held_without_attendance(board)),
            "latest": selectors.latest_year(board),
            "police_elearning": selectors.agency_elearning(
                board, board.agencies.get(name="Cumbria Constabulary"), 2016
            ),
            "illustrative": set(
                AttendanceCount.objects.filter(
                    session__course__board=board
                ).values_list("illustrative", flat=True)
            ),
            "pool": list(selectors.trainer_pool(board)),
            "inspection_tables": {
                rec.number: rec.year_training_table
                for rec in inspections_with_training(board, 2016)["inspections"][
                    0
                ].recommendations.all()
            },
        }
        transaction.set_rollback(True)
    return result


def _today():
    return timezone.localdate()


def test_loading_twice_changes_nothing(demo):
    assert demo["first"] == demo["second"]


def test_the_year_on_year_attendances(demo):
    assert demo["totals"][2016].attendances == 3995
    assert not demo["totals"][2016].reported
    assert demo["totals"][2015].attendances == 1401
    assert demo["totals"][2015].reported


def test_every_learning_event_has_its_printed_figure(demo):
    printed = {title: total for title, _, _, _, total, _ in data.COURSES}
    assert len(printed) == 20
    assert {t: demo["courses"][t] for t in printed} == printed
    assert sum(printed.values()) == data.GRAND_TOTAL == 3995


def test_the_domestic_abuse_courses_total_270(demo):
    assert demo["theme"].attendances == 270
    assert {c.course.title for c in demo["theme"].courses} == {
        "Advanced Domestic and Sexual Abuse",
        "How to Write an Early Help Assessment",
        "LSCB Domestic Abuse and Sexual Violence Awareness (Level 2)",
        "Multi-Agency MARAC Training workshops LSCB",
    }


def test_elearning_rates_and_the_printed_cells(demo):
    now, before = demo["e2016"], demo["e2015"]
    assert (now.allocated, now.passed, now.rate) == (10950, 8839, 81)
    assert (before.allocated, before.passed, before.rate) == (6753, 5533, 82)
    assert len(now.returns) == 36
    assert (now.cells_allocated, now.cells_passed) == (10948, 8846)
    assert (now.allocated_difference, now.passed_difference) == (2, -7)
    assert now.disagrees
    assert [f.percent for f in now.feedback] == [94, 13, 92, 98, 97]


def test_the_police_department_is_the_police_agency(demo):
    assert demo["police_elearning"] == (28, 20, 71)


def test_the_trainer_pool(demo):
    assert demo["trained"] == 25
    assert len(demo["pool"]) == 25
    assert all(t.agreement_signed_on for t in demo["pool"])
    assert all(t.development_days_attended <= 2 for t in demo["pool"])
    assert any(t.sessions_delivered for t in demo["pool"])


def test_the_split_by_agency_is_illustrative_and_adds_up(demo):
    assert demo["illustrative"] == {True}
    assert sum(t.attendances for t in demo["agencies"]) == 3995
    assert any(t.illustrative for t in demo["agencies"])


def test_the_board_home_lists_are_not_empty_and_latest_is_2016(demo):
    assert len(demo["upcoming"]) == len(data.PLANNED_SESSIONS)
    assert all(s.status == SessionStatus.PLANNED for s in demo["upcoming"])
    assert [s.date.isoformat() for s in demo["unrecorded"]] == [
        data.HELD_WITHOUT_ATTENDANCE[1]
    ]
    assert demo["latest"] == 2016


def test_split_helpers_keep_the_total():
    assert split(121, 4) == [31, 30, 30, 30]
    assert sum(agency_shares(37)) == 37
    assert agency_shares(10) == [4, 3, 2, 1]


def test_the_inspection_tables_of_recommendations_1_and_6(demo):
    tables = demo["inspection_tables"]
    assert {n for n, table in tables.items() if table} == {1, 6}
    assert tables[1]["total"] == 270
    assert len(tables[1]["rows"]) == 4
    assert tables[6]["total"] == 3995
    assert len(tables[6]["rows"]) == 20
