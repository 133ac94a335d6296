"""The role x page matrix for the budget's pages."""

from decimal import Decimal

import pytest

from boards.models import Contribution, Spend
from tests.matrix import MANAGE, MANAGE_POST, READ, permission_matrix

BUDGET = "/boards/north/budget/"

# (page, method, expected status per cast member)
MATRIX = [
    (BUDGET, "get", READ),
    (BUDGET + "?year=2016", "get", READ),
    (BUDGET + "contributions/new/?year=2016", "get", MANAGE),
    (BUDGET + "contributions/new/", "post", MANAGE_POST),
    (BUDGET + "contributions/{contribution}/edit/", "get", MANAGE),
    (BUDGET + "contributions/{contribution}/edit/", "post", MANAGE_POST),
    (BUDGET + "contributions/{contribution}/remove/", "get", MANAGE),
    (BUDGET + "contributions/{contribution}/remove/", "post", MANAGE_POST),
    (BUDGET + "spend/new/", "get", MANAGE),
    (BUDGET + "spend/new/", "post", MANAGE_POST),
    (BUDGET + "spend/{spend}/edit/", "get", MANAGE),
    (BUDGET + "spend/{spend}/edit/", "post", MANAGE_POST),
    (BUDGET + "spend/{spend}/remove/", "get", MANAGE),
    (BUDGET + "spend/{spend}/remove/", "post", MANAGE_POST),
]


@pytest.fixture
def ids(cast):
    contribution = Contribution.objects.create(
        board=cast.board, year=2016, agency=cast.agency_x, amount=Decimal("13811")
    )
    spend = Spend.objects.create(
        board=cast.board, year=2016, heading="Fees", amount=Decimal("2919")
    )
    return {"contribution": contribution.pk, "spend": spend.pk}


def post_data(url, cast):
    if "/contributions/new/" in url:
        return {"year": "2016", "agency": cast.agency_y.pk, "amount": "550"}
    if "/contributions/" in url:
        return {"year": "2016", "agency": cast.agency_x.pk, "amount": "13812"}
    if "/spend/new/" in url:
        return {"year": "2016", "heading": "Office Costs", "amount": "95931"}
    return {"year": "2016", "heading": "Fees", "amount": "2920"}


def snapshot():
    return [
        list(model.objects.order_by("pk").values()) for model in (Contribution, Spend)
    ]


@permission_matrix(MATRIX)
def test_role_page_matrix(cast, ids, visit, who, method, url, expected):
    url = url.format(**ids)
    data = post_data(url, cast) if method == "post" else {}
    visit(who, method, url, expected, data=data, snapshot=snapshot)


def test_only_managers_see_the_add_change_and_remove_links(cast, ids, as_user):
    for who, shown in [("business_team", True), ("board_member", False)]:
        html = as_user(cast.user(who)).get(BUDGET).content.decode()
        assert ("Add a contribution" in html) is shown
        assert (f"contributions/{ids['contribution']}/edit/" in html) is shown


def test_another_boards_lines_are_404_even_for_managers(cast, as_user):
    theirs = Spend.objects.create(
        board=cast.other_board, year=2016, heading="Fees", amount=Decimal("1")
    )
    client = as_user(cast.chair)
    assert client.get(f"{BUDGET}spend/{theirs.pk}/edit/").status_code == 404
    assert client.post(f"{BUDGET}spend/{theirs.pk}/remove/").status_code == 404
    assert Spend.objects.filter(pk=theirs.pk).exists()
