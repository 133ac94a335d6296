"""Breakdown tables: row, column and grand totals, and the demo's printed totals."""

import io
from decimal import Decimal as D

import pytest
from django.core.management import call_command

from boards.models import Membership, Role
from indicators.demo.data import BREAKDOWNS
from indicators.models import BreakdownTable
from indicators.selectors import breakdown_grid

from .factories import (
    INDICATORS,
    BreakdownCellFactory,
    BreakdownTableFactory,
    table_rows,
)

LADO_TITLE = "LADO allegations by employer type and category of abuse, 2016-17"


@pytest.fixture
def table(cast):
    """Health and Police by Physical, Sexual and Neglect, one cell left blank, and
    a stray cell of a row the table no longer has."""
    table = BreakdownTableFactory(
        board=cast.board,
        slug="lado",
        rows=["Health", "Police"],
        columns=["Physical", "Sexual", "Neglect"],
    )
    for row, column, value in (
        ("Health", "Physical", "8"),
        ("Health", "Sexual", "3"),
        ("Health", "Neglect", "2"),
        ("Police", "Physical", "3"),
        ("Police", "Neglect", "1"),
        ("Education", "Physical", "100"),
    ):
        BreakdownCellFactory(table=table, row=row, column=column, value=D(value))
    return table


def test_breakdown_grid_totals_rows_columns_and_all(table):
    grid = breakdown_grid(table)
    assert grid["grid"] == [
        ("Health", [D("8"), D("3"), D("2")], D("13")),
        ("Police", [D("3"), None, D("1")], D("4")),
    ]
    assert grid["column_totals"] == [D("11"), D("3"), D("3")]
    assert grid["grand_total"] == D("17")


def test_breakdown_grid_of_an_empty_table_is_all_zero(cast):
    table = BreakdownTableFactory(board=cast.board, rows=["A"], columns=["X", "Y"])
    grid = breakdown_grid(table)
    assert grid["grid"] == [("A", [None, None], D("0"))]
    assert (grid["column_totals"], grid["grand_total"]) == ([D("0"), D("0")], D("0"))


def test_breakdown_page_prints_the_totals(table, cast, as_user):
    response = as_user(cast.lay_member).get(f"{INDICATORS}tables/lado/")
    rows = table_rows(response.content.decode(), "govuk-table")
    assert rows == [
        ["Employer", "Physical", "Sexual", "Neglect", "Total"],
        ["Health", "8", "3", "2", "13"],
        ["Police", "3", "–", "1", "4"],
        ["Total", "11", "3", "3", "17"],
    ]


@pytest.fixture
def demo_lado(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return BreakdownTable.objects.get(board__slug="cumbria", title=LADO_TITLE)


def test_demo_lado_allegations_total_as_printed(demo_lado):
    printed = next(t for t in BREAKDOWNS if t["title"] == LADO_TITLE)["printed_totals"]
    grid = breakdown_grid(demo_lado)
    assert dict(zip(demo_lado.columns, grid["column_totals"], strict=True)) == {
        column: D(total) for column, total in printed["columns"].items()
    }
    assert grid["grand_total"] == D(printed["grand"]) == D("296")


def test_demo_lado_page_shows_the_grand_total(demo_lado, client):
    member = Membership.objects.filter(
        board__slug="cumbria", role=Role.BOARD_MEMBER
    ).first()
    client.force_login(member.user)
    response = client.get(f"/boards/cumbria/indicators/tables/{demo_lado.slug}/")
    total_row = table_rows(response.content.decode(), "govuk-table")[-1]
    assert total_row == ["Total", "123", "15", "44", "52", "62", "296"]
