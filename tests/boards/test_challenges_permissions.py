"""The role x page matrix for every page of the challenge log."""

from datetime import date

import pytest

from boards.models import ChallengeLogEntry, Membership
from tests.boards.factories import AgencyFactory
from tests.matrix import (
    MANAGE,
    MANAGE_NOT_OURS,
    MANAGE_POST,
    MANAGERS,
    NOT_OURS,
    READ,
    THEIRS,
    allow,
    permission_matrix,
)

# Board and lay members raise challenges as the managers do; contributors do not.
LOG = allow(200, *MANAGERS, "board_member", "lay_member")
LOG_POST = allow(302, *MANAGERS, "board_member", "lay_member")

BASE = "/boards/north/challenges/"
ONE = BASE + "{challenge}/"
FOREIGN = BASE + "{foreign}/"

# (page, method, expected status per cast member)
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
    (FOREIGN + "edit/", "get", MANAGE_NOT_OURS),
    (FOREIGN + "respond/", "post", MANAGE_NOT_OURS),
    ("/boards/south/challenges/", "get", THEIRS),
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


@permission_matrix(MATRIX)
def test_role_page_matrix(cast, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = post_data(url, cast, cast.user(who), ids) if method == "post" else {}
    visit(who, method, url, expected, data=data, snapshot=snapshot)


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
