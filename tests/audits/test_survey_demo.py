"""The demo's staff surveys and section 19 of the annual report ("Front line
staff") in the PDF: the 2016 survey's dates, respondents and three questions with
the seed's counts, the illustrative 2015 survey that reproduces the seed's
comparisons, and the section's text; left out for a year without a survey."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from audits import pdf
from audits.demo import survey as demo_survey
from audits.models import StaffSurvey
from audits.selectors import survey_results
from boards.models import Board
from reports.documents import annual_report
from reports.sections import SECTIONS
from tests.audits.factories import StaffSurveyFactory, survey_question
from tests.reports.helpers import contents_entries, page_texts

TITLE = "Front Line Staff"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded (twice: the second load changes nothing) and its annual
    report 2016-17 built, once for the module; rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
        board = Board.objects.get(slug="cumbria")
        demo_survey.load(board)
        data, pages = annual_report(board, 2016)
        yield board, data, pages
        transaction.set_rollback(True)


@pytest.fixture
def board(demo, db):
    return demo[0]


@pytest.fixture
def section(demo):
    _, data, pages = demo
    texts = page_texts(data)
    _, entries = contents_entries(texts)
    starts = [page for _, page in entries] + [pages + 1]
    for i, (heading, start) in enumerate(entries):
        if heading.split(". ", 1)[1] == TITLE:
            text = "\n".join(texts[start - 1 : starts[i + 1] - 1])
            return heading, " ".join(text.split())
    raise AssertionError(f"No section {TITLE!r}: {entries}")


def counts(question):
    return [(o.answer, o.count) for o in question.options.all()]


def test_the_2016_survey_is_the_seeds(board):
    survey = StaffSurvey.objects.get(board=board, year=2016)
    assert survey.opened_on == date(2016, 6, 17)
    assert survey.closed_on == date(2016, 7, 22)
    assert survey.respondents == 368
    confidence, q20, q21 = survey.questions.all()
    assert (confidence.number, confidence.answered, confidence.skipped) == ("", 355, 13)
    assert counts(confidence) == [
        ("Very confident", 11),
        ("Confident", 160),
        ("Neither confident or not confident", 120),
        ("Not confident", 51),
        ("Not very confident at all", 8),
        ("Not applicable to my role", 5),
    ]
    assert (q20.number, q20.answered, q20.skipped) == ("Q20", 250, 118)
    assert counts(q20) == [
        ("Outcomes are always clear", 48),
        ("Sometimes clear", 152),
        ("Rarely clear", 11),
        ("Not applicable to my role", 39),
    ]
    # The seed prints "Answered: 258", but its counts add up to 250 (and 250 + 118
    # skipped = 368 respondents).
    assert (q21.number, q21.answered, q21.skipped) == ("Q21", 250, 118)
    assert counts(q21) == [("Yes", 126), ("No", 51), ("Not applicable to my role", 73)]


def test_the_seeds_percentages_follow_from_the_counts(board):
    survey = StaffSurvey.objects.get(board=board, year=2016)
    confidence, q20, _ = survey_results(survey)
    assert [o.percent for o in confidence.options] == [
        Decimal(p) for p in ("3.10", "45.07", "33.80", "14.37", "2.25", "1.41")
    ]
    assert [o.percent for o in q20.options] == [
        Decimal(p) for p in ("19.20", "60.80", "4.40", "15.60")
    ]


def test_the_2015_survey_reproduces_the_seeds_comparisons(board):
    earlier = StaffSurvey.objects.get(board=board, year=2015)
    assert earlier.respondents == 316
    confidence, outcomes, _ = survey_results(
        StaffSurvey.objects.get(board=board, year=2016)
    )
    assert confidence.reworded and not outcomes.reworded
    assert confidence.earlier.question.survey == earlier
    not_confident = {"Not confident", "Not very confident at all"}
    before = sum(r.before for r in confidence.comparison if r.answer in not_confident)
    now = sum(r.now for r in confidence.comparison if r.answer in not_confident)
    assert round(before) == 19  # "19% were not confident" in 2015
    # "only 16% of respondents said they were not confident": 14.37% + 2.25%.
    assert now == Decimal("16.62")
    sometimes = next(r for r in outcomes.comparison if r.answer == "Sometimes clear")
    assert (sometimes.before, round(sometimes.now)) == (Decimal("60.00"), 61)


def test_the_section_comes_after_the_section_11_audit():
    keys = [s.key for s in SECTIONS]
    assert keys[keys.index("section_11") + 1] == "staff_survey"


def test_the_section_follows_the_section_11_audit(section):
    heading, _ = section
    assert heading == f"19. {TITLE}"  # as the real report numbers it


def test_the_section_prints_the_dates_and_respondents(section):
    _, text = section
    assert (
        "The survey ran from 17 June to 22 July 2016, and was responded to by 368 "
        "members of staff from across the LSCB. This is an increase from the 316 "
        "staff who responded to the 2015 survey."
    ) in text


@pytest.mark.parametrize(
    "row",
    [
        "Very confident 3.10% 11",
        "Confident 45.07% 160",
        "Not very confident at all 2.25% 8",
        "Total 355",
        "Answered: 250 Skipped: 118",
        "Sometimes clear 60.80% 152",
        "Yes 50.40% 126",
        "Not applicable to my role 29.20% 73",
        "Total 250",
    ],
)
def test_the_section_prints_each_questions_table(section, row):
    _, text = section
    assert row in text


def test_the_section_compares_the_repeated_questions_with_2015(section):
    _, text = section
    assert "This question has been reworded since 2015" in text
    assert "Not confident 15.00% 14.37%" in text
    assert "The same question was asked in 2015." in text
    assert "Sometimes clear 60.00% 60.80%" in text


@pytest.mark.django_db
def test_a_year_without_a_survey_has_no_section(cast):
    assert pdf.staff_survey(cast.board, 2016) is None
    # A survey that ran in May 2017 belongs to the report of 2017-18.
    survey = StaffSurveyFactory(
        board=cast.board,
        year=2017,
        opened_on=date(2017, 5, 2),
        closed_on=date(2017, 6, 1),
    )
    survey_question(survey, [("Yes", 368)])
    assert pdf.staff_survey(cast.board, 2016) is None
    data = pdf.staff_survey(cast.board, 2017)
    assert data["survey"] == survey and data["before"] is None
    assert list(data["charts"]) == [f"staff-survey-q{survey.questions.get().pk}"]
