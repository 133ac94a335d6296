"""The CDOP annual report's statistics: counts and percentages of the deaths
reviewed in each year, beside England's percentages for the latest year (tables 1-4
of the Child Death Overview Panel's report, and the modifiable share)."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import models

from ..models import (
    AgeBand,
    CdopRecommendation,
    ChildDeathReview,
    ComparisonTable,
    DeathCategory,
    Ethnicity,
    ModifiableFactor,
    NationalComparison,
    Sex,
    SignOffBand,
)

YEARS_SHOWN = 4  # the report compares four years of review

MODIFIABLE_ROWS = [
    ("yes", "Modifiable factors identified"),
    ("no", "No modifiable factors"),
]


def year_label(year: int) -> str:
    """2015 -> "2015/16", as the CDOP report writes a year of review."""
    return f"{year}/{(year + 1) % 100:02d}"


def percent(count: int, total: int) -> int | None:
    """A whole percentage, rounded half up as the printed report does."""
    if not total:
        return None
    exact = Decimal(count * 100) / Decimal(total)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class Cell:
    count: int
    percent: int | None


@dataclass
class Row:
    key: str
    label: str
    cells: list[Cell]
    england: Decimal | None = None


@dataclass
class Table:
    key: str
    title: str
    years: list[int]
    rows: list[Row]
    totals: list[int]
    england_year: int | None
    show_counts: bool = True  # table 4 prints percentages only
    notes: list[str] = field(default_factory=list)

    @property
    def year_labels(self) -> list[str]:
        return [year_label(y) for y in self.years]


def _row_key(table: str, death: ChildDeathReview) -> str | None:
    if table == ComparisonTable.SEX:
        return death.sex
    if table == ComparisonTable.AGE:
        return death.age_band
    if table == ComparisonTable.CATEGORY:
        return death.category
    if table == ComparisonTable.SIGN_OFF:
        return death.sign_off_band or None
    if table == ComparisonTable.MODIFIABLE:
        return (
            None if death.modifiable is None else ("yes" if death.modifiable else "no")
        )
    raise ValueError(table)


ROWS = {
    ComparisonTable.SEX: Sex.choices,
    ComparisonTable.AGE: AgeBand.choices,
    ComparisonTable.CATEGORY: DeathCategory.choices,
    ComparisonTable.SIGN_OFF: SignOffBand.choices,
    ComparisonTable.MODIFIABLE: MODIFIABLE_ROWS,
}


def review_years(board) -> list[int]:
    """The years of review with signed-off deaths, oldest first."""
    return sorted(
        set(
            ChildDeathReview.objects.filter(
                board=board, year_of_review__isnull=False
            ).values_list("year_of_review", flat=True)
        )
    )


def cdop_tables(board, year: int | None = None) -> list[Table] | None:
    """Tables 1-4 and the modifiable share for the report of `year` (the latest
    year of review when None) and the three years before it; None when the board
    has no signed-off death in those years. Three queries."""
    years = review_years(board)
    if year is None:
        if not years:
            return None
        year = years[-1]
    shown = list(range(year - YEARS_SHOWN + 1, year + 1))
    deaths = list(
        ChildDeathReview.objects.filter(board=board, year_of_review__in=shown).only(
            "year_of_review",
            "sex",
            "age_band",
            "category",
            "modifiable",
            "month_of_death",
            "signed_off_on",
        )
    )
    if not any(d.year_of_review == year for d in deaths):
        return None
    shown = [y for y in shown if any(d.year_of_review == y for d in deaths)]
    england = {
        (c.table, c.row): c.percentage
        for c in NationalComparison.objects.filter(board=board, year=year)
    }
    tables = []
    for table, rows in ROWS.items():
        counts = {y: Counter() for y in shown}
        for death in deaths:
            key = _row_key(table, death)
            if key is not None:
                counts[death.year_of_review][key] += 1
        totals = [sum(counts[y].values()) for y in shown]
        if table == ComparisonTable.MODIFIABLE and not totals[-1]:
            continue  # no modifiable finding recorded for the year
        tables.append(
            Table(
                key=table,
                title=ComparisonTable(table).label,
                years=shown,
                rows=[
                    Row(
                        key=key,
                        label=label,
                        cells=[
                            Cell(counts[y][key], percent(counts[y][key], total))
                            for y, total in zip(shown, totals, strict=True)
                        ],
                        england=england.get((table, key)),
                    )
                    for key, label in rows
                ],
                totals=totals,
                england_year=year if any(k[0] == table for k in england) else None,
                show_counts=table != ComparisonTable.SIGN_OFF,
            )
        )
    return tables


# Beside the tables ----------------------------------------------------------------


@dataclass
class Count:
    key: str
    label: str
    count: int
    percent: int | None


def ethnicity_summary(board, year: int) -> list[Count]:
    """The year's deaths by ethnicity group, largest first (groups with none left
    out). One query."""
    counts = Counter(
        ChildDeathReview.objects.filter(board=board, year_of_review=year).values_list(
            "ethnicity", flat=True
        )
    )
    total = sum(counts.values())
    labels = dict(Ethnicity.choices)
    return [
        Count(key, labels.get(key, key), n, percent(n, total))
        for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def factor_counts(board, year: int) -> list[Count]:
    """The modifiable factors named for the year's deaths, with how many deaths
    each was named for (percent of the deaths with modifiable factors). Two
    queries."""
    deaths = ChildDeathReview.objects.filter(
        board=board, year_of_review=year, modifiable=True
    )
    total = deaths.count()
    rows = (
        ModifiableFactor.objects.filter(child_deaths__in=deaths)
        .annotate(n=models.Count("child_deaths"))
        .order_by("-n", "name")
    )
    return [Count(str(f.pk), f.name, f.n, percent(f.n, total)) for f in rows]


def recommendations(board, year: int) -> dict[str, list]:
    """The recommendations of the year before's report with their progress, and
    those of the year's own report. One query."""
    rows = list(
        CdopRecommendation.objects.filter(board=board, year__in=[year - 1, year])
    )
    return {
        "previous": [r for r in rows if r.year == year - 1],
        "new": [r for r in rows if r.year == year],
    }
