"""Priority themes (neglect, domestic abuse, CSE and MFH) followed through the
golden thread: a learning theme linked to the plan's actions, the indicators and
the case audits on it, every link on the theme's own board and kept in history."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from audits import services as audit_services
from boards.models import Board
from lscb_portal.errors import DomainError
from reports.sections import build_sections
from reports.themes import theme_year
from reviews import services as review_services
from tests.business_plan.factories import ActionFactory, PlanFactory, UpdateFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory
from tests.reviews.factories import (
    CaseReviewFactory,
    LearningThemeFactory,
    LessonFactory,
    PublishedReviewFactory,
)

pytestmark = pytest.mark.django_db


def test_a_theme_links_its_boards_actions_and_indicators_with_history(cast):
    theme = LearningThemeFactory(board=cast.board, name="Neglect")
    action = ActionFactory(plan=PlanFactory(board=cast.board))
    indicator = IndicatorFactory(board=cast.board)

    theme = review_services.theme_edit(
        theme=theme,
        user=cast.business_team,
        name="Neglect",
        actions=[action],
        indicators=[indicator],
    )

    assert list(theme.actions.all()) == [action]
    assert list(theme.indicators.all()) == [indicator]
    latest = theme.history.latest("history_date")
    assert [a.action_id for a in latest.actions.all()] == [action.pk]
    assert latest.history_user == cast.business_team


def test_a_theme_refuses_another_boards_action_or_indicator(cast):
    theme = LearningThemeFactory(board=cast.board, name="Neglect")
    theirs = ActionFactory(plan=PlanFactory(board=cast.other_board))
    with pytest.raises(DomainError) as refused:
        review_services.theme_edit(
            theme=theme, user=cast.business_team, name="Neglect", actions=[theirs]
        )
    assert "actions" in refused.value.message_dict
    with pytest.raises(DomainError) as refused:
        review_services.theme_create(
            board=cast.board,
            user=cast.business_team,
            name="Domestic abuse",
            indicators=[IndicatorFactory(board=cast.other_board)],
        )
    assert "indicators" in refused.value.message_dict
    assert not theme.actions.exists()


def test_a_case_audit_takes_only_its_boards_themes(cast):
    ours = LearningThemeFactory(board=cast.board, name="Domestic abuse")
    theirs = LearningThemeFactory(board=cast.other_board, name="Domestic abuse")
    fields = {"theme": "Domestic Abuse", "audited_on": date(2017, 1, 20)}
    with pytest.raises(DomainError):
        audit_services.case_audit_create(
            board=cast.board,
            user=cast.business_team,
            cases_audited=6,
            themes=[theirs],
            **fields,
        )
    audit = audit_services.case_audit_create(
        board=cast.board, user=cast.business_team, cases_audited=6, **fields
    )
    audit = audit_services.case_audit_update(
        audit=audit,
        user=cast.business_team,
        version=audit.version,
        changes={"themes": [ours]},
    )
    assert list(audit.themes.all()) == [ours]
    assert (
        list(audit.history.latest("history_date").themes.all())[0].learningtheme == ours
    )


def _theme_with_a_year(cast, board=None):
    board = board or cast.board
    theme = LearningThemeFactory(board=board, name="Domestic abuse")
    action = ActionFactory(plan=PlanFactory(board=board))
    UpdateFactory(action=action, date=date(2016, 9, 30), rag="G")
    UpdateFactory(action=action, date=date(2017, 6, 30), rag="R")  # next year
    indicator = IndicatorFactory(board=board)
    MeasurementFactory(indicator=indicator, value=3244)
    MeasurementFactory(indicator=indicator, period_end=date(2018, 3, 31), value=9)
    theme.actions.set([action])
    theme.indicators.set([indicator])
    for day in (date(2017, 1, 20), date(2017, 6, 1)):
        audit = audit_services.case_audit_create(
            board=board,
            user=None,
            theme="Domestic Abuse",
            audited_on=day,
            cases_audited=4,
            themes=[theme],
        )
    return theme, audit


def test_theme_year_gathers_the_years_actions_values_and_audits_only(cast):
    theme, later_audit = _theme_with_a_year(cast)
    _theme_with_a_year(cast, cast.other_board)

    found = theme_year(cast.board, theme, 2016)

    assert [a.rag_then for a in found.actions] == ["G"]
    assert [m.value for m in found.measurements] == [3244]
    assert len(found.audits) == 1 and later_audit not in found.audits
    assert theme_year(cast.board, theme, 2017).audits == [later_audit]


def test_an_unpublished_reviews_lesson_stays_restricted_for_a_board_member(cast):
    theme = LearningThemeFactory(board=cast.board, name="Neglect")
    LessonFactory(
        review=PublishedReviewFactory(board=cast.board),
        text="Published: see the whole family.",
        themes=[theme],
    )
    LessonFactory(
        review=CaseReviewFactory(board=cast.board),
        text="Unpublished: restricted.",
        themes=[theme],
    )

    for_member = theme_year(cast.board, theme, 2016, cast.board_member)
    for_report = theme_year(cast.board, theme, 2016)

    for found in (for_member, for_report):
        assert [lesson.text for lesson in found.lessons] == [
            "Published: see the whole family."
        ]
        assert found.lessons_withheld == 1
    html = render_to_string(
        "reports/pdf/_theme.html",
        {"data": {"theme_year": for_member}, "sub": "h2", "screen": True},
    )
    assert "Unpublished: restricted." not in html
    assert "1 lesson of reviews not yet published is also on this theme" in html


def test_theme_year_runs_a_constant_number_of_queries(cast):
    theme, _ = _theme_with_a_year(cast)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            found = theme_year(cast.board, theme, 2016, cast.board_member)
        return len(captured), found

    before, _ = queries()
    for _ in range(3):
        action = ActionFactory(plan=theme.actions.first().plan)
        UpdateFactory(action=action)
        theme.actions.add(action)
        LessonFactory(review=PublishedReviewFactory(board=cast.board), themes=[theme])
    after, found = queries()
    assert after <= before  # the first call also reads the memberships
    assert len(found.actions) == 4 and len(found.lessons) == 3


@pytest.fixture(scope="module")
def demo_sections(django_db_setup, django_db_blocker):
    """The demo's theme sections of 2016-17 as printed text, then rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        board = Board.objects.get(slug="cumbria")
        texts = {
            s.key: render_to_string(
                s.section.template, {"data": s.context, "sub": "h2", "screen": False}
            )
            for s in build_sections(board, 2016)
        }
        transaction.set_rollback(True)
    return texts


def test_the_demo_theme_sections_print_the_seed_figures(demo_sections):
    keys = list(demo_sections)
    assert keys.index("case_audits") < keys.index("neglect")
    assert keys.index("domestic_abuse") < keys.index("inspections")
    assert keys.index("learning_and_improvement") + 1 == keys.index("cse_missing")
    domestic = demo_sections["domestic_abuse"]
    assert "3,244" in domestic and "270 attendances" in domestic
    cse = demo_sections["cse_missing"]
    for figure in ("437", "1,186", "45", "387", "4", "17", "61", "58"):
        assert f">{figure}</td>" in cse
    assert "Implement the revised LSCB Neglect Strategy" in demo_sections["neglect"]
    # the chair's approved statements of strengths and priorities
    assert "Hold a DA summit" in domestic
    assert "Undertaking a review of the Oversight Group" in cse
    assert "use of the graded care profile" in demo_sections["neglect"]
