"""Section 23: the private fostering table with only the totals that mean
something, then the board's approved words on it, titled with the year."""

from decimal import Decimal

import pytest

from indicators.models import BreakdownCell, BreakdownTable
from reports.narrative import narrative_approve, narrative_save
from reports.sections import build_sections

pytestmark = pytest.mark.django_db

TITLE = "Number of children reported as being under private fostering arrangements"


def fostering_table(board):
    table = BreakdownTable.objects.create(
        board=board,
        title=TITLE,
        slug="private-fostering",
        row_label="Area",
        column_label="Year (at 31 March)",
        rows=["Cumbria", "North West"],
        columns=["2016", "2017"],
    )
    for (row, column), value in {
        ("Cumbria", "2016"): 13,
        ("Cumbria", "2017"): 6,
        ("North West", "2016"): 160,
    }.items():
        BreakdownCell.objects.create(
            table=table, row=row, column=column, value=Decimal(value)
        )
    return table


def section(board, draft=False):
    built = {s.key: s for s in build_sections(board, 2016, draft=draft)}
    return built.get("private_fostering")


def test_table_then_approved_words_titled_with_the_year(cast, as_user):
    fostering_table(cast.board)
    saved = narrative_save(
        board=cast.board,
        year=2016,
        version=0,
        changes={"private_fostering": "There has been a decrease: 6 against 13."},
        user=cast.business_team,
    )
    narrative_approve(
        board=cast.board, year=2016, version=saved.version, user=cast.chair
    )
    narrative_save(
        board=cast.board,
        year=2016,
        version=saved.version,
        changes={"private_fostering": "Unapproved change."},
        user=cast.business_team,
    )
    built = section(cast.board)
    assert built.heading.endswith("Privately Fostered Children (2016-17)")
    assert [b.text for b in built.context["blocks"]] == [
        "There has been a decrease: 6 against 13."
    ]
    assert [b.text for b in section(cast.board, draft=True).context["blocks"]] == [
        "Unapproved change."
    ]
    page = as_user(cast.chair).get(f"/boards/{cast.board.slug}/annual-report/2016-17/")
    text = page.content.decode()
    part = text.rsplit("Privately Fostered Children (2016-17)", 1)[1]
    assert part.index(TITLE) < part.index("There has been a decrease")
    assert "Unapproved change" not in text
    table = part.split("</table>")[0]
    # Areas at a date: no Total row, no Total column.
    assert "Total" not in table
    assert table.count('scope="row"') == 2


def test_another_boards_table_and_words_never_print(cast):
    fostering_table(cast.other_board)
    assert section(cast.board) is None


def test_words_alone_make_the_section(cast):
    saved = narrative_save(
        board=cast.board,
        year=2016,
        version=0,
        changes={"private_fostering": "Notifications remain low."},
        user=cast.business_team,
    )
    narrative_approve(
        board=cast.board, year=2016, version=saved.version, user=cast.chair
    )
    built = section(cast.board)
    assert built.context["blocks"][0].text == "Notifications remain low."
    assert "tables" not in built.context
