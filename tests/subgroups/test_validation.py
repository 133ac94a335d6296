"""Refused input says why and leaves nothing half-saved."""

from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from boards.models import Role
from business_plan.models import ActionUpdate
from subgroups import services
from subgroups.forms import PlanItemForm
from subgroups.models import ReportingPlanItem, ReturnAttachment, Subgroup
from tests.boards.factories import MembershipFactory

from .factories import PlanItemFactory, ReturnFactory
from .helpers import (
    PDF,
    action_id,
    entry_data,
    pdf_upload,
    plan_item_data,
    return_url,
    subgroup_form_data,
)

TYPE_MESSAGE = "The file must be a PDF, Word, Excel, PowerPoint"


@pytest.fixture
def draft(plan, subgroup, subgroup_chair):
    return ReturnFactory(subgroup=subgroup, created_by=subgroup_chair)


# RAG entries ------------------------------------------------------------------


def test_service_refuses_an_entry_for_an_action_the_subgroup_does_not_own(
    draft, plan, subgroup_chair
):
    own = action_id(plan, "1.2")
    draft.action_entries = {str(own): {"rag": "G", "narrative": ""}}
    draft.save()
    with pytest.raises(ValidationError, match="does not own every action"):
        services.return_save_actions(
            subgroup_return=draft,
            entries={own: ("G", ""), action_id(plan, "1.1"): ("G", "Done")},
            user=subgroup_chair,
        )
    draft.refresh_from_db()
    assert draft.action_entries == {str(own): {"rag": "G", "narrative": ""}}


def test_tampered_entry_for_an_action_not_owned_is_ignored(
    draft, plan, subgroup_chair, as_user
):
    client = as_user(subgroup_chair)
    data = entry_data(plan, a1_2=("G", "On track"), a1_1=("C", "Tampered"))
    response = client.post(return_url(draft, "actions/"), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert set(draft.action_entries) == {str(action_id(plan, "1.2"))}
    assert client.post(return_url(draft, "check/")).status_code == 302
    assert list(ActionUpdate.objects.values_list("action__ref", flat=True)) == ["1.2"]


def test_amber_entry_without_narrative_is_refused_and_the_draft_kept(
    draft, plan, subgroup_chair, as_user
):
    services.return_save_actions(
        subgroup_return=draft,
        entries={action_id(plan, "2.1"): ("G", "Audit done")},
        user=subgroup_chair,
    )
    response = as_user(subgroup_chair).post(
        return_url(draft, "actions/"),
        entry_data(plan, a1_2=("A", "  "), a2_1=("C", "Audit reported")),
    )
    assert response.status_code == 200
    assert "Action 1.2: Explain a red or amber rating" in response.content.decode()
    draft.refresh_from_db()
    assert draft.action_entries == {
        str(action_id(plan, "2.1")): {"rag": "G", "narrative": "Audit done"}
    }


def test_submitting_a_draft_with_an_unexplained_red_records_nothing(
    draft, plan, subgroup_chair, as_user
):
    draft.action_entries = {
        str(action_id(plan, "1.2")): {"rag": "G", "narrative": "Fine"},
        str(action_id(plan, "2.1")): {"rag": "R", "narrative": ""},
    }
    draft.save()
    response = as_user(subgroup_chair).post(return_url(draft, "check/"))
    assert response.status_code == 400
    assert "Explain a red or amber rating" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.status, draft.submitted_at) == ("draft", None)
    assert not ActionUpdate.objects.exists()


def test_answers_from_a_stale_page_are_refused(draft, subgroup_chair, as_user):
    client = as_user(subgroup_chair)
    client.post(return_url(draft, "highlights/"), {"highlights": "First", "version": 1})
    response = client.post(
        return_url(draft, "highlights/"), {"highlights": "Second", "version": 1}
    )
    assert response.status_code == 409
    assert "Your changes have not been saved" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.highlights, draft.version) == ("First", 2)


# Subgroups and the planner -------------------------------------------------------


def test_chair_from_another_board_is_refused(cast):
    outsider = MembershipFactory(board=cast.other_board, role=Role.SUBGROUP_CHAIR)
    group = Subgroup(board=cast.board, name="Health Subgroup", chair=outsider)
    with pytest.raises(ValidationError) as refused:
        group.full_clean()
    assert refused.value.message_dict["chair"] == [
        "Choose a member of this board as the chair."
    ]


