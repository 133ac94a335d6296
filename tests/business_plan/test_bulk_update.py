"""The quarterly bulk form: a subgroup's actions, RAG and narrative per row."""

import pytest

from business_plan.models import ActionUpdate

from .factories import PLAN, get_action


@pytest.fixture
def bulk_url(plan, subgroup):
    return f"{PLAN}bulk-update/?subgroup={subgroup.pk}"


def rows(plan, chosen):
    """POST data for the bulk form: {ref: (rag, narrative)}; other rows "skip"."""
    data = {"bulk-date": "2016-12-31"}
    for ref in ("1.2", "2.1"):
        action = get_action(plan, ref)
        rag, narrative = chosen.get(ref, ("skip", ""))
        data |= {
            f"a{action.pk}-action_id": action.pk,
            f"a{action.pk}-rag": rag,
            f"a{action.pk}-narrative": narrative,
        }
    return data


def test_bulk_form_lists_the_subgroups_actions(bulk_url, cast, as_user):
    response = as_user(cast.business_team).get(bulk_url)
    assert [action.ref for action, _ in response.context["rows"]] == ["1.2", "2.1"]
    assert "2 actions owned by Quality Assurance Subgroup" in response.content.decode()


def test_bulk_form_creates_one_update_per_row_for_the_subgroup(
    plan, subgroup, bulk_url, cast, as_user
):
    data = rows(plan, {"1.2": ("G", "Drafted."), "2.1": ("C", "Audit done.")})
    response = as_user(cast.business_team).post(bulk_url, data)
    assert response.status_code == 302
    updates = ActionUpdate.objects.order_by("action__sort_key")
    assert [(u.action.ref, u.rag, u.narrative) for u in updates] == [
        ("1.2", "G", "Drafted."),
        ("2.1", "C", "Audit done."),
    ]
    assert {(u.subgroup, u.author, u.quarter) for u in updates} == {
        (subgroup, cast.business_team, "2016-17 Q3")
    }


def test_bulk_form_does_not_save_rows_left_at_skip(plan, bulk_url, cast, as_user):
    data = rows(plan, {"1.2": ("G", "")})
    as_user(cast.business_team).post(bulk_url, data)
    assert [u.action.ref for u in ActionUpdate.objects.all()] == ["1.2"]


def test_bulk_form_leaves_out_a_row_whose_rag_was_not_sent(
    plan, bulk_url, cast, as_user
):
    data = rows(plan, {"1.2": ("G", "Drafted.")})
    del data[f"a{get_action(plan, '2.1').pk}-rag"]
    as_user(cast.business_team).post(bulk_url, data)
    assert [u.action.ref for u in ActionUpdate.objects.all()] == ["1.2"]


def test_bulk_form_saves_nothing_if_one_row_is_invalid(plan, bulk_url, cast, as_user):
    data = rows(plan, {"1.2": ("A", ""), "2.1": ("G", "On track.")})
    response = as_user(cast.business_team).post(bulk_url, data)
    assert response.status_code == 200
    assert "Action 1.2: Explain a red or amber rating" in response.content.decode()
    assert not ActionUpdate.objects.exists()


def test_bulk_updates_show_at_once_in_the_overview_counts(
    plan, bulk_url, cast, as_user
):
    client = as_user(cast.business_team)
    client.post(bulk_url, rows(plan, {"1.2": ("G", ""), "2.1": ("C", "")}))
    response = client.get(PLAN)
    assert response.context["total_counts"].ordered() == [
        ("R", 0),
        ("A", 0),
        ("G", 1),
        ("C", 1),
        ("", 2),
    ]


def test_contributor_bulk_form_lists_and_saves_only_their_agencys_actions(
    plan, cast, as_user
):
    client = as_user(cast.contributor_x)
    response = client.get(f"{PLAN}bulk-update/")
    assert [action.ref for action, _ in response.context["rows"]] == ["1.1"]
    first = get_action(plan, "1.1")
    data = rows(plan, {"1.2": ("G", "Not mine to rate.")}) | {
        f"a{first.pk}-action_id": first.pk,
        f"a{first.pk}-rag": "G",
        f"a{first.pk}-narrative": "",
    }
    assert client.post(f"{PLAN}bulk-update/", data).status_code == 302
    assert [u.action.ref for u in ActionUpdate.objects.all()] == ["1.1"]


def test_subgroup_chair_bulk_form_lists_the_subgroups_actions(
    plan, bulk_url, subgroup_chair, as_user
):
    response = as_user(subgroup_chair).get(bulk_url)
    assert [action.ref for action, _ in response.context["rows"]] == ["1.2", "2.1"]
