"""The subgroups list and a subgroup's returns on the list component: the tree by
default, sorting, the exports and their query budgets."""

from datetime import datetime

import pytest
from django.utils import timezone

from subgroups.models import Subgroup, SubgroupReturn
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


# A subgroup's returns ---------------------------------------------------------------


def returns_url(subgroup):
    return f"/boards/north/subgroups/{subgroup.pk}/"


@pytest.fixture
def returns(cast, subgroup):
    for period in ("2016-17 Q2", "2016-17 Q4", "2016-17 Q3"):
        SubgroupReturn.objects.create(
            subgroup=subgroup, period=period, created_by=cast.business_team
        )
    SubgroupReturn.objects.filter(period="2016-17 Q2").update(
        status="submitted",
        submitted_at=timezone.make_aware(datetime(2016, 10, 3, 12)),
        submitted_by=cast.business_team,
    )


def test_returns_sort_and_ignore_unknown_keys(cast, as_user, subgroup, returns):
    client = as_user(cast.business_team)  # a board member does not see drafts
    default = lists.all_rows(client, returns_url(subgroup))
    assert [row[0] for row in default] == ["2016-17 Q4", "2016-17 Q3", "2016-17 Q2"]
    ascending = lists.assert_sorts(client, returns_url(subgroup), "period")
    assert [row[0] for row in ascending] == ["2016-17 Q2", "2016-17 Q3", "2016-17 Q4"]
    lists.assert_sorts(client, returns_url(subgroup), "submitted")


def test_returns_export_every_return(cast, as_user, subgroup, returns, monkeypatch):
    from subgroups.views import SubgroupDetailView

    monkeypatch.setattr(SubgroupDetailView, "page_size", 2)
    rows = lists.assert_exports(as_user(cast.business_team), returns_url(subgroup))
    assert rows[-1] == [
        "2016-17 Q2",
        "Submitted",
        f"3 Oct 2016 by {cast.business_team}",
    ]


def test_a_typed_name_never_starts_a_returns_cell(cast, as_user, subgroup, returns):
    # Periods are chosen from a list; the submitter's name follows the date, so
    # no cell can start with a formula and nothing needs quoting.
    cast.business_team.full_name = "@SUM(A1)"
    cast.business_team.save()
    rows = lists.export(as_user(cast.board_member), returns_url(subgroup), "csv")
    assert rows[-1][2] == "3 Oct 2016 by @SUM(A1)"


def test_another_board_cannot_export_the_returns(cast, as_user, subgroup, returns):
    client = as_user(cast.other_board_member)
    assert client.get(returns_url(subgroup), {"export": "csv"}).status_code == 404


@pytest.mark.parametrize("size", [3, 40])
def test_returns_page_and_export_run_bounded_queries(
    cast, as_user, django_assert_max_num_queries, subgroup, size
):
    SubgroupReturn.objects.bulk_create(
        SubgroupReturn(
            subgroup=subgroup,
            period=f"{2000 + n}-{(n + 1) % 100:02d} Q1",
            created_by=cast.business_team,
        )
        for n in range(size)
    )
    client = as_user(cast.business_team)  # drafts: a board member sees none
    with django_assert_max_num_queries(13):
        assert client.get(returns_url(subgroup)).status_code == 200
    for kind in ("csv", "xlsx"):
        with django_assert_max_num_queries(6):
            response = client.get(returns_url(subgroup), {"export": kind})
        assert response.status_code == 200
