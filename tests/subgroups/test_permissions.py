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

# subgroup_chair chairs the subgroup; other_subgroup_chair chairs another one;
# subgroup_member sits on the subgroup without chairing it.
CAST = cast_with("subgroup_chair", "other_subgroup_chair", "subgroup_member")

READ_POST = allow(302, *MEMBERS)
RETURN = allow(200, *MANAGERS, "subgroup_chair")
RETURN_POST = allow(302, *MANAGERS, "subgroup_chair")
# A draft is a 404 for those who may not see it (before any 403): only the business
# team, the chair and the subgroup's own chair and members see it.
DRAFT = allow(200, *MANAGERS, "subgroup_chair", "subgroup_member", others=404)
DRAFT_ENTER = allow(200, *MANAGERS, "subgroup_chair", others=404) | {
    "subgroup_member": 403
}
DRAFT_ENTER_POST = DRAFT_ENTER | {"subgroup_chair": 302, **dict.fromkeys(MANAGERS, 302)}
OTHER_RETURN = allow(200, *MANAGERS, "other_subgroup_chair")
OTHER_RETURN_POST = allow(302, *MANAGERS, "other_subgroup_chair")
OTHER_DRAFT_ENTER = allow(200, *MANAGERS, "other_subgroup_chair", others=404)
OTHER_DRAFT_ENTER_POST = allow(302, *MANAGERS, "other_subgroup_chair", others=404)

SG = "/boards/north/subgroups/{subgroup}/"
RET = "/boards/north/returns/{draft}/"
SUBMITTED = "/boards/north/returns/{submitted}/"
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
    (RET, "get", DRAFT),
    (RET + "history/", "get", DRAFT),
    (RET + "highlights/", "get", DRAFT_ENTER),
    (RET + "highlights/", "post", DRAFT_ENTER_POST),
    (RET + "exceptions/", "get", DRAFT_ENTER),
    (RET + "exceptions/", "post", DRAFT_ENTER_POST),
    (RET + "actions/", "get", DRAFT_ENTER),
    (RET + "actions/", "post", DRAFT_ENTER_POST),
    (RET + "attachments/", "get", DRAFT_ENTER),
    (RET + "attachments/", "post", DRAFT_ENTER_POST),
    (RET + "attachments/{attachment}/", "get", DRAFT),
    (RET + "check/", "get", DRAFT_ENTER),
    (RET + "check/", "post", DRAFT_ENTER_POST),
    (OTHER_RET, "get", allow(200, *MANAGERS, "other_subgroup_chair", others=404)),
    (OTHER_RET + "highlights/", "get", OTHER_DRAFT_ENTER),
    (OTHER_RET + "highlights/", "post", OTHER_DRAFT_ENTER_POST),
    (OTHER_RET + "check/", "post", OTHER_DRAFT_ENTER_POST),
    # Once submitted, a return is the board's: everyone on it reads it.
    (SUBMITTED, "get", READ),
    (SUBMITTED + "history/", "get", READ),
    (SUBMITTED + "attachments/{submitted_attachment}/", "get", READ),
    (SUBMITTED + "highlights/", "get", RETURN),
    (SUBMITTED + "highlights/", "post", RETURN_POST),
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
    """A draft from each subgroup (one with an attachment), a submitted return with
    an attachment, a report due at a board meeting, and a calendar feed for everyone
    on the board."""
    draft = ReturnFactory(subgroup=subgroup, created_by=people["subgroup_chair"])
    attachment = ReturnAttachment.objects.create(
        subgroup_return=draft,
        file=ContentFile(PDF, name="minutes.pdf"),
        name="minutes.pdf",
        size=len(PDF),
        uploaded_by=people["subgroup_chair"],
    )
    submitted = ReturnFactory(
        subgroup=subgroup,
        period="2016-17 Q2",
        status="submitted",
        highlights="Audit done",
        created_by=people["subgroup_chair"],
    )
    submitted_attachment = ReturnAttachment.objects.create(
        subgroup_return=submitted,
        file=ContentFile(PDF, name="report.pdf"),
        name="report.pdf",
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
        "submitted": submitted.pk,
        "submitted_attachment": submitted_attachment.pk,
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


# Draft returns through the API and the subgroup's list: the same rule as the pages.
SEES_DRAFT = {"chair", "business_team", "subgroup_chair", "subgroup_member"}


@pytest.mark.parametrize("who", [w for w in CAST if w != "anonymous"])
def test_draft_return_api_follows_the_page_rule(ids, cast_member, as_user, who):
    client = as_user(cast_member(who))
    api = "/api/v1/subgroup-returns/"
    listed = {row["id"] for row in client.get(api).json()["results"]}
    mine = who in SEES_DRAFT
    assert (ids["draft"] in listed) is mine
    assert (ids["submitted"] in listed) is (who != "other_board_member")
    expected = 200 if mine else 404
    assert client.get(f"{api}{ids['draft']}/").status_code == expected


@pytest.mark.parametrize("who", [w for w in MEMBERS if w in CAST])
def test_subgroup_page_lists_a_draft_only_to_those_who_see_it(
    ids, cast_member, as_user, who
):
    page = as_user(cast_member(who)).get(SG.format(**ids)).content.decode()
    assert ("2016-17 Q4" in page) is (who in SEES_DRAFT)
    assert "2016-17 Q2" in page


def test_each_view_of_a_draft_is_logged_and_a_submitted_return_is_not(
    ids, cast, as_user
):
    from boards.models import RecordView

    client = as_user(cast.business_team)
    draft = f"/boards/north/returns/{ids['draft']}/"
    assert client.get(draft).status_code == 200
    assert client.get(f"/api/v1/subgroup-returns/{ids['draft']}/").status_code == 200
    views = list(RecordView.objects.order_by("pk"))
    assert [(v.user, v.record.pk) for v in views] == [
        (cast.business_team, ids["draft"]),
        (cast.business_team, ids["draft"]),
    ]
    assert views[0].via == f"subgroups:return {draft}"
    assert views[1].via.startswith("API GET")
    client.get(f"/boards/north/returns/{ids['submitted']}/")
    assert RecordView.objects.count() == 2


def test_an_ended_seat_on_the_subgroup_no_longer_shows_its_drafts(
    ids, cast, subgroup, subgroup_member, as_user
):
    from datetime import timedelta

    from django.utils import timezone

    from boards.models import Membership, Role
    from tests.boards.factories import MembershipFactory

    draft = f"/boards/north/returns/{ids['draft']}/"
    # Still on the board in another seat, but no longer on the subgroup.
    MembershipFactory(
        board=cast.board,
        user=subgroup_member,
        role=Role.LAY_MEMBER,
    )
    seat = Membership.objects.get(user=subgroup_member, subgroups=subgroup)
    seat.member_to = timezone.localdate() - timedelta(days=1)
    seat.save()
    assert as_user(subgroup_member).get(draft).status_code == 404
