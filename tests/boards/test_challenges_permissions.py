"""The role x page matrix for every page of the challenge log."""

from datetime import date

import pytest

from boards.models import ChallengeLogEntry, Membership
from tests.boards.factories import AgencyFactory

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
LOG = [200, 200, 200, 200, 403, 403, 404, 302]
LOG_POST = [302, 302, 302, 302, 403, 403, 404, 302]
MANAGE = [200, 200, 403, 403, 403, 403, 404, 302]
MANAGE_POST = [302, 302, 403, 403, 403, 403, 404, 302]
NOT_OURS = [404, 404, 404, 404, 404, 404, 404, 302]

BASE = "/boards/north/challenges/"
ONE = BASE + "{challenge}/"
FOREIGN = BASE + "{foreign}/"

# (page, method, expected status per cast member, in CAST order)
MATRIX = [
    (BASE, "get", READ),
    (BASE + "?agency_challenged={agency}&year=2016-17&status=open", "get", READ),
    (BASE + "?year=nonsense&page=99", "get", READ),
    (BASE + "new/", "get", LOG),
    (BASE + "new/", "post", LOG_POST),
    (ONE, "get", READ),
    (ONE + "history/", "get", READ),
    (ONE + "edit/", "get", MANAGE),
    (ONE + "edit/", "post", MANAGE_POST),
    (ONE + "respond/", "get", MANAGE),
    (ONE + "respond/", "post", MANAGE_POST),
    (BASE + "999999/", "get", NOT_OURS),
    # Another board's challenge under this board's address.
    (FOREIGN, "get", NOT_OURS),
    (FOREIGN + "history/", "get", NOT_OURS),
    (FOREIGN + "edit/", "get", [404, 404, 403, 403, 403, 403, 404, 302]),
    (FOREIGN + "respond/", "post", [404, 404, 403, 403, 403, 403, 404, 302]),
    ("/boards/south/challenges/", "get", [404] * 6 + [200, 302]),
]

CASES = [
    (who, method, url, statuses[index])
    for url, method, statuses in MATRIX
    for index, who in enumerate(CAST)
]


@pytest.fixture
def ids(cast):
    seat = Membership.objects.get(board=cast.board, user=cast.board_member)
    challenge = ChallengeLogEntry.objects.create(
        board=cast.board,
        date=date(2016, 10, 5),
        raised_by=seat,
        raised_by_agency=cast.agency_x,
        agency_challenged=cast.agency_y,
        subject="Early help closures",
    )
    other_seat = Membership.objects.get(user=cast.other_board_member)
    foreign = ChallengeLogEntry.objects.create(
        board=cast.other_board,
        date=date(2016, 10, 5),
        raised_by=other_seat,
        agency_challenged=AgencyFactory(board=cast.other_board),
        subject="Elsewhere",
    )
    return {
        "challenge": challenge.pk,
        "foreign": foreign.pk,
        "agency": cast.agency_y.pk,
    }


def post_data(url, cast, user, ids):
    if url.endswith("new/"):
        own = Membership.objects.filter(board=cast.board, user=user).first()
        return {
            "date": "2017-01-12",
            "raised_by": (own or Membership.objects.filter(board=cast.board)[0]).pk,
            "agency_challenged": cast.agency_x.pk,
            "subject": "Return home interviews",
        }
    if url.endswith("edit/"):
        return {
            "date": "2016-10-06",
            "raised_by": Membership.objects.get(
                board=cast.board, user=cast.lay_member
            ).pk,
            "agency_challenged": cast.agency_x.pk,
            "subject": "Early help closures (revised)",
            "version": 1,
        }
    return {
        "response": "Data cleansing commissioned",
        "outcome": "Closure reasons now recorded",
        "status": "closed",
        "version": 1,
    }


def snapshot():
    return list(ChallengeLogEntry.objects.order_by("pk").values())


@pytest.mark.parametrize(("who", "method", "url", "expected"), CASES)
def test_role_page_matrix(cast, ids, as_user, who, method, url, expected):
    user = cast.user(who)
    client = as_user(user)
    url = url.format(**ids)
    data = post_data(url, cast, user, ids) if method == "post" else {}
    before = snapshot()
    response = getattr(client, method)(url, data)
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"].startswith("/accounts/sign-in/?next=")
    if method == "post":
        changed = snapshot() != before
        assert changed is (expected == 302 and who != "anonymous")


def test_only_those_who_may_act_see_the_buttons(cast, ids, as_user):
    detail = BASE + f"{ids['challenge']}/"
    for who, raise_button, manage_links in [
        ("chair", True, True),
        ("board_member", True, False),
        ("contributor_x", False, False),
    ]:
        client = as_user(cast.user(who))
        assert ("Raise a challenge" in client.get(BASE).content.decode()) is (
            raise_button
        )
        page = client.get(detail).content.decode()
        assert ("Record the response and outcome" in page) is manage_links
        assert ("Change the challenge" in page) is manage_links
