"""Closing a plan carries every action not complete into the next plan."""

from datetime import date

import pytest

from business_plan import services
from business_plan.models import Action, BusinessPlan, PlanStatus, Theme
from lscb_portal.errors import DomainError

from .factories import PLAN, ActionFactory, PlanFactory, ThemeFactory, get_action

NEXT_PLAN = "/boards/north/plans/2019-22/"


def record(action, day, rag, narrative=""):
    services.action_update_record(
        action=action, update_date=day, rag=rag, narrative=narrative, user=None
    )


@pytest.fixture
def rated_plan(plan, cast):
    """1.1 complete; 1.2 amber; 1.10 never rated; 2.1 complete, then green again."""
    record(get_action(plan, "1.1"), date(2017, 3, 31), "C")
    record(get_action(plan, "1.2"), date(2017, 3, 31), "A", "Late.")
    get_action(plan, "1.10").owner_agencies.set([cast.agency_y])
    Action.objects.filter(plan=plan, ref="1.10").update(owner_role="LSCB Manager")
    action = get_action(plan, "2.1")
    record(action, date(2016, 12, 31), "C")
    record(action, date(2017, 3, 31), "G", "Reopened after the audit.")
    return plan


@pytest.fixture
def next_plan(cast):
    """Business Plan 2019-22, a draft with only theme 1."""
    plan = PlanFactory(
        board=cast.board, first_year=2019, last_year=2022, status=PlanStatus.DRAFT
    )
    ThemeFactory(plan=plan, number=1, title="Leadership")
    return plan


def carry(plan, into, user=None):
    return services.plan_carry_forward(plan=plan, into=into, user=user)


def test_carries_exactly_the_actions_not_complete(rated_plan, next_plan):
    carry(rated_plan, next_plan)
    copies = Action.objects.filter(plan=next_plan).select_related("carried_from")
    assert {a.ref: a.carried_from for a in copies} == {
        "1.2": get_action(rated_plan, "1.2"),
        "1.10": get_action(rated_plan, "1.10"),
        "2.1": get_action(rated_plan, "2.1"),
    }


def test_carried_actions_keep_their_owners(rated_plan, next_plan, subgroup, cast):
    carry(rated_plan, next_plan)
    assert list(get_action(next_plan, "1.2").owner_subgroups.all()) == [subgroup]
    copy = get_action(next_plan, "1.10")
    assert list(copy.owner_agencies.all()) == [cast.agency_y]
    assert copy.owner_role == "LSCB Manager"


def test_carry_forward_adds_missing_themes_and_reuses_existing_ones(
    rated_plan, next_plan
):
    carry(rated_plan, next_plan)
    themes = Theme.objects.filter(plan=next_plan)
    assert [(t.number, t.title) for t in themes] == [
        (1, "Leadership"),
        (2, "Quality Assurance"),
    ]
    assert get_action(next_plan, "1.2").theme.title == "Leadership"
    assert get_action(next_plan, "2.1").theme.plan == next_plan


def test_closed_plan_points_to_the_plan_it_was_carried_into(rated_plan, next_plan):
    carry(rated_plan, next_plan)
    rated_plan.refresh_from_db()
    assert rated_plan.status == PlanStatus.CLOSED
    assert rated_plan.carried_forward_to == next_plan


def test_clashing_refs_are_refused_and_nothing_changes(rated_plan, next_plan):
    ActionFactory(plan=next_plan, theme=next_plan.themes.get(), ref="1.2")
    with pytest.raises(DomainError, match="already has actions numbered 1.2"):
        carry(rated_plan, next_plan)
    rated_plan.refresh_from_db()
    assert rated_plan.status == PlanStatus.ACTIVE
    assert rated_plan.carried_forward_to is None
    assert list(Action.objects.filter(plan=next_plan).values_list("ref")) == [("1.2",)]
    assert Theme.objects.filter(plan=next_plan).count() == 1


def test_closing_an_already_closed_plan_is_refused(rated_plan, next_plan, cast):
    carry(rated_plan, next_plan)
    third = PlanFactory(board=cast.board, first_year=2022, last_year=2025)
    with pytest.raises(DomainError, match="is already closed"):
        carry(rated_plan, third)
    assert not Action.objects.filter(plan=third).exists()


def test_close_page_closes_and_carries_forward(rated_plan, next_plan, cast, as_user):
    response = as_user(cast.business_team).post(
        f"{PLAN}close/", {"into": next_plan.pk}, follow=True
    )
    assert response.redirect_chain == [(NEXT_PLAN, 302)]
    assert (
        "Business Plan 2016-19 closed; 3 incomplete actions carried forward into "
        "Business Plan 2019-22." in response.content.decode()
    )
    assert BusinessPlan.objects.get(pk=rated_plan.pk).is_closed
    assert Action.objects.filter(plan=next_plan).count() == 3


def test_close_page_shows_a_clash_and_saves_nothing(
    rated_plan, next_plan, cast, as_user
):
    ActionFactory(plan=next_plan, theme=next_plan.themes.get(), ref="2.1")
    response = as_user(cast.business_team).post(f"{PLAN}close/", {"into": next_plan.pk})
    assert response.status_code == 200
    assert "already has actions numbered 2.1" in response.content.decode()
    assert not BusinessPlan.objects.get(pk=rated_plan.pk).is_closed
    assert Action.objects.filter(plan=next_plan).count() == 1


def test_close_page_of_a_closed_plan_is_refused(rated_plan, next_plan, cast, as_user):
    carry(rated_plan, next_plan)
    response = as_user(cast.business_team).post(
        f"{PLAN}close/", {"into": next_plan.pk}, follow=True
    )
    assert response.redirect_chain == [(PLAN, 302)]
    assert "is closed" in response.content.decode()
    assert Action.objects.filter(plan=next_plan).count() == 3
