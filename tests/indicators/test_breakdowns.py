"""Breakdown tables: only the totals that mean something (rows or columns that
add up, more than one of them), and the demo's printed totals."""

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
        rows_add_up=True,
        columns_add_up=True,
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
    table = BreakdownTableFactory(
        board=cast.board,
        rows=["A", "B"],
        columns=["X", "Y"],
        rows_add_up=True,
        columns_add_up=True,
    )
    grid = breakdown_grid(table)
    assert grid["grid"] == [("A", [None, None], D("0")), ("B", [None, None], D("0"))]
    assert (grid["column_totals"], grid["grand_total"]) == ([D("0"), D("0")], D("0"))


def test_a_table_that_does_not_add_up_has_no_totals(table):
    table.rows_add_up = table.columns_add_up = False
    table.save()
    grid = breakdown_grid(table)
    assert [total for _, _, total in grid["grid"]] == [None, None]
    assert (grid["column_totals"], grid["grand_total"]) == (None, None)
    assert not grid["total_row"] and not grid["total_column"]


def test_rows_that_add_up_over_columns_that_do_not_give_no_grand_total(table):
    """Counts at 31 March of each year: each year's column totals its rows, but
    nothing sums across the years."""
    table.columns_add_up = False
    table.save()
    grid = breakdown_grid(table)
    assert grid["column_totals"] == [D("11"), D("3"), D("3")]
    assert [total for _, _, total in grid["grid"]] == [None, None]
    assert grid["grand_total"] is None


def test_no_total_repeats_the_only_column_or_row(cast):
    table = BreakdownTableFactory(
        board=cast.board,
        rows=["Health", "Police"],
        columns=["Number"],
        rows_add_up=True,
        columns_add_up=True,
    )
    BreakdownCellFactory(table=table, row="Health", column="Number", value=D("8"))
    grid = breakdown_grid(table)
    assert grid["total_row"] and not grid["total_column"]
    assert grid["column_totals"] == [D("8")] and grid["grand_total"] is None
    table.rows, table.columns = ["Health"], ["Physical", "Sexual"]
    grid = breakdown_grid(table)
    assert not grid["total_row"] and grid["total_column"]


def test_breakdown_page_without_totals_prints_none(table, cast, as_user):
    table.rows_add_up = table.columns_add_up = False
    table.save()
    response = as_user(cast.lay_member).get(f"{INDICATORS}tables/lado/")
    rows = table_rows(response.content.decode(), "govuk-table")
    assert rows == [
        ["Employer", "Physical", "Sexual", "Neglect"],
        ["Health", "8", "3", "2"],
        ["Police", "3", "–", "1"],
    ]


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


def test_demo_tables_print_only_meaningful_totals(demo_lado, client):
    member = Membership.objects.filter(
        board__slug="cumbria", role=Role.BOARD_MEMBER
    ).first()
    client.force_login(member.user)

    def rows_of(title):
        table = BreakdownTable.objects.get(board__slug="cumbria", title=title)
        response = client.get(f"/boards/cumbria/indicators/tables/{table.slug}/")
        return table_rows(response.content.decode(), "govuk-table")

    # One column: a Total row, no Total column repeating it.
    referrals = rows_of("LADO referrals by agency, 2016-17")
    assert referrals[0] == ["Agency", "Number"]
    assert referrals[-1] == ["Total", "296"]
    # Outcomes overlap: no total.
    outcomes = rows_of("Outcome of referrals to the LADO, 2016-17")
    assert all("Total" not in row for row in outcomes)
    # Cumbria, North West and England at 31 March: no sum of the areas, none
    # across the years.
    fostering = rows_of(
        "Number of children reported as being under private fostering "
        "arrangements at 31 March"
    )
    assert [row[0] for row in fostering] == ["Area", "Cumbria", "North West", "England"]
    assert all(len(row) == 10 for row in fostering)  # the area and 9 years


def test_demo_annual_report_prints_no_meaningless_totals(demo_lado, client):
    from reports.documents import annual_report_context

    context = annual_report_context(demo_lado.board, 2016)
    by_key = {s.key: s for s in context["sections"]}
    fostering = by_key["private_fostering"].context["tables"]
    assert [(t["total_row"], t["total_column"]) for t in fostering] == [(False, False)]
    lado = {t["table"].title: t for t in by_key["lado"].context["tables"]}
    assert lado[LADO_TITLE]["grand_total"] == D("296")
    assert lado["LADO referrals by agency, 2016-17"]["total_column"] is False
    member = Membership.objects.filter(board__slug="cumbria", role=Role.CHAIR).first()
    client.force_login(member.user)
    page = client.get("/boards/cumbria/annual-report/2016-17/").content.decode()
    fostered = page.split("Privately Fostered Children")[-1].split("</table>")[0]
    assert "Cumbria" in fostered and "Total" not in fostered
