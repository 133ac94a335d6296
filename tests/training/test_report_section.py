"""Section 20 of the annual report (learning and improvement) from the demo
data, in the PDF and in the HTML edition: the learning-event table and its grand
total, year on year, e-learning by department with the reported totals and the
difference, learner feedback and the trainer pool; left out without data."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string
from django.test import override_settings

from boards.models import Board
from lscb_portal.pdf import html_to_pdf
from reports.sections import SECTIONS, build_sections
from tests.reports.helpers import page_texts
from tests.training.factories import (
    AttendanceCountFactory,
    CourseFactory,
    ElearningReturnFactory,
    ElearningYearFactory,
    SessionFactory,
)
from training import pdf

pytestmark = pytest.mark.django_db

TEMPLATE = "reports/pdf/_learning_and_improvement.html"


def flat(text: str) -> str:
    return " ".join(text.split())


def _render(context, screen: bool) -> str:
    return render_to_string(
        TEMPLATE, {"data": context, "sub": "h3" if screen else "h2", "screen": screen}
    )


@pytest.fixture(scope="module")
def section(django_db_setup, django_db_blocker):
    """The demo's section 20 for 2016-17, as PDF text and as HTML (slow: once)."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
        board = Board.objects.get(slug="cumbria")
        context = pdf.learning_and_improvement(board, 2016)
        html = _render(context, screen=True)
        printed = _render(context, screen=False)
        transaction.set_rollback(True)
    data, _ = html_to_pdf(
        f"<html><body>{printed}</body></html>", title="Section 20", author="Test"
    )
    return {
        "context": context,
        "pdf": flat("\n".join(page_texts(data))),
        "html": flat(html),
    }


def test_the_section_follows_the_front_line_staff():
    keys = [s.key for s in SECTIONS]
    assert keys[keys.index("staff_survey") + 1] == "learning_and_improvement"
    assert keys[keys.index("learning_and_improvement") + 1] == "cse_missing"


@pytest.mark.parametrize("edition", ["pdf", "html"])
def test_the_year_on_year_attendances(section, edition):
    text = section[edition]
    assert "The total number of attendees in 2016-17 was 3,995" in text
    assert "up 2,594 on 1,401 in 2015-16" in text


@pytest.mark.parametrize(
    "row",
    [
        "Suicide and self-harm training Enhanced / specialist 12 1,500",
        "CSE awareness course half day Awareness 3 186",
        "CSE full day workshop Intermediate 5 188",
        "Neglect SCR conference Intermediate 1 150",
        "Train the Trainer 2 Day LSCB Enhanced / specialist 3 25",
        "Grand Total 3,995",
    ],
)
def test_the_learning_event_table_in_the_pdf(section, row):
    assert row in section["pdf"]


def test_the_learning_event_table_has_twenty_events(section):
    assert len(section["context"]["courses"]) == 20
    assert section["context"]["grand_total"] == 3995
    assert sum(n for _, n in section["context"]["levels"]) == 3995


@pytest.mark.parametrize("edition", ["pdf", "html"])
def test_elearning_with_both_totals_and_the_difference(section, edition):
    text = section[edition]
    assert (
        "For 2016-17, 10,950 courses were allocated and 8,839 passed, a completion "
        "rate of 81%." in text
    )
    assert "In 2015-16, 6,753 were allocated and 5,533 passed" in text
    assert "rate of 82%" in text
    assert "All completions and allocations by department, 2016-17" in text
    assert "Police 20 28 71%" in section["pdf"] or edition == "html"


def test_the_department_sums_beside_the_reported_totals_in_the_pdf(section):
    text = section["pdf"]
    assert "Sum of the departments 8,846 10,948 81%" in text
    assert "Reported totals 8,839 10,950 81%" in text
    assert "Difference (reported less the sum) -7 +2" in text


@pytest.mark.parametrize("edition", ["pdf", "html"])
def test_learner_feedback_and_the_trainer_pool(section, edition):
    text = section[edition]
    assert "94% of learners found the system either" in text
    assert "97% of learners would recommend the courses to other people" in text
    assert "25 people have been trained for the pool of volunteer trainers" in text
    assert "Two trainer development events were held" in text
    assert "Example Safeguarding Training Ltd" in text


def test_the_html_edition_has_captions_and_scopes(section):
    html = section["html"]
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html


def test_a_board_without_training_has_no_such_section(cast):
    CourseFactory(board=cast.other_board)
    assert pdf.learning_and_improvement(cast.board, 2016) is None
    keys = [s.key for s in build_sections(cast.board, 2016)]
    assert "learning_and_improvement" not in keys


def test_elearning_alone_makes_a_section(cast):
    year = ElearningYearFactory(board=cast.board)
    ElearningReturnFactory(elearning_year=year, allocated=10, passed=8)
    context = pdf.learning_and_improvement(cast.board, 2016)
    assert context["courses"] == []
    assert "80%" in flat(_render(context, screen=True))


def _fill(board, size, start):
    for n in range(start, start + size):
        session = SessionFactory(course=CourseFactory(board=board, title=f"C{n}"))
        AttendanceCountFactory(session=session, count=n + 1)
        ElearningReturnFactory(
            elearning_year=ElearningYearFactory._meta.model.objects.get_or_create(
                board=board, year=2016
            )[0],
            department=f"Dept {n}",
        )


def test_the_section_takes_as_many_queries_at_two_sizes(
    cast, django_assert_max_num_queries
):
    _fill(cast.board, 2, 0)
    with django_assert_max_num_queries(16) as small:
        _render(pdf.learning_and_improvement(cast.board, 2016), screen=True)
    _fill(cast.board, 30, 2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        context = pdf.learning_and_improvement(cast.board, 2016)
        _render(context, screen=True)
    assert len(context["courses"]) == 32
