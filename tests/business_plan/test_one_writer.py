"""One service writes action updates, whichever page, API call or return they come
from; the RAG rules they share live in lscb_portal/rag.py."""

import pytest

from business_plan import services
from business_plan.models import ActionUpdate
from lscb_portal import rag
from subgroups import services as subgroup_services

from .factories import PLAN, action_url, get_action
from .test_api import new_update, token_for


@pytest.fixture
def writes(monkeypatch):
    """The rows each call of the one writer was given, as (ref, rag, narrative)."""
    calls = []
    write = services.action_updates_record

    def spy(*, rows, **kwargs):
        calls.append([(r.action.ref, r.rag, r.narrative) for r in rows])
        return write(rows=rows, **kwargs)

    monkeypatch.setattr(services, "action_updates_record", spy)
    return calls


def post_update_form(client, cast, plan, subgroup):
    client.force_login(cast.business_team)
    data = {"date": "2016-12-31", "rag": "G", "narrative": "Fine"}
    return client.post(action_url("1.1", "update/"), data)


def post_api(client, cast, plan, subgroup):
    key = token_for(cast.business_team, cast.board)
    return client.post(
        "/api/v1/action-updates/",
        new_update(get_action(plan, "1.1"), narrative="Fine"),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )


def post_bulk_form(client, cast, plan, subgroup):
    client.force_login(cast.business_team)
    data = {"bulk-date": "2016-12-31"}
    for action in plan.actions.all():  # rows not sent are left out
        data[f"a{action.pk}-action_id"] = action.pk
    action = get_action(plan, "1.1")
    data |= {f"a{action.pk}-rag": "G", f"a{action.pk}-narrative": "Fine"}
    return client.post(f"{PLAN}bulk-update/", data)


def submit_return(client, cast, plan, subgroup):
    chair = subgroup.chair.user
    draft = subgroup_services.return_start(
        subgroup=subgroup, period="2016-17 Q4", user=chair
    )
    draft.action_entries = {
        str(get_action(plan, "1.2").pk): {"rag": "G", "narrative": "Fine"}
    }
    draft.save()
    client.force_login(chair)
    return client.post(f"/boards/north/returns/{draft.pk}/check/")


@pytest.mark.parametrize(
    "path, ref",
    [
        (post_update_form, "1.1"),
        (post_api, "1.1"),
        (post_bulk_form, "1.1"),
        (submit_return, "1.2"),
    ],
)
def test_every_path_records_updates_through_the_one_writer(
    client, cast, plan, subgroup, writes, path, ref
):
    response = path(client, cast, plan, subgroup)
    assert response.status_code in (201, 302)
    assert writes == [[(ref, "G", "Fine")]]
    assert list(ActionUpdate.objects.values_list("action__ref", "rag")) == [(ref, "G")]


def test_a_return_is_refused_by_the_writers_rules(client, cast, plan, subgroup):
    """The narrative rule is the business plan's, applied to a return's entries
    however they reached the draft."""
    chair = subgroup.chair.user
    draft = subgroup_services.return_start(
        subgroup=subgroup, period="2016-17 Q4", user=chair
    )
    draft.action_entries = {
        str(get_action(plan, "1.2").pk): {"rag": "X", "narrative": ""}
    }
    draft.save()
    client.force_login(chair)
    response = client.post(f"/boards/north/returns/{draft.pk}/check/")
    assert response.status_code == 400
    assert f"1.2: {rag.INVALID_RAG}" in response.content.decode()
    assert not ActionUpdate.objects.exists()


@pytest.mark.parametrize(
    "value, narrative, fields",
    [
        ("R", " ", ["narrative"]),
        ("A", "", ["narrative"]),
        ("A", "Slipping", []),
        ("G", "", []),
        ("C", "", []),
        ("", "", []),
        ("X", "", ["rag"]),
    ],
)
def test_rag_entry_rules(value, narrative, fields):
    assert list(rag.entry_errors(value, narrative)) == fields


def test_both_entry_forms_offer_the_same_rag_choices():
    from business_plan.forms import BulkRowForm, UpdateForm
    from subgroups.forms import ActionEntryForm

    bulk = BulkRowForm().fields["rag"].choices
    entry = ActionEntryForm().fields["rag"].choices
    assert bulk[1:] == entry[1:] == rag.ENTRY_CHOICES
    assert (bulk[0][0], entry[0][0]) == ("skip", "skip")
    assert UpdateForm.base_fields["rag"].choices == rag.ENTRY_CHOICES
