"""Priority themes (neglect, domestic abuse, CSE and MFH) followed through the
golden thread: a learning theme linked to the plan's actions, the indicators and
the case audits on it, every link on the theme's own board and kept in history."""

from datetime import date

import pytest

from audits import services as audit_services
from lscb_portal.errors import DomainError
from reviews import services as review_services
from tests.business_plan.factories import ActionFactory, PlanFactory
from tests.indicators.factories import IndicatorFactory
from tests.reviews.factories import LearningThemeFactory

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
