"""A return from draft to submission and after: answers, RAG updates, history."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from business_plan.models import ActionUpdate
from lscb_portal.periods import quarter_of
from subgroups import services
from subgroups.models import ReturnStatus, SubgroupReturn
from tests.business_plan.factories import PLAN, action_url

from .helpers import action_id, entry_data, pdf_upload, return_url

PERIOD_END = date(2017, 3, 31)


@pytest.fixture
def draft(plan, subgroup, subgroup_chair):
    """A 2016-17 Q4 draft from the subgroup, which owns actions 1.2 and 2.1."""
    return services.return_start(
        subgroup=subgroup, period="2016-17 Q4", user=subgroup_chair
    )


def fill_in(client, subgroup_return, plan):
    """Answers every question page as a person would, in order."""
    steps = [
        ("highlights/", {"highlights": "Audit programme agreed", "version": 1}),
        (
            "exceptions/",
            {"exceptions": "Health data is late", "risks": "Capacity", "version": 2},
        ),
        (
            "actions/",
            entry_data(
                plan, a1_2=("A", "Report slipping to May"), a2_1=("G", "Audit done")
            ),
        ),
        ("attachments/", {"file": pdf_upload()}),
    ]
    for page, data in steps:
        response = client.post(return_url(subgroup_return, page), data)
        assert response.status_code == 302, (page, response.content.decode())


def submit(client, subgroup_return):
    response = client.post(return_url(subgroup_return, "check/"))
    assert response.status_code == 302
    subgroup_return.refresh_from_db()
    return subgroup_return


def test_return_start_creates_a_draft(draft, subgroup, subgroup_chair):
    assert (draft.subgroup, draft.period, draft.status, draft.created_by) == (
        subgroup,
        "2016-17 Q4",
        ReturnStatus.DRAFT,
        subgroup_chair,
    )


def test_start_page_creates_a_draft_and_opens_its_first_question(
    subgroup, subgroup_chair, as_user
):
    response = as_user(subgroup_chair).post(
        f"/boards/north/subgroups/{subgroup.pk}/returns/new/", {"period": "2016-17 Q3"}
    )
    created = SubgroupReturn.objects.get()
    assert response["Location"] == return_url(created, "highlights/")
    assert (created.period, created.status) == ("2016-17 Q3", "draft")


def test_service_refuses_a_second_return_for_the_period(draft, subgroup, cast):
    with pytest.raises(ValidationError, match="already has a return for 2016-17 Q4"):
        services.return_start(
            subgroup=subgroup, period="2016-17 Q4", user=cast.business_team
        )
    assert SubgroupReturn.objects.count() == 1


def test_start_page_refuses_a_second_return_for_the_period(
    draft, subgroup, subgroup_chair, as_user
):
    response = as_user(subgroup_chair).post(
        f"/boards/north/subgroups/{subgroup.pk}/returns/new/", {"period": "2016-17 Q4"}
    )
    assert response.status_code == 200
    assert "already has a return for 2016-17 Q4" in response.content.decode()
    assert response.context["form"].errors["period"]
    assert SubgroupReturn.objects.count() == 1


def test_question_pages_save_the_draft(draft, plan, subgroup_chair, as_user):
    fill_in(as_user(subgroup_chair), draft, plan)
    draft.refresh_from_db()
    assert (draft.highlights, draft.exceptions, draft.risks) == (
        "Audit programme agreed",
        "Health data is late",
        "Capacity",
    )
    assert draft.action_entries == {
        str(action_id(plan, "1.2")): {
            "rag": "A",
            "narrative": "Report slipping to May",
        },
        str(action_id(plan, "2.1")): {"rag": "G", "narrative": "Audit done"},
    }
    assert [a.name for a in draft.attachments.all()] == ["minutes.pdf"]
    assert draft.status == ReturnStatus.DRAFT
    assert not ActionUpdate.objects.exists()


def test_draft_survives_signing_out_and_back_in(draft, plan, subgroup_chair, as_user):
    first = as_user(subgroup_chair)
    fill_in(first, draft, plan)
    first.logout()
    later = Client()
    later.force_login(subgroup_chair)
    check = later.get(return_url(draft, "check/")).content.decode()
    for answer in (
        "Audit programme agreed",
        "Health data is late",
        "Report slipping to May",
        "Audit done",
        "minutes.pdf",
    ):
        assert answer in check
    actions_page = later.get(return_url(draft, "actions/")).content.decode()
    assert '<option value="A" selected>' in actions_page
    assert ">Report slipping to May</textarea>" in actions_page


def test_submitting_records_each_entry_as_an_update_of_its_action(
    draft, plan, subgroup, subgroup_chair, as_user
):
    client = as_user(subgroup_chair)
    fill_in(client, draft, plan)
    submit(client, draft)
    updates = ActionUpdate.objects.order_by("action__sort_key").values_list(
        "action__ref", "rag", "narrative", "date", "subgroup", "subgroup_return"
    )
    assert list(updates) == [
        ("1.2", "A", "Report slipping to May", PERIOD_END, subgroup.pk, draft.pk),
        ("2.1", "G", "Audit done", PERIOD_END, subgroup.pk, draft.pk),
    ]


def test_submitting_marks_the_return_submitted_by_whom_and_when(
    draft, plan, subgroup_chair, as_user
):
    client = as_user(subgroup_chair)
    fill_in(client, draft, plan)
    before = timezone.now()
    submit(client, draft)
    assert (draft.status, draft.submitted_by) == (
        ReturnStatus.SUBMITTED,
        subgroup_chair,
    )
    assert before <= draft.submitted_at <= timezone.now()
    assert draft.action_entries == {}


def test_submitted_rag_shows_on_the_action_page_and_in_the_plan_counts(
    draft, plan, subgroup_chair, cast, as_user
):
    submit_client = as_user(subgroup_chair)
    fill_in(submit_client, draft, plan)
    submit(submit_client, draft)
    reader = as_user(cast.board_member)
    action_page = reader.get(action_url("1.2"))
    assert action_page.context["current_rag"] == "A"
    assert "Report slipping to May" in action_page.content.decode()
    counts = reader.get(PLAN).context["total_counts"]
    assert (counts.counts["A"], counts.counts["G"], counts.total) == (1, 1, 4)


def test_return_page_lists_the_updates_it_recorded(
    draft, plan, subgroup_chair, cast, as_user
):
    client = as_user(subgroup_chair)
    fill_in(client, draft, plan)
    submit(client, draft)
    updates = as_user(cast.lay_member).get(return_url(draft)).context["updates"]
    assert [(u.ref, u.rag, u.date) for u in updates] == [
        ("1.2", "A", PERIOD_END),
        ("2.1", "G", PERIOD_END),
    ]


def test_updates_are_dated_the_period_end_or_today_if_earlier(subgroup):
    today = timezone.localdate()
    past = SubgroupReturn(subgroup=subgroup, period="2016-17 Q4")
    current = SubgroupReturn(subgroup=subgroup, period=quarter_of(today))
    assert services.return_update_date(past) == PERIOD_END
    assert services.return_update_date(current) == today


def test_editing_after_submission_keeps_the_earlier_version_in_history(
    draft, plan, subgroup_chair, cast, as_user
):
    client = as_user(subgroup_chair)
    fill_in(client, draft, plan)
    submit(client, draft)
    response = client.post(
        return_url(draft, "highlights/"),
        {"highlights": "Audit programme completed", "version": draft.version},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.highlights, draft.status) == (
        "Audit programme completed",
        ReturnStatus.SUBMITTED,
    )
    history = as_user(cast.board_member).get(return_url(draft, "history/"))
    page = history.content.decode()
    assert "“Audit programme agreed” to “Audit programme completed”" in page


def test_resubmitting_records_changed_entries_as_new_updates(
    draft, plan, subgroup_chair, as_user
):
    client = as_user(subgroup_chair)
    fill_in(client, draft, plan)
    submit(client, draft)
    submitted_at = draft.submitted_at
    response = client.post(
        return_url(draft, "actions/"),
        entry_data(plan, a1_2=("G", "Report published")),
    )
    assert response.status_code == 302
    submit(client, draft)
    updates = ActionUpdate.objects.filter(action__ref="1.2").order_by("id")
    assert [(u.rag, u.narrative) for u in updates] == [
        ("A", "Report slipping to May"),
        ("G", "Report published"),
    ]
    assert ActionUpdate.objects.filter(action__ref="2.1").count() == 1
    assert (draft.status, draft.submitted_at) == (ReturnStatus.SUBMITTED, submitted_at)


def test_a_second_return_for_the_period_links_to_the_first(cast, as_user, subgroup):
    first = SubgroupReturn.objects.create(
        subgroup=subgroup, period="2016-17 Q3", created_by=cast.business_team
    )
    response = as_user(cast.business_team).post(
        f"/boards/north/subgroups/{subgroup.pk}/returns/new/", {"period": "2016-17 Q3"}
    )
    page = response.content.decode()
    assert "already has a return for 2016-17 Q3" in page
    assert f'href="/boards/north/returns/{first.pk}/">Open the existing return' in page
    assert SubgroupReturn.objects.filter(subgroup=subgroup).count() == 1
