"""Section 17's training tables: a recommendation linked to training prints the
year's courses (on its theme, or all) with their attendances under its update,
from the data rather than typed text."""

from datetime import date

import pytest
from django.template.loader import render_to_string

from boards.models import Inspection, Recommendation, RecommendationUpdate
from lscb_portal.errors import DomainError
from reports.sections import inspections_with_training
from tests.reviews.factories import LearningThemeFactory
from tests.training.factories import (
    AttendanceCountFactory,
    CourseFactory,
    SessionFactory,
)
from training import pdf, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendations(cast):
    inspection = Inspection.objects.create(
        board=cast.board, body="Ofsted", title="Review", start_date=date(2015, 3, 3)
    )
    recs = {}
    for number in (1, 2, 6):
        recs[number] = Recommendation.objects.create(
            inspection=inspection, number=number, text=f"Recommendation {number}"
        )
        RecommendationUpdate.objects.create(
            recommendation=recs[number],
            year=2016,
            date=date(2017, 3, 31),
            text=f"Update {number}: the table below:",
        )
    return recs


@pytest.fixture
def courses(cast):
    theme = LearningThemeFactory(board=cast.board, slug="domestic-abuse")
    on_theme = CourseFactory(board=cast.board, title="Domestic abuse awareness")
    on_theme.themes.add(theme)
    other = CourseFactory(board=cast.board, title="Working together")
    for course, count in ((on_theme, 77), (other, 398)):
        AttendanceCountFactory(session=SessionFactory(course=course), count=count)
    return theme


def test_a_theme_table_and_an_all_courses_table(cast, recommendations, courses):
    services.recommendation_training_set(
        recommendation=recommendations[1], user=cast.business_team, theme=courses
    )
    services.recommendation_training_set(
        recommendation=recommendations[6], user=cast.business_team, caption="All"
    )
    tables = pdf.recommendation_tables(cast.board, 2016)
    assert set(tables) == {recommendations[1].pk, recommendations[6].pk}
    assert tables[recommendations[1].pk]["total"] == 77
    assert tables[recommendations[1].pk]["total_label"] == "Total"
    assert tables[recommendations[6].pk]["total"] == 475
    assert tables[recommendations[6].pk]["total_label"] == "Grand Total"
    assert tables[recommendations[6].pk]["caption"] == "All, 2016-17"


def test_the_inspections_section_prints_the_table_under_the_update(
    cast, recommendations, courses
):
    services.recommendation_training_set(
        recommendation=recommendations[1], user=cast.business_team, theme=courses
    )
    context = inspections_with_training(cast.board, 2016)
    html = " ".join(
        render_to_string(
            "reports/pdf/_inspections.html",
            {"data": context, "sub": "h3", "screen": True, "year_label": "2016-17"},
        ).split()
    )
    assert "Update 1: the table below:" in html
    assert "Domestic abuse awareness</th>" in html
    assert "Working together</th>" not in html
    assert html.index("Update 1") < html.index("Domestic abuse awareness")
    assert html.index("Domestic abuse awareness") < html.index("Update 2")


def test_without_links_there_are_no_tables(cast, recommendations, courses):
    assert pdf.recommendation_tables(cast.board, 2016) == {}
    context = inspections_with_training(cast.board, 2016)
    recs = context["inspections"][0].recommendations.all()
    assert [r.year_training_table for r in recs] == [None, None, None]


def test_a_theme_of_another_board_is_refused(cast, recommendations):
    theme = LearningThemeFactory(board=cast.other_board, slug="neglect")
    with pytest.raises(DomainError):
        services.recommendation_training_set(
            recommendation=recommendations[1], user=cast.business_team, theme=theme
        )
