"""Addresses and form data shared by the return tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

from business_plan.models import Action

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def return_url(subgroup_return, page=""):
    return f"/boards/north/returns/{subgroup_return.pk}/{page}"


def action_id(plan, ref) -> int:
    return Action.objects.get(plan=plan, ref=ref).pk


def entry_data(plan, **rags_and_narratives):
    """Actions-page data: entry_data(plan, a1_2=("A", "Slipping")) for action 1.2."""
    data = {}
    for key, (rag, narrative) in rags_and_narratives.items():
        pk = action_id(plan, key[1:].replace("_", "."))
        data |= {f"a{pk}-rag": rag, f"a{pk}-narrative": narrative}
    return data


def pdf_upload(name="minutes.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def subgroup_form_data(subgroup, **changes):
    """Everything the subgroup's edit page posts, as it stands, with changes."""
    data = {
        "name": subgroup.name,
        "kind": subgroup.kind,
        "parent": subgroup.parent_id or "",
        "purpose": subgroup.purpose,
        "chair": subgroup.chair_id or "",
        "vice_chair": subgroup.vice_chair_id or "",
        "members": [m.pk for m in subgroup.members.all()],
        "member_agencies": [a.pk for a in subgroup.member_agencies.all()],
        "meeting_frequency": subgroup.meeting_frequency,
        "active_from": "",
        "active_to": "",
        "terms_review_date": "",
        "version": subgroup.version,
    }
    return data | changes


def plan_item_data(**changes):
    """What the planner's add-a-report page posts."""
    data = {
        "what": "Annual Report of the Child Death Overview Panel",
        "kind": "child_deaths",
        "subgroup": "",
        "producer": "CDOP manager",
        "tells": "Child deaths reviewed and their modifiable factors.",
        "frequency": "annually",
        "month": 7,
        "destination": "board",
        "destination_other": "",
        "deadline_working_days": 5,
    }
    return data | changes
