"""The budget page: a year's contributions and spend beside the year before's."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from lscb_portal.periods import reporting_year_start, year_label

from ..models import Contribution, Spend

MINUS = "\u2212"  # a true minus sign: screen readers say "minus"
HUNDRED = Decimal(100)


def money(value: Decimal | None, *, signed: bool = False) -> str:
    """£212,588.00; with `signed`, +£1,200.00 or −£1,200.00."""
    if value is None:
        return ""
    text = f"£{abs(value):,.2f}"
    if value < 0:
        return f"{MINUS}{text}"
    return f"+{text}" if signed and value > 0 else text


def percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{abs(value):,.1f}%"
    if value < 0:
        return f"{MINUS}{text}"
    return f"+{text}" if value > 0 else text


def _change(now: Decimal | None, before: Decimal | None) -> Decimal | None:
    if before is None:
        return None
    return (now or Decimal(0)) - before


def _change_pct(now: Decimal | None, before: Decimal | None) -> Decimal | None:
    if not before:  # none last year, or nothing to divide by
        return None
    return ((now or Decimal(0)) - before) * HUNDRED / before


@dataclass
class BudgetLine:
    """One agency's contribution or one spend heading, this year and last."""

    label: str
    amount: Decimal | None  # None: nothing recorded this year
    previous: Decimal | None  # None: nothing recorded last year
    pk: int | None = None  # this year's row, to change or remove

    @property
    def is_new(self) -> bool:
        return self.previous is None and self.amount is not None

    @property
    def change(self) -> Decimal | None:
        return _change(self.amount, self.previous)

    @property
    def change_pct(self) -> Decimal | None:
        return _change_pct(self.amount, self.previous)

    @property
    def amount_display(self) -> str:
        return money(self.amount)

    @property
    def previous_display(self) -> str:
        return money(self.previous)

    @property
    def change_display(self) -> str:
        """'+£1,200.00 (+5.0%)', 'new', or '' when neither year has it."""
        if self.is_new:
            return "new"
        if self.change is None:
            return ""
        pct = self.change_pct
        return money(self.change, signed=True) + (f" ({percent(pct)})" if pct else "")


@dataclass
class BudgetSide:
    """Income (contributions) or spend for the year, with its totals."""

    lines: list[BudgetLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.amount or Decimal(0) for line in self.lines), Decimal(0))

    @property
    def previous_total(self) -> Decimal | None:
        previous = [line.previous for line in self.lines if line.previous is not None]
        return sum(previous, Decimal(0)) if previous else None

    @property
    def total_line(self) -> BudgetLine:
        has_lines = any(line.amount is not None for line in self.lines)
        return BudgetLine(
            "Total", self.total if has_lines else None, self.previous_total
        )


@dataclass
class Budget:
    year: int
    income: BudgetSide
    spend: BudgetSide
    years: list[int]  # years with anything recorded, newest first

    @property
    def label(self) -> str:
        return year_label(self.year)

    @property
    def previous_label(self) -> str:
        return year_label(self.year - 1)

    @property
    def is_empty(self) -> bool:
        return not any(
            line.amount is not None for line in self.income.lines + self.spend.lines
        )

    @property
    def has_previous(self) -> bool:
        """Anything recorded last year, so that a change can be shown."""
        return any(
            line.previous is not None for line in self.income.lines + self.spend.lines
        )

    @property
    def difference(self) -> Decimal:
        """Income less spend: positive is a surplus, negative a shortfall."""
        return self.income.total - self.spend.total

    @property
    def balanced(self) -> bool:
        return self.difference == 0

    @property
    def imbalance_message(self) -> str:
        if self.balanced:
            return ""
        higher, lower = (
            ("income", "spend")
            if self.difference > 0
            else (
                "spend",
                "income",
            )
        )
        return (
            f"Income and spend for {self.label} do not balance: {higher} is "
            f"{money(abs(self.difference))} higher than {lower} "
            f"(income {money(self.income.total)}, spend {money(self.spend.total)})."
        )


def _amount(row) -> Decimal | None:
    return None if row is None else row.amount


def _side(rows, label_of, year: int) -> BudgetSide:
    """Lines for `year`, largest first, then last year's lines not seen this year."""
    now, before = {}, {}
    for row in rows:
        (now if row.year == year else before)[label_of(row)] = row
    lines = [
        BudgetLine(label, row.amount, _amount(before.get(label)), row.pk)
        for label, row in sorted(
            now.items(), key=lambda item: (-item[1].amount, item[0].casefold())
        )
    ]
    lines += [
        BudgetLine(label, None, row.amount)
        for label, row in sorted(before.items(), key=lambda item: item[0].casefold())
        if label not in now
    ]
    return BudgetSide(lines)


def budget_years(board) -> list[int]:
    """Years with a contribution or a spend line, newest first (two queries)."""
    years = set(Contribution.objects.filter(board=board).values_list("year", flat=True))
    years |= set(Spend.objects.filter(board=board).values_list("year", flat=True))
    return sorted(years, reverse=True)


def default_budget_year(years: list[int]) -> int:
    return years[0] if years else reporting_year_start(timezone.localdate())


def budget_for_year(board, year: int, years: list[int]) -> Budget:
    """The year's budget beside the year before's: two queries whatever its size."""
    contributions = Contribution.objects.filter(
        board=board, year__in=[year, year - 1]
    ).select_related("agency")
    spend = Spend.objects.filter(board=board, year__in=[year, year - 1])
    return Budget(
        year=year,
        income=_side(contributions, lambda row: row.agency.name, year),
        spend=_side(spend, lambda row: row.heading, year),
        years=years,
    )
