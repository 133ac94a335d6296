"""The indicators app's sections of the annual report (see reports.sections)."""

from .models import BreakdownTable, Indicator, PeriodKind
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
    }


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
