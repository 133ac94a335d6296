"""The role x page matrix for every page of the risk log."""

from datetime import date

import pytest

from boards.models import Risk
from tests.matrix import (
    MANAGE,
    MANAGE_NOT_OURS,
    MANAGE_POST,
    NOT_OURS,
    READ,
    THEIRS,
    permission_matrix,
)

BASE = "/boards/north/risks/"
ONE = BASE + "{risk}/"
FOREIGN = BASE + "{foreign}/"

# (page, method, expected status per cast member)
MATRIX = [
    (BASE, "get", READ),
    (BASE + "?status=closed", "get", READ),
    (BASE + "?status=all&page=7", "get", READ),
    (BASE + "?status=bogus", "get", READ),
    (BASE + "matrix/", "get", READ),
    (BASE + "new/", "get", MANAGE),
    (BASE + "new/", "post", MANAGE_POST),
    (ONE, "get", READ),
    (ONE + "history/", "get", READ),
    (ONE + "edit/", "get", MANAGE),
    (ONE + "edit/", "post", MANAGE_POST),
    (BASE + "999999/", "get", NOT_OURS),
    (FOREIGN, "get", NOT_OURS),
    (FOREIGN + "history/", "get", NOT_OURS),
    (FOREIGN + "edit/", "post", MANAGE_NOT_OURS),
    ("/boards/south/risks/matrix/", "get", THEIRS),
]


def make_risk(board, title):
    return Risk.objects.create(
        board=board,
        title=title,
        owner="Business team",
        likelihood=3,
        impact=4,
        review_date=date(2030, 1, 1),
    )


@pytest.fixture
def ids(cast):
    return {
        "risk": make_risk(cast.board, "Budget reductions").pk,
        "foreign": make_risk(cast.other_board, "Elsewhere").pk,
    }


def post_data(url):
    data = {
        "title": "Budget reductions",
        "owner": "LSCB Business Group",
        "likelihood": "4",
        "impact": "4",
        "review_date": "2030-06-30",
        "mitigations": "Partners asked to confirm contributions",
    }
    if url.endswith("edit/"):
        data |= {"status": "open", "version": 1}
    return data


def snapshot():
    return list(Risk.objects.order_by("pk").values())


@permission_matrix(MATRIX)
def test_role_page_matrix(cast, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = post_data(url) if method == "post" else {}
    visit(who, method, url, expected, data=data, snapshot=snapshot)


def test_only_managers_see_add_and_change(cast, ids, as_user):
    for who, allowed in [("business_team", True), ("lay_member", False)]:
        client = as_user(cast.user(who))
        assert ("Add a risk" in client.get(BASE).content.decode()) is allowed
        detail = client.get(BASE + f"{ids['risk']}/").content.decode()
        assert ("Change the risk" in detail) is allowed
