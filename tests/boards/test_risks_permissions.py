"""The role x page matrix for every page of the risk log."""

from datetime import date

import pytest

from boards.models import Risk

CAST = [
    "chair",
    "business_team",
    "board_member",
    "lay_member",
    "contributor_x",
    "contributor_y",
    "other_board_member",
    "anonymous",
]

READ = [200, 200, 200, 200, 200, 200, 404, 302]
MANAGE = [200, 200, 403, 403, 403, 403, 404, 302]
MANAGE_POST = [302, 302, 403, 403, 403, 403, 404, 302]
NOT_OURS = [404, 404, 404, 404, 404, 404, 404, 302]

BASE = "/boards/north/risks/"
ONE = BASE + "{risk}/"
FOREIGN = BASE + "{foreign}/"

# (page, method, expected status per cast member, in CAST order)
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
    (FOREIGN + "edit/", "post", [404, 404, 403, 403, 403, 403, 404, 302]),
    ("/boards/south/risks/matrix/", "get", [404] * 6 + [200, 302]),
]

CASES = [
    (who, method, url, statuses[index])
    for url, method, statuses in MATRIX
    for index, who in enumerate(CAST)
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


@pytest.mark.parametrize(("who", "method", "url", "expected"), CASES)
def test_role_page_matrix(cast, ids, as_user, who, method, url, expected):
    client = as_user(cast.user(who))
    url = url.format(**ids)
    data = post_data(url) if method == "post" else {}
    before = snapshot()
    response = getattr(client, method)(url, data)
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"].startswith("/accounts/sign-in/?next=")
    if method == "post":
        changed = snapshot() != before
        assert changed is (expected == 302 and who != "anonymous")


def test_only_managers_see_add_and_change(cast, ids, as_user):
    for who, allowed in [("business_team", True), ("lay_member", False)]:
        client = as_user(cast.user(who))
        assert ("Add a risk" in client.get(BASE).content.decode()) is allowed
        detail = client.get(BASE + f"{ids['risk']}/").content.decode()
        assert ("Change the risk" in detail) is allowed
