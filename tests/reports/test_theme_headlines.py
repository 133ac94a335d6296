"""Section 30 (priorities) and section 32 (the report on a page) gather the
priority themes' year in figures: each theme's actions, indicators with a value
in the year, case audits, lessons of reviews published in it, good practice
examples and training attendances; other themes, years and boards never count."""

from datetime import date

import pytest
from django.template.loader import render_to_string

from reports.on_a_page import report_on_a_page
from reports.sections import build_sections
from reports.themes import theme_headlines
from tests.good_practice.factories import GoodPracticeExampleFactory
from tests.reviews.factories import (
    LearningThemeFactory,
    LessonFactory,
    PublishedReviewFactory,
)
from tests.training.factories import AttendanceCountFactory, CourseFactory

from .test_themes import _theme_with_a_year

pytestmark = pytest.mark.django_db
YEAR = 2016


def _on_the_theme(board, theme, day):
    """A lesson of a review published on `day`, an example dated `day` and 12
    attendances at a course on the theme on `day`."""
    review = PublishedReviewFactory(board=board, published_on=day)
    LessonFactory(review=review, text=f"Lesson of {day}", themes=[theme])
    GoodPracticeExampleFactory(board=board, date=day).themes.add(theme)
    course = CourseFactory(board=board)
    course.themes.add(theme)
    AttendanceCountFactory(session__course=course, session__date=day, count=12)


def test_each_figure_counts_the_themes_own_records_of_the_year(cast):
    theme, _ = _theme_with_a_year(cast)  # an action, a 2016-17 value, two audits
    _on_the_theme(cast.board, theme, date(2016, 11, 1))
    _on_the_theme(cast.board, theme, date(2017, 5, 1))  # the next year
    other = LearningThemeFactory(board=cast.board, name="Information sharing")
    _on_the_theme(cast.board, other, date(2016, 11, 1))  # not a priority theme
    _theme_with_a_year(cast, cast.other_board)

    (row,) = theme_headlines(cast.board, YEAR)
    assert row.theme == theme
    assert (row.actions, row.indicators, row.audits) == (1, 1, 1)
    assert (row.lessons, row.examples, row.attendances) == (1, 1, 12)


def test_a_priority_theme_with_nothing_in_the_year_is_left_out(cast):
    LearningThemeFactory(board=cast.board, name="Neglect")
    assert theme_headlines(cast.board, YEAR) == []


def test_the_priorities_section_and_the_page_print_the_figures(cast):
    theme, _ = _theme_with_a_year(cast)
    _on_the_theme(cast.board, theme, date(2016, 11, 1))
    sections = {s.key: s for s in build_sections(cast.board, YEAR, draft=True)}
    html = render_to_string(
        "reports/pdf/_priorities.html",
        {"data": sections["priorities"].context, "year_label": "2016-17"},
    )
    assert "The priority themes in 2016-17" in html
    assert '<th scope="row" class="govuk-table__header">Domestic abuse</th>' in html

    figures = {f.key: f for f in report_on_a_page(cast.board, YEAR)["figures"]}
    assert figures["theme_domestic-abuse"].value == "12 training attendances"
    assert figures["good_practice"].value == "1"
    assert figures["good_practice"].detail == "from 1 agency in 2016-17"


def test_the_headlines_run_a_constant_number_of_queries(
    cast, django_assert_max_num_queries
):
    theme, _ = _theme_with_a_year(cast)
    _on_the_theme(cast.board, theme, date(2016, 11, 1))
    neglect = LearningThemeFactory(board=cast.board, name="Neglect")
    for n in range(3):
        _on_the_theme(cast.board, neglect, date(2016, 12, n + 1))
    with django_assert_max_num_queries(4):
        rows = theme_headlines(cast.board, YEAR)
    assert [row.theme.name for row in rows] == ["Neglect", "Domestic abuse"]
