"""The role x page matrix of the good practice catalogue: every member reads it;
the business team and chair add and change any example, an agency contributor
only its own agency's; another board's member gets a 404."""

import pytest

from good_practice.models import GoodPracticeExample
from tests.matrix import MANAGERS, NOT_OURS, READ, allow, permission_matrix

from .factories import GOOD_PRACTICE, GoodPracticeExampleFactory, example_form

ADD = allow(200, *MANAGERS, "contributor_x", "contributor_y")
ADD_POST = allow(302, *MANAGERS, "contributor_x", "contributor_y")
EDIT_X = allow(200, *MANAGERS, "contributor_x")
EDIT_X_POST = allow(302, *MANAGERS, "contributor_x")

MATRIX = [
    (GOOD_PRACTICE, "get", READ),
    (f"{GOOD_PRACTICE}?year=2016-17&agency={{agency_x}}", "get", READ),
    (f"{GOOD_PRACTICE}new/", "get", ADD),
    (f"{GOOD_PRACTICE}new/", "post", ADD_POST),
    (f"{GOOD_PRACTICE}{{example_x}}/", "get", READ),
    (f"{GOOD_PRACTICE}{{example_x}}/history/", "get", READ),
    (f"{GOOD_PRACTICE}{{example_x}}/edit/", "get", EDIT_X),
    (f"{GOOD_PRACTICE}{{example_x}}/edit/", "post", EDIT_X_POST),
    (f"{GOOD_PRACTICE}{{theirs}}/", "get", NOT_OURS),
    (f"{GOOD_PRACTICE}{{theirs}}/history/", "get", NOT_OURS),
]


@pytest.fixture
def ids(cast):
    example_x = GoodPracticeExampleFactory(board=cast.board, agency=cast.agency_x)
    theirs = GoodPracticeExampleFactory(board=cast.other_board)
    return {
        "example_x": example_x.pk,
        "theirs": theirs.pk,
        "agency_x": cast.agency_x.pk,
    }


def snapshot():
    return sorted(GoodPracticeExample.objects.values_list("pk", "version", "title"))


@permission_matrix(MATRIX)
def test_permission_matrix(cast, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = None
    if method == "post":
        # Each contributor posts for its own agency; others for agency X.
        agency = cast.agency_y if who == "contributor_y" else cast.agency_x
        data = example_form(agency, version=1)
    visit(who, method, url, expected, data=data, snapshot=snapshot)


def test_a_contributor_cannot_add_an_example_for_another_agency(cast, as_user):
    client = as_user(cast.contributor_y)
    response = client.post(f"{GOOD_PRACTICE}new/", example_form(cast.agency_x))
    assert response.status_code == 200
    assert "Select the agency whose practice it is" in response.content.decode()
    assert not GoodPracticeExample.objects.exists()


def test_a_contributor_is_offered_only_its_own_agency(cast, as_user):
    page = as_user(cast.contributor_x).get(f"{GOOD_PRACTICE}new/").content.decode()
    assert cast.agency_x.name in page
    assert cast.agency_y.name not in page


def test_no_add_button_for_a_member_who_cannot_add(cast, as_user):
    page = as_user(cast.board_member).get(GOOD_PRACTICE).content.decode()
    assert "Add a good practice example" not in page
    page = as_user(cast.contributor_x).get(GOOD_PRACTICE).content.decode()
    assert "Add a good practice example" in page
