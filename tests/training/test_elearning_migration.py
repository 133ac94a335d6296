"""The data migration that moves the e-learning breakdown table out of
indicators: its cells become the e-learning year's returns by department, the
printed table's narrative totals the reported ones, and the table goes."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps

from indicators.models import BreakdownCell, BreakdownTable
from tests.indicators.factories import BreakdownTableFactory
from training import selectors
from training.demo import data
from training.models import ElearningYear

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "training.migrations.0002_elearning_from_indicators"
)


def _table(board, rows):
    table = BreakdownTableFactory(
        board=board,
        title=migration.TITLE,
        slug="e-learning",
        row_label="Department",
        column_label="Measure",
        rows=[department for department, _, _ in rows],
        columns=["Passed", "Total"],
        year=2016,
    )
    BreakdownCell.objects.bulk_create(
        BreakdownCell(table=table, row=department, column=column, value=Decimal(n))
        for department, passed, allocated in rows
        for column, n in (("Passed", passed), ("Total", allocated))
    )
    return table


def test_the_printed_table_moves_with_its_reported_totals(cast):
    _table(cast.board, data.ELEARNING_2016)
    migration.elearning_from_indicators(apps, None)
    assert not BreakdownTable.objects.filter(board=cast.board).exists()
    summary = selectors.elearning_summary(cast.board, 2016)
    assert len(summary.returns) == 36
    assert (summary.cells_allocated, summary.cells_passed) == (10948, 8846)
    assert (summary.allocated, summary.passed, summary.rate) == (10950, 8839, 81)
    police = next(r for r in summary.returns if r.department == "Police")
    assert (police.allocated, police.passed) == (28, 20)


def test_another_table_moves_without_reported_totals(cast):
    _table(cast.board, [("Schools", 5, 8), ("Police", 1, 2)])
    migration.elearning_from_indicators(apps, None)
    year = ElearningYear.objects.get(board=cast.board, year=2016)
    assert year.reported_allocated is None
    assert sorted(year.returns.values_list("department", "allocated", "passed")) == [
        ("Police", 2, 1),
        ("Schools", 8, 5),
    ]


def test_a_table_that_cannot_be_returns_stays(cast):
    _table(cast.board, [("Schools", 9, 8)])  # more passed than allocated
    migration.elearning_from_indicators(apps, None)
    assert BreakdownTable.objects.filter(board=cast.board).exists()
    assert not ElearningYear.objects.filter(board=cast.board).exists()


def test_other_tables_and_boards_are_left_alone(cast):
    BreakdownTableFactory(board=cast.board, title="LADO referrals", slug="lado")
    _table(cast.other_board, [("Schools", 5, 8)])
    migration.elearning_from_indicators(apps, None)
    assert BreakdownTable.objects.filter(board=cast.board).count() == 1
    assert ElearningYear.objects.get(board=cast.other_board).returns.count() == 1
