"""The indicators app's part of the demo data (figures in data.py): the LSCB
performance report of 31 March 2017 with its targets, values, RAGs and trends, the
five-year series, and the annual report's breakdown tables.

The report prints RAGs without the tolerances behind them. The board default here
is an amber band of 10% of the target, which reproduces most of them; where the
computed RAG differs from the printed one, the printed RAG is loaded as a recorded
RAG with its reason, so the scorecard shows exactly the report's column and says
which RAGs were recorded. Trends are loaded as reported, since the report does not
print the 2015-16 values they compare against."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify

from boards.models import Agency, Board

from ..models import (
    BreakdownCell,
    BreakdownTable,
    Indicator,
    IndicatorSettings,
    Measurement,
    PeriodKind,
    Scorecard,
    Target,
    ToleranceKind,
)
from ..rag import compute_rag
from . import theme_indicators
from .data import (
    BREAKDOWNS,
    COMMENTARY_2016_17,
    CS_OWNER,
    FIVE_YEAR_SERIES,
    OWNING_AGENCY,
    SCORECARD_2016_17,
)

YEAR_END = date(2017, 3, 31)
RECORDED_REASON = (
    "As printed in the annual report 2016-17: the board's rating, which the "
    "10% tolerance rule does not give."
)


def _number(text):
    return None if text is None else Decimal(text)


@transaction.atomic
def load() -> None:
    board = Board.objects.get(slug="cumbria")
    board_settings, _ = IndicatorSettings.objects.update_or_create(
        board=board,
        defaults={
            "tolerance_kind": ToleranceKind.PERCENT,
            "tolerance": Decimal("10"),
            "trend_threshold": Decimal("2"),
        },
    )
    scorecard, _ = Scorecard.objects.update_or_create(
        board=board,
        slug="lscb-performance-report",
        defaults={"name": "LSCB performance report"},
    )
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    for row in SCORECARD_2016_17:
        owner = OWNING_AGENCY.get(row["code"])
        if owner is None and row["code"].startswith("CS"):
            owner = CS_OWNER
        indicator, _ = Indicator.objects.update_or_create(
            board=board,
            code=row["code"],
            defaults={
                "owning_agency": agencies.get(owner),
                "description": row["description"],
                "unit": row["unit"],
                "polarity": row["polarity"],
                "frequency": "quarterly",
            },
        )
        indicator.scorecards.add(scorecard)
        target = {
            "value": _number(row["target"]),
            "low": _number(row["target_low"]),
            "high": _number(row["target_high"]),
        }
        Target.objects.update_or_create(indicator=indicator, year=2016, defaults=target)
        value = Decimal(row["value"])
        computed = compute_rag(
            value,
            target=target["value"],
            low=target["low"],
            high=target["high"],
            polarity=row["polarity"],
            tolerance_kind=board_settings.tolerance_kind,
            tolerance=board_settings.tolerance,
        ).rag
        printed = row["rag"] or ""
        recorded = printed if printed != computed else ""
        Measurement.objects.update_or_create(
            indicator=indicator,
            period_kind=PeriodKind.YEAR,
            period_end=YEAR_END,
            defaults={
                "value": value,
                "recorded_rag": recorded,
                "rag_reason": RECORDED_REASON if recorded else "",
                "recorded_trend": row["trend"],
                "source": "LSCB performance report, 31 March 2017",
                "commentary": COMMENTARY_2016_17.get(row["code"], ""),
            },
        )

    by_code = {i.code: i for i in Indicator.objects.filter(board=board)}
    unlinked = []
    for series in FIVE_YEAR_SERIES:
        indicator = by_code.get(series["code"])
        if indicator is None:
            unlinked.append(series)
            continue
        for day, value in series["points"]:
            Measurement.objects.get_or_create(
                indicator=indicator,
                period_kind=PeriodKind.YEAR,
                period_end=date.fromisoformat(day),
                defaults={"value": Decimal(value), "source": series["title"]},
            )
    if unlinked:
        _table(
            board,
            title="Five-year series, annual report 2016-17",
            row_label="Series",
            column_label="Year end",
            rows=[s["title"] for s in unlinked],
            columns=sorted({day for s in unlinked for day, _ in s["points"]}),
            values={
                (s["title"], day): value for s in unlinked for day, value in s["points"]
            },
            year=None,
            adds_up=(False, False),  # rates and counts at each year end
        )
    for table in BREAKDOWNS:
        _table(
            board,
            title=table["title"],
            row_label=table["row_label"],
            column_label=table["column_label"],
            rows=table["rows"],
            columns=table["columns"],
            values=table["values"],
            year=table["year"],
            adds_up=(table["rows_add_up"], table["columns_add_up"]),
        )
    theme_indicators.load(board)


def _table(
    board, *, title, row_label, column_label, rows, columns, values, year, adds_up
):
    table, _ = BreakdownTable.objects.update_or_create(
        board=board,
        slug=slugify(title)[:120],
        defaults={
            "title": title,
            "row_label": row_label,
            "column_label": column_label,
            "rows": list(rows),
            "columns": [str(c) for c in columns],
            "year": year,
            "rows_add_up": adds_up[0],
            "columns_add_up": adds_up[1],
        },
    )
    for (row, column), value in values.items():
        BreakdownCell.objects.update_or_create(
            table=table,
            row=row,
            column=str(column),
            defaults={"value": Decimal(value)},
        )
