"""The subgroups list on the list component: the tree by default, sorting, the
exports and their query budget."""

import pytest

from subgroups.models import Subgroup
from tests import lists

from .test_query_budgets import add_subgroups

LIST = "/boards/north/subgroups/"


@pytest.fixture
def groups(cast):
    chair = cast.chair.memberships.get()
    top = Subgroup.objects.create(
        board=cast.board, name="Quality Assurance", kind="subgroup", chair=chair
    )
    Subgroup.objects.create(
        board=cast.board, name="Audit task group", kind="task_and_finish", parent=top
    )
    Subgroup.objects.create(board=cast.board, name="Child Sexual Exploitation")
    return top


def test_the_tree_comes_first_then_sorts_and_ignores_unknown_keys(
    cast, as_user, groups
):
    client = as_user(cast.board_member)
    tree = lists.all_rows(client, LIST)
    assert [row[0] for row in tree] == [
        "Child Sexual Exploitation",
        "Quality Assurance",
        "Audit task group",
    ]
    assert 'class="portal-indent"' in client.get(LIST).content.decode()
    ascending = lists.assert_sorts(client, LIST, "group")
    assert [row[0] for row in ascending] == [
        "Audit task group",
        "Child Sexual Exploitation",
        "Quality Assurance",
    ]
    assert (
        'class="portal-indent"'
        not in client.get(LIST, {"sort": "group"}).content.decode()
    )


def test_the_list_exports_every_group(cast, as_user, groups):
    rows = lists.assert_exports(as_user(cast.lay_member), LIST, {"sort": "chair"})
    assert len(rows) == 3
    chairs = {row[0]: row[2] for row in rows}
    assert chairs["Audit task group"] == "–"
    assert chairs["Quality Assurance"] != "–"


def test_exported_names_are_neutralised(cast, as_user):
    Subgroup.objects.create(board=cast.board, name="=2+5")
    rows = lists.export(as_user(cast.board_member), LIST, "csv")
    assert rows[1][0] == "'=2+5"


def test_another_board_cannot_export_the_list(cast, as_user, groups):
    client = as_user(cast.other_board_member)
    assert client.get(LIST, {"export": "xlsx"}).status_code == 404


@pytest.mark.parametrize("size", [10, 200])
def test_subgroup_export_runs_bounded_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    add_subgroups(cast.board, size)
    client = as_user(cast.board_member)
    for kind in ("csv", "xlsx"):
        with django_assert_max_num_queries(5):
            response = client.get(LIST, {"export": kind, "sort": "kind"})
        assert response.status_code == 200
    assert len(lists.export(client, LIST, "csv")) == size + 1
