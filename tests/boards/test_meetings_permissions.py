"""The role x page matrix for meetings and the members directory: every page, and
for each POST that the database changed exactly when it was allowed."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from boards.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    MeetingAction,
    Membership,
)
from tests.matrix import (
    MANAGE,
    MANAGE_NOT_OURS,
    MANAGE_POST,
    NOT_OURS,
    READ,
    THEIRS,
    permission_matrix,
)

from .test_meetings_data import AgendaItemFactory, MeetingActionFactory, MeetingFactory

# A confidential item: a 404 for those who may not see it, before any 403.
# Only the chair, board members and the business team see one (its help text).
HIDDEN = dict.fromkeys(("lay_member", "contributor_x", "contributor_y"), 404)
SECRET_MANAGE = MANAGE | HIDDEN
SECRET_MANAGE_POST = MANAGE_POST | HIDDEN
SECRET_READ = READ | HIDDEN

M = "/boards/north/meetings/{meeting}/"
ITEM = M + "items/{item}/"
SECRET = M + "items/{secret}/"
MEMBER = "/boards/north/members/{member}/"

# (page, method, expected status per cast member)
MATRIX = [
    ("/boards/north/meetings/", "get", READ),
    ("/boards/north/meetings/?page=2", "get", READ),
    ("/boards/north/meetings/new/", "get", MANAGE),
    ("/boards/north/meetings/new/", "post", MANAGE_POST),
    (M, "get", READ),
    (M + "history/", "get", READ),
    (M + "edit/", "get", MANAGE),
    (M + "edit/", "post", MANAGE_POST),
    (M + "approve-minutes/", "get", MANAGE),
    (M + "approve-minutes/", "post", MANAGE_POST),
    (M + "attendance/", "get", MANAGE),
    (M + "attendance/", "post", MANAGE_POST),
    (M + "items/new/", "get", MANAGE),
    (M + "items/new/", "post", MANAGE_POST),
    (ITEM + "edit/", "get", MANAGE),
    (ITEM + "edit/", "post", MANAGE_POST),
    (ITEM + "minutes/", "get", MANAGE),
    (ITEM + "minutes/", "post", MANAGE_POST),
    (ITEM + "paper/", "get", READ),
    (ITEM + "declarations/new/", "get", MANAGE),
    (ITEM + "declarations/new/", "post", MANAGE_POST),
    (SECRET + "edit/", "get", SECRET_MANAGE),
    (SECRET + "edit/", "post", SECRET_MANAGE_POST),
    (SECRET + "minutes/", "get", SECRET_MANAGE),
    (SECRET + "minutes/", "post", SECRET_MANAGE_POST),
    (SECRET + "paper/", "get", SECRET_READ),
    (SECRET + "declarations/new/", "get", SECRET_MANAGE),
    (SECRET + "declarations/new/", "post", SECRET_MANAGE_POST),
    (M + "actions/new/", "get", MANAGE),
    (M + "actions/new/", "post", MANAGE_POST),
    (M + "actions/{action}/", "get", MANAGE),
    (M + "actions/{action}/", "post", MANAGE_POST),
    ("/boards/north/members/", "get", READ),
    ("/boards/north/members/?year=2016", "get", READ),
    (MEMBER, "get", READ),
    (MEMBER + "history/", "get", READ),
    (MEMBER + "edit/", "get", MANAGE),
    (MEMBER + "edit/", "post", MANAGE_POST),
    (MEMBER + "declarations/new/", "get", MANAGE),
    (MEMBER + "declarations/new/", "post", MANAGE_POST),
    # Another board's records under this board's address, and missing ones.
    ("/boards/north/meetings/{elsewhere}/", "get", NOT_OURS),
    ("/boards/north/meetings/{elsewhere}/edit/", "get", MANAGE_NOT_OURS),
    ("/boards/north/members/{stranger}/", "get", NOT_OURS),
    (M + "items/999999/paper/", "get", NOT_OURS),
    (M + "actions/999999/", "get", MANAGE_NOT_OURS),
    ("/boards/south/meetings/{elsewhere}/", "get", THEIRS),
]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ids(cast):
    meeting = MeetingFactory(board=cast.board, date=date(2016, 5, 12))
    MeetingFactory(board=cast.board, date=date(2016, 7, 14))
    paper = b"%PDF-1.4 paper"
    item = AgendaItemFactory(
        meeting=meeting, order=1, paper_file=SimpleUploadedFile("a.pdf", paper)
    )
    secret = AgendaItemFactory(
        meeting=meeting,
        order=2,
        confidential=True,
        paper_file=SimpleUploadedFile("b.pdf", paper),
    )
    return {
        "meeting": meeting.pk,
        "item": item.pk,
        "secret": secret.pk,
        "action": MeetingActionFactory(meeting=meeting).pk,
        "member": cast.board_member.memberships.get().pk,
        "stranger": cast.other_board_member.memberships.get().pk,
        "elsewhere": MeetingFactory(board=cast.other_board, date=date(2016, 5, 12)).pk,
    }


def post_data(url, cast, ids):
    meeting = Meeting.objects.get(pk=ids["meeting"])
    member = Membership.objects.get(pk=ids["member"])
    if url.endswith("meetings/new/"):
        return {"kind": "board", "date": "2016-09-08", "location": "Carlisle"}
    if url.endswith(f"meetings/{meeting.pk}/edit/"):
        return {
            "kind": "board",
            "date": "2016-05-12",
            "location": "Kendal",
            "version": meeting.version,
        }
    if url.endswith("approve-minutes/"):
        approving = Meeting.objects.get(board=cast.board, date=date(2016, 7, 14))
        return {"approving": approving.pk, "version": meeting.version}
    if url.endswith("attendance/"):
        data = {}
        for m in cast.board.memberships.filter(
            role__in=["chair", "board_member", "lay_member"]
        ):
            data |= {f"m{m.pk}-status": "present", f"m{m.pk}-deputy": ""}
        return data
    if url.endswith("items/new/"):
        return {"order": 9, "title": "Any other business"}
    if url.endswith("/edit/") and "/items/" in url:
        return {"order": 5, "title": "Changed title", "presenter": "Chair"}
    if url.endswith("minutes/"):
        return {"minutes": "Noted.", "decisions": "Agreed."}
    if url.endswith("declarations/new/") and "/items/" in url:
        return {
            "membership": member.pk,
            "interest": "A trustee",
            "declared_on": "2016-05-12",
        }
    if url.endswith("actions/new/"):
        return {"description": "Write to partners", "owner_text": "Business Group"}
    if "/actions/" in url:
        return {
            "status": "closed",
            "update": "Done",
            "closed_on": "2016-06-01",
            "version": 1,
        }
    if url.endswith("declarations/new/"):
        return {"year": 2016, "interest": "None", "declared_on": "2016-05-12"}
    if url.endswith("edit/"):  # a member
        return {
            "member_from": "2015-04-01",
            "induction_done": "2015-05-01",
            "version": member.version,
        }
    raise AssertionError(f"no data for {url}")


def snapshot():
    """Everything a page of the matrix could write."""
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Meeting,
            AgendaItem,
            Attendance,
            MeetingAction,
            Declaration,
            Membership,
        )
    ]


@permission_matrix(MATRIX)
def test_role_page_matrix(cast, ids, visit, who, method, url, expected):
    address = url.format(**ids)
    data = post_data(address, cast, ids) if method == "post" else {}
    visit(who, method, address, expected, data=data, snapshot=snapshot)