def test_edit_page_refuses_a_chair_from_another_board(subgroup, cast, as_user):
    outsider = MembershipFactory(board=cast.other_board, role=Role.SUBGROUP_CHAIR)
    chair = subgroup.chair
    response = as_user(cast.business_team).post(
        f"/boards/north/subgroups/{subgroup.pk}/edit/",
        subgroup_form_data(subgroup, chair=outsider.pk, name="Renamed"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["chair"]
    subgroup.refresh_from_db()
    assert (subgroup.chair, subgroup.name, subgroup.version) == (
        chair,
        "Quality Assurance Subgroup",
        1,
    )


def test_unknown_frequency_is_refused_by_the_model(cast):
    item = ReportingPlanItem(board=cast.board, what="Weekly log", frequency="weekly")
    with pytest.raises(ValidationError) as refused:
        item.full_clean()
    assert "frequency" in refused.value.message_dict


def test_unknown_frequency_is_refused_by_the_database(cast):
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanItemFactory(board=cast.board, frequency="weekly")


def test_unknown_frequency_is_refused_by_the_planner_form(cast):
    form = PlanItemForm(plan_item_data(frequency="weekly"), board=cast.board)
    assert form.errors["frequency"] == ["Choose a frequency from the list"]


def test_planner_page_refuses_an_unknown_frequency(cast, as_user):
    response = as_user(cast.business_team).post(
        "/boards/north/planner/new/", plan_item_data(frequency="weekly")
    )
    assert response.status_code == 200
    assert "Choose a frequency from the list" in response.content.decode()
    assert not ReportingPlanItem.objects.exists()


def test_unknown_kind_is_refused_by_the_database(cast):
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanItemFactory(board=cast.board, kind="minutes")


def test_unknown_kind_is_refused_by_the_planner_form(cast):
    form = PlanItemForm(plan_item_data(kind="minutes"), board=cast.board)
    assert form.errors["kind"] == ["Choose a kind of report from the list"]


def test_planner_page_saves_the_kind_of_report(cast, as_user):
    client = as_user(cast.business_team)
    page = client.get("/boards/north/planner/new/").content.decode()
    assert 'name="kind"' in page and "Risk log" in page
    client.post("/boards/north/planner/new/", plan_item_data(kind="risk_log"))
    assert ReportingPlanItem.objects.get().kind == "risk_log"


def test_report_for_another_board_must_name_it(cast, as_user):
    response = as_user(cast.business_team).post(
        "/boards/north/planner/new/", plan_item_data(destination="other_board")
    )
    assert "Name the other board." in response.content.decode()
    assert not ReportingPlanItem.objects.exists()


# Attachments ---------------------------------------------------------------------


def uploaded_files(settings):
    return [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "big.pdf",
            PDF + b"0" * (services.MAX_ATTACHMENT_BYTES + 1 - len(PDF)),
            "The file must be smaller than 10 MB.",
        ),
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00", TYPE_MESSAGE),
        ("report.pdf", b"MZ\x90\x00 not really a PDF", TYPE_MESSAGE),
        ("report", PDF, TYPE_MESSAGE),
    ],
    ids=["too-big", "exe", "pdf-that-is-not", "no-extension"],
)
def test_attachment_refused(
    draft, subgroup_chair, as_user, settings, name, content, message
):
    response = as_user(subgroup_chair).post(
        return_url(draft, "attachments/"),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReturnAttachment.objects.exists()
    assert uploaded_files(settings) == []


def test_attachment_of_exactly_the_largest_size_is_accepted(draft, subgroup_chair):
    content = PDF + b"0" * (services.MAX_ATTACHMENT_BYTES - len(PDF))
    attachment = services.attachment_add(
        subgroup_return=draft,
        upload=pdf_upload(content=content),
        user=subgroup_chair,
    )
    assert attachment.size == services.MAX_ATTACHMENT_BYTES


def test_pdf_is_attached_and_the_business_team_downloads_it(
    draft, subgroup_chair, cast, as_user
):
    response = as_user(subgroup_chair).post(
        return_url(draft, "attachments/"), {"file": pdf_upload("Minutes.PDF")}
    )
    assert response["Location"] == return_url(draft, "attachments/")
    attachment = ReturnAttachment.objects.get()
    assert (attachment.name, attachment.size, attachment.uploaded_by) == (
        "Minutes.PDF",
        len(PDF),
        subgroup_chair,
    )
    address = return_url(draft, f"attachments/{attachment.pk}/")
    # A draft's attachment is not the board's until the return is submitted.
    assert as_user(cast.board_member).get(address).status_code == 404
    download = as_user(cast.business_team).get(address)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"] == 'attachment; filename="Minutes.PDF"'


def test_attachment_with_a_non_ascii_name_downloads_under_that_name(
    draft, subgroup_chair, cast, as_user
):
    """RFC 6266: the name goes in filename*, the header stays a disposition."""
    name = "Minutes – March 2017.pdf"
    as_user(subgroup_chair).post(
        return_url(draft, "attachments/"), {"file": pdf_upload(name)}
    )
    attachment = ReturnAttachment.objects.get()
    download = as_user(cast.business_team).get(
        return_url(draft, f"attachments/{attachment.pk}/")
    )
    disposition = download["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=utf-8''{quote(name)}" in disposition
