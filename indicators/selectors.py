"""Reads of the indicators app: scorecard rows with explainable RAG and trend, an
indicator's series, breakdown tables with totals. Each a fixed number of queries."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lscb_portal.periods import reporting_year_start, year_ago

from .models import (
    BreakdownCell,
    Comparator,
    Indicator,
    Measurement,
    PeriodKind,
    Target,
)
from .rag import compute_rag, compute_trend, format_value
from .services import settings_for


@dataclass
class Row:
    """One indicator's line on a scorecard for a period."""

    indicator: Indicator
    measurement: Measurement | None
    target: Target | None
    rag: str  # the RAG shown: recorded if there is one, else computed
    computed_rag: str
    reason: str  # which rule gave the computed RAG
    recorded_reason: str
    trend: str
    trend_as_reported: bool

    @property
    def value_display(self) -> str:
        if self.measurement is None:
            return "No value"
        return format_value(self.measurement.value, self.indicator.unit)

    @property
    def target_display(self) -> str:
        return self.target.display if self.target else "Not set"

    @property
    def is_recorded(self) -> bool:
        return bool(self.measurement and self.measurement.recorded_rag)


def _tolerance(indicator, board_settings):
    if indicator.tolerance_kind:
        return indicator.tolerance_kind, indicator.tolerance
    return board_settings.tolerance_kind, board_settings.tolerance


def evaluate(indicator, measurement, target, previous, board_settings) -> Row:
    """The RAG and trend of one measurement, with the reasons for them."""
    if measurement is None:
        return Row(
            indicator, None, target, "", "", "No value for the period.", "", "", False
        )
    kind, size = _tolerance(indicator, board_settings)
    result = compute_rag(
        measurement.value,
        target=target.value if target else None,
        low=target.low if target else None,
        high=target.high if target else None,
        polarity=indicator.polarity,
        tolerance_kind=kind,
        tolerance=size,
        unit=indicator.unit,
    )
    shown = measurement.recorded_rag or result.rag
    trend = compute_trend(
        measurement.value,
        previous.value if previous else None,
        polarity=indicator.polarity,
        threshold=board_settings.trend_threshold,
        on_target=shown == "G",
    )
    return Row(
        indicator=indicator,
        measurement=measurement,
        target=target,
        rag=shown,
        computed_rag=result.rag,
        reason=result.reason,
        recorded_reason=measurement.rag_reason if measurement.recorded_rag else "",
        trend=trend or measurement.recorded_trend,
        trend_as_reported=not trend and bool(measurement.recorded_trend),
    )


def year_end(year_start: int) -> date:
    """31 March ending the reporting year that starts in April of `year_start`."""
    return date(min(year_start + 1, date.max.year), 3, 31)


def scorecard_rows(
    board, indicators, *, period_kind: str, period_end: date, board_settings=None
) -> list[Row]:
    """Rows for the given indicators (a queryset) at the end of one period. Pass
    `board_settings` where a page must not write them (the board home)."""
    indicators = list(indicators.select_related("owning_agency"))
    ids = [i.pk for i in indicators]
    previous_end = year_ago(period_end)
    measurements = {
        (m.indicator_id, m.period_end): m
        for m in Measurement.objects.filter(
            indicator_id__in=ids,
            period_kind=period_kind,
            period_end__in=[d for d in (period_end, previous_end) if d],
        )
    }
    year = reporting_year_start(period_end)
    targets = {
        t.indicator_id: t
        for t in Target.objects.filter(indicator_id__in=ids, year=year).select_related(
            "indicator"
        )
    }
    board_settings = board_settings or settings_for(board)
    return [
        evaluate(
            i,
            measurements.get((i.pk, period_end)),
            targets.get(i.pk),
            measurements.get((i.pk, previous_end)),
            board_settings,
        )
        for i in indicators
    ]


def latest_period(indicators) -> tuple[str, date] | None:
    """The most recent period any of the indicators has a value for (year ends
    first when a year end and a quarter share a date)."""
    latest = (
        Measurement.objects.filter(indicator__in=indicators)
        .order_by("-period_end", "-period_kind")
        .values_list("period_kind", "period_end")
        .first()
    )
    return latest


def indicator_series(indicator) -> dict:
    """The indicator's values, targets and comparators for its page and chart."""
    measurements = list(
        Measurement.objects.filter(indicator=indicator)
        .select_related("entered_by")
        .order_by("period_end", "period_kind")
    )
    targets = {
        t.year: t
        for t in Target.objects.filter(indicator=indicator).select_related("indicator")
    }
    comparators = list(Comparator.objects.filter(indicator=indicator))
    board_settings = settings_for(indicator.board)
    by_period = {(m.period_kind, m.period_end): m for m in measurements}
    rows = [
        evaluate(
            indicator,
            m,
            targets.get(reporting_year_start(m.period_end)),
            by_period.get((m.period_kind, year_ago(m.period_end))),
            board_settings,
        )
        for m in measurements
    ]
    return {
        "rows": rows,
        "targets": sorted(targets.values(), key=lambda t: t.year),
        "comparators": comparators,
    }


def chart_points(rows) -> list[tuple[date, Decimal]]:
    """Year-end values when there are any, else every value, for the series chart."""
    year_ends = [r for r in rows if r.measurement.period_kind == PeriodKind.YEAR]
    chosen = year_ends or rows
    return [(r.measurement.period_end, r.measurement.value) for r in chosen]


def breakdown_grid(table) -> dict:
    """The cells by row and column, with only the totals that mean something: a
    Total column when the table's columns add up, a Total row when its rows do,
    neither when it would repeat the one column or row there is (None then), and
    the grand total only when both are printed."""
    cells = {
        (c.row, c.column): c.value for c in BreakdownCell.objects.filter(table=table)
    }
    total_column = table.columns_add_up and len(table.columns) > 1
    total_row = table.rows_add_up and len(table.rows) > 1

    def total(values) -> Decimal:
        return sum((v for v in values if v is not None), Decimal(0))

    grid = [
        (row, values, total(values) if total_column else None)
        for row in table.rows
        for values in [[cells.get((row, col)) for col in table.columns]]
    ]
    column_totals = (
        [total(cells.get((row, col)) for row in table.rows) for col in table.columns]
        if total_row
        else None
    )
    return {
        "grid": grid,
        "total_column": total_column,
        "total_row": total_row,
        "column_totals": column_totals,
        "grand_total": total(t for _, _, t in grid)
        if total_row and total_column
        else None,
    }


def describe_indicators(board) -> str:
    count = Indicator.objects.filter(board=board).count()
    return f"{count} indicator{'s' if count != 1 else ''}"


def agency_indicators(agency) -> dict:
    found = Indicator.objects.filter(owning_agency=agency).select_related("board")
    return {"indicators": list(found)}
