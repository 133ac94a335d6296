"""The role x page matrix for every page of the subgroups app (and the board's
meetings pages). The .ics feed signs in by token: see test_calendar."""

from datetime import date

import pytest
from django.core.files.base import ContentFile

from boards.models import Meeting
from business_plan.models import ActionUpdate
from subgroups.models import (
    CalendarFeed,
    MeetingPaper,
    ReportingPlanItem,
    ReturnAttachment,
    Subgroup,
    SubgroupReturn,
)
from tests.matrix import (
    MANAGE,
    MANAGE_POST,
    MANAGERS,
    MEMBERS,
    READ,
    allow,
    cast_with,
    permission_matrix,
)

from .factories import MeetingFactory, PlanItemFactory, ReturnFactory
from .helpers import PDF, entry_data, pdf_upload, plan_item_data, subgroup_form_data

# subgroup_chair chairs the subgroup; other_subgroup_chair chairs another one.
CAST = cast_with("subgroup_chair", "other_subgroup_chair")

READ_POST = allow(302, *MEMBERS)
RETURN = allow(200, *MANAGERS, "subgroup_chair")
RETURN_POST = allow(302, *MANAGERS, "subgroup_chair")
OTHER_RETURN = allow(200, *MANAGERS, "other_subgroup_chair")
OTHER_RETURN_POST = allow(302, *MANAGERS, "other_subgroup_chair")

SG = "/boards/north/subgroups/{subgroup}/"
RET = "/boards/north/returns/{draft}/"
OTHER_RET = "/boards/north/returns/{other_draft}/"

# (page, method, expected status per cast member)
MATRIX = [
    ("/boards/north/subgroups/", "get", READ),
    (SG, "get", READ),
    (SG + "edit/", "get", MANAGE),
    (SG + "edit/", "post", MANAGE_POST),
    (SG + "history/", "get", READ),
    (SG + "returns/new/", "get", RETURN),
    (SG + "returns/new/", "post", RETURN_POST),
    ("/boards/north/subgroups/{other_subgroup}/returns/new/", "get", OTHER_RETURN),
    (
        "/boards/north/subgroups/{other_subgroup}/returns/new/",
        "post",
        OTHER_RETURN_POST,
    ),
    (RET, "get", READ),
    (RET + "history/", "get", READ),
    (RET + "highlights/", "get", RETURN),
    (RET + "highlights/", "post", RETURN_POST),
    (RET + "exceptions/", "get", RETURN),
    (RET + "exceptions/", "post", RETURN_POST),
    (RET + "actions/", "get", RETURN),
    (RET + "actions/", "post", RETURN_POST),
    (RET + "attachments/", "get", RETURN),
    (RET + "attachments/", "post", RETURN_POST),
    (RET + "attachments/{attachment}/", "get", READ),
    (RET + "check/", "get", RETURN),
    (RET + "check/", "post", RETURN_POST),
    (OTHER_RET + "highlights/", "get", OTHER_RETURN),
    (OTHER_RET + "highlights/", "post", OTHER_RETURN_POST),
    (OTHER_RET + "check/", "post", OTHER_RETURN_POST),
    ("/boards/north/planner/", "get", READ),
    ("/boards/north/planner/?year=2016", "get", READ),
    ("/boards/north/planner/new/", "get", MANAGE),
    ("/boards/north/planner/new/", "post", MANAGE_POST),
    ("/boards/north/planner/{item}/edit/", "get", MANAGE),
    ("/boards/north/planner/{item}/edit/", "post", MANAGE_POST),
    ("/boards/north/meetings/{meeting}/papers/", "get", READ),
    ("/boards/north/meetings/{meeting}/papers/", "post", MANAGE_POST),
    ("/boards/north/calendar/", "get", READ),
    ("/boards/north/calendar/", "post", READ_POST),
    ("/boards/north/meetings/", "get", READ),
    ("/boards/north/meetings/new/", "get", MANAGE),
    ("/boards/north/meetings/new/", "post", MANAGE_POST),
]


@pytest.fixture
def people(cast_member):
    return {name: cast_member(name) for name in CAST}


@pytest.fixture
def ids(plan, cast, subgroup, other_subgroup, people):
    """A draft from each subgroup (one with an attachment), a report due at a board
    meeting, and a calendar feed for everyone on the board."""
    draft = ReturnFactory(subgroup=subgroup, created_by=people["subgroup_chair"])
    attachment = ReturnAttachment.objects.create(
        subgroup_return=draft,
        file=ContentFile(PDF, name="minutes.pdf"),
        name="minutes.pdf",
        size=len(PDF),
        uploaded_by=people["subgroup_chair"],
    )
    other_draft = ReturnFactory(
        subgroup=other_subgroup, created_by=people["other_subgroup_chair"]
    )
    item = PlanItemFactory(board=cast.board, subgroup=subgroup)
    meeting = MeetingFactory(board=cast.board, date=date(2016, 7, 14))
    for user in people.values():
        if user is not None and user.memberships.filter(board=cast.board).exists():
            CalendarFeed.objects.create(user=user, board=cast.board)
    return {
        "subgroup": subgroup.pk,
        "other_subgroup": other_subgroup.pk,
        "draft": draft.pk,
        "other_draft": other_draft.pk,
        "attachment": attachment.pk,
        "item": item.pk,
        "meeting": meeting.pk,
    }


def post_data(url, plan, subgroup, ids):
    if url.endswith("/edit/") and "/subgroups/" in url:
        return subgroup_form_data(subgroup, name="Quality and Audit Subgroup")
    if url.endswith("returns/new/"):
        return {"period": "2016-17 Q3"}
    if url.endswith("highlights/"):
        return {"highlights": "Audit programme agreed", "version": 1}
    if url.endswith("exceptions/"):
        return {"exceptions": "Late health data", "risks": "", "version": 1}
    if url.endswith("actions/"):
        return entry_data(plan, a1_2=("G", "On track"))
    if url.endswith("attachments/"):
        return {"file": pdf_upload()}
    if url.endswith("planner/new/"):
        return plan_item_data()
    if url.endswith("/edit/"):
        return plan_item_data(what="Renamed report")
    if url.endswith("papers/"):
        return {"plan_item": ids["item"], "note": "Tabled"}
    if url.endswith("meetings/new/"):
        return {"kind": "board", "date": "2017-05-11", "starts_at": "10:00"}
    return {}  # submit a return; make a new calendar address


def snapshot():
    """Everything a page of the matrix could write."""
    models = (
        Subgroup,
        SubgroupReturn,
        ReturnAttachment,
        ReportingPlanItem,
        MeetingPaper,
        CalendarFeed,
        ActionUpdate,
        Meeting,
    )
    return [list(m.objects.order_by("pk").values()) for m in models]


@permission_matrix(MATRIX, cast=CAST)
def test_role_page_matrix(plan, subgroup, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = post_data(url.split("?")[0], plan, subgroup, ids) if method == "post" else {}
    visit(who, method, url, expected, data=data, snapshot=snapshot)
