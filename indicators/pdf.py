"""The indicators app's sections of the annual report (see reports.sections)."""

from datetime import date

from lscb_portal.charts import format_number, line_chart

from .models import BreakdownCell, BreakdownTable, Indicator, Measurement, PeriodKind
from .rag import POLARITY_WORDS
from .selectors import breakdown_grid, scorecard_rows, year_end


def key_indicators(board, year):
    """The scorecard at the year end: every indicator on a scorecard with a
    value for the year."""
    indicators = (
        Indicator.objects.filter(board=board, scorecards__isnull=False)
        .distinct()
        .order_by("sort_key")
    )
    rows = [
        row
        for row in scorecard_rows(
            board, indicators, period_kind=PeriodKind.YEAR, period_end=year_end(year)
        )
        if row.measurement is not None
    ]
    if not rows:
        return None
    return {
        "rows": [
            {"row": row, "good": POLARITY_WORDS.get(row.indicator.polarity, "")}
            for row in rows
        ],
        # The owning agencies' commentary for the period: the areas of concern.
        "concerns": [row for row in rows if row.measurement.commentary.strip()],
        "period_end": year_end(year),
        **five_year_series(board, year, indicators),
    }


SERIES_YEARS = 5
SERIES_TABLE_WORDS = "five-year series"  # a breakdown table of series by year end


def five_year_series(board, year, indicators) -> dict:
    """The series to the year end: each indicator's year-end values over five
    years, and the rows of the board's "five-year series" breakdown table (the
    series no indicator holds), with a line chart each. Series with fewer than
    three of the five values are left out. Three queries."""
    ends = [year_end(y) for y in range(year - SERIES_YEARS + 1, year + 1)]
    values: dict[str, dict[date, object]] = {}
    units = {}
    for m in (
        Measurement.objects.filter(
            indicator__in=indicators, period_kind=PeriodKind.YEAR, period_end__in=ends
        )
        .select_related("indicator")
        .order_by("indicator__sort_key", "period_end")
    ):
        label = f"{m.indicator.code} {m.indicator.description}"
        values.setdefault(label, {})[m.period_end] = m.value
        units[label] = m.indicator.unit
    columns = {end.isoformat(): end for end in ends}
    for cell in BreakdownCell.objects.filter(
        table__board=board,
        table__title__icontains=SERIES_TABLE_WORDS,
        column__in=columns,
    ).order_by("table_id", "pk"):
        values.setdefault(cell.row, {})[columns[cell.column]] = cell.value
    series, charts = [], {}
    for n, (label, by_end) in enumerate(values.items(), start=1):
        if len(by_end) < 3:
            continue
        unit = units.get(label, "")  # a table row: one decimal at most
        name = f"five-year-{n}"
        charts[name] = line_chart(
            [(label, sorted(by_end.items()))], title=label, unit=unit, chart_id=name
        )
        series.append(
            {
                "label": label,
                "cells": [
                    format_number(by_end[end], unit) if end in by_end else "–"
                    for end in ends
                ],
                "chart": charts[name],
                "chart_name": name,
                "chart_alt": "; ".join(
                    f"{end:%B %Y}: {format_number(by_end[end], unit)}"
                    for end in ends
                    if end in by_end
                ),
            }
        )
    return {"series": series, "series_ends": ends, "charts": charts}


def _tables(board, year, words):
    """Breakdown tables whose title has all the words, for the year: tables of
    the year, or tables by year whose columns include the year end."""
    found = BreakdownTable.objects.filter(board=board)
    for word in words:
        found = found.filter(title__icontains=word)
    tables = [
        t
        for t in found.order_by("pk")
        if t.year == year or (t.year is None and str(year + 1) in t.columns)
    ]
    if not tables:
        return None
    return {"tables": [{"table": t, **breakdown_grid(t)} for t in tables]}


def lado(board, year):
    return _tables(board, year, ["LADO"])


def private_fostering(board, year):
    return _tables(board, year, ["private fostering"])
