"""Refused writes save nothing and say why."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from business_plan import services
from business_plan.models import Action, ActionUpdate, PlanStatus
from lscb_portal.errors import DomainError

from .factories import PLAN, action_url, get_action


def update_data(**changes):
    return {"date": "2016-12-31", "rag": "G", "narrative": "", **changes}


def test_service_refuses_a_duplicate_ref_in_the_plan(plan, cast):
    with pytest.raises(ValidationError, match="already has an action with this ref"):
        services.action_create(
            plan=plan,
            theme=get_action(plan, "1.1").theme,
            ref="1.1",
            text="Another 1.1",
            user=cast.business_team,
        )
    assert Action.objects.filter(plan=plan, ref="1.1").count() == 1


def test_add_action_form_refuses_a_duplicate_ref(plan, cast, as_user):
    theme = get_action(plan, "1.1").theme
    response = as_user(cast.business_team).post(
        f"{PLAN}actions/new/", {"theme": theme.pk, "ref": "1.1", "text": "Again"}
    )
    assert response.status_code == 200
    assert "already has an action with this reference" in response.content.decode()
    assert Action.objects.filter(plan=plan).count() == 4


def test_edit_action_form_refuses_a_duplicate_ref(plan, cast, as_user):
    action = get_action(plan, "1.2")
    response = as_user(cast.business_team).post(
        action_url("1.2", "edit/"),
        {
            "theme": action.theme_id,
            "ref": "1.1",
            "text": action.text,
            "owner_subgroups": [s.pk for s in action.owner_subgroups.all()],
            "version": action.version,
        },
    )
    assert response.status_code == 200
    assert "already has an action with this reference" in response.content.decode()
    assert Action.objects.filter(plan=plan, ref="1.2").exists()


def test_update_form_refuses_a_rag_outside_r_a_g_c(plan, cast, as_user):
    response = as_user(cast.business_team).post(
        action_url("1.1", "update/"), update_data(rag="X", narrative="Typo")
    )
    assert response.status_code == 200
    assert "Choose Red, Amber, Green or Complete" in response.content.decode()
    assert not ActionUpdate.objects.exists()


def test_update_form_refuses_a_date_outside_the_plans_years(plan, cast, as_user):
    response = as_user(cast.business_team).post(
        action_url("1.1", "update/"), update_data(date="2019-04-01")
    )
    assert response.status_code == 200
    assert (
        "The date must be within the plan&#x27;s years, 1 April 2016 to 31 March 2019"
        in response.content.decode()
    )
    assert not ActionUpdate.objects.exists()


def test_service_refuses_a_date_before_the_plan_starts(plan, cast):
    with pytest.raises(ValidationError, match="within the plan's years"):
        services.action_update_record(
            action=get_action(plan, "1.1"),
            update_date=date(2016, 3, 31),
            rag="G",
            narrative="",
            user=cast.business_team,
        )
    assert not ActionUpdate.objects.exists()


@pytest.mark.parametrize("rag", ["R", "A"])
def test_update_form_refuses_red_or_amber_without_narrative(plan, cast, as_user, rag):
    response = as_user(cast.business_team).post(
        action_url("1.1", "update/"), update_data(rag=rag, narrative="   ")
    )
    assert response.status_code == 200
    assert "Explain a red or amber rating" in response.content.decode()
    assert not ActionUpdate.objects.exists()


# A closed plan -------------------------------------------------------------------


@pytest.fixture
def closed_plan(plan):
    plan.status = PlanStatus.CLOSED
    plan.save()
    return plan


def closed_plan_writes(plan):
    action = get_action(plan, "1.1")
    return {
        "record update": (action_url("1.1", "update/"), update_data()),
        "add action": (
            f"{PLAN}actions/new/",
            {"theme": action.theme_id, "ref": "1.3", "text": "New"},
        ),
        "edit action": (
            action_url("1.1", "edit/"),
            {
                "theme": action.theme_id,
                "ref": "1.1",
                "text": "Changed after closing",
                "version": action.version,
            },
        ),
        "bulk": (
            f"{PLAN}bulk-update/",
            {
                "bulk-date": "2016-12-31",
                f"a{action.pk}-action_id": action.pk,
                f"a{action.pk}-rag": "G",
                f"a{action.pk}-narrative": "",
            },
        ),
    }


def snapshot(plan):
    return (
        ActionUpdate.objects.count(),
        list(Action.objects.filter(plan=plan).values_list("ref", "text", "version")),
    )


@pytest.mark.parametrize(
    "write", ["record update", "add action", "edit action", "bulk"]
)
def test_writes_to_a_closed_plan_are_refused_with_a_message(
    closed_plan, cast, as_user, write
):
    url, data = closed_plan_writes(closed_plan)[write]
    before = snapshot(closed_plan)
    response = as_user(cast.business_team).post(url, data, follow=True)
    assert response.redirect_chain == [(PLAN, 302)]
    assert "is closed: its actions can no longer change" in response.content.decode()
    assert snapshot(closed_plan) == before


def test_services_refuse_writes_to_a_closed_plan(closed_plan, cast):
    action = get_action(closed_plan, "1.1")
    before = snapshot(closed_plan)
    with pytest.raises(DomainError, match="is closed"):
        services.action_update_record(
            action=action,
            update_date=date(2016, 12, 31),
            rag="G",
            narrative="",
            user=cast.business_team,
        )
    with pytest.raises(DomainError, match="is closed"):
        services.action_create(
            plan=closed_plan,
            theme=action.theme,
            ref="1.3",
            text="New",
            user=cast.business_team,
        )
    with pytest.raises(DomainError, match="is closed"):
        services.action_update_details(
            action=action,
            version=action.version,
            changes={"text": "Changed"},
            user=cast.business_team,
        )
    with pytest.raises(DomainError, match="is closed"):
        services.action_updates_record(
            rows=[services.UpdateRow(action, "G", "")],
            update_date=date(2016, 12, 31),
            user=cast.business_team,
        )
    assert snapshot(closed_plan) == before
