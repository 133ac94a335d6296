"""Section 32 of the annual report, the report on a page: the chair's approved
achievements and members' view, and the year's key figures gathered from the
apps' data (only those the board has)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Sum

from audits.models import Submission
from boards.models import Contribution
from business_plan.pdf import business_plan_update
from good_practice.models import GoodPracticeExample
from indicators.models import BreakdownTable
from indicators.pdf import key_indicators
from lscb_portal.periods import year_bounds, year_label
from reviews.models import CaseReview, ReviewType
from training import selectors as training_selectors

from .narrative import report_texts, text_blocks
from .themes import theme_headlines

RAG_WORDS = {"R": "Red", "A": "Amber", "G": "Green", "C": "Complete", "": "Not rated"}


@dataclass
class Figure:
    key: str
    label: str
    value: str
    detail: str = ""
    counts: dict = field(default_factory=dict)


def _pounds(value: Decimal) -> str:
    return f"£{value:,.0f}" if value == value.to_integral_value() else f"£{value:,.2f}"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _rag_text(counts: dict[str, int], always: tuple[str, ...]) -> str:
    return ", ".join(
        f"{RAG_WORDS[rag]} {counts.get(rag, 0)}"
        for rag in RAG_WORDS
        if rag in always or counts.get(rag)
    )


def _plan_figure(board, year) -> Figure | None:
    plan = business_plan_update(board, year)
    if plan is None:
        return None
    counts = dict(plan["total_counts"].counts)
    return Figure(
        "business_plan",
        f"{plan['plan'].title}: actions at 31 March {year + 1}",
        _rag_text(counts, ("R", "A", "G", "C")),
        f"{sum(counts.values())} actions",
        counts,
    )


def _indicator_figure(board, year) -> Figure | None:
    scorecard = key_indicators(board, year)
    if scorecard is None:
        return None
    counts: dict[str, int] = {}
    for item in scorecard["rows"]:
        rag = item["row"].rag or ""
        counts[rag] = counts.get(rag, 0) + 1
    return Figure(
        "indicators",
        f"Key performance indicators at 31 March {year + 1}",
        _rag_text(counts, ("G", "A", "R")),
        f"{sum(counts.values())} indicators",
        counts,
    )


def _budget_figure(board, year) -> Figure | None:
    totals = Contribution.objects.filter(board=board, year=year).aggregate(
        total=Sum("amount"), agencies=Count("agency", distinct=True)
    )
    if not totals["agencies"]:
        return None
    agencies = totals["agencies"]
    return Figure(
        "budget",
        f"Budget {year_label(year)}",
        _pounds(totals["total"]),
        f"contributed by {agencies} partner agenc{'y' if agencies == 1 else 'ies'}",
        {"total": totals["total"]},
    )


def _lado_figure(board, year) -> Figure | None:
    """The total of the year's table of allegations to the LADO (the one the
    LADO section prints first), if the board keeps one."""
    table = (
        BreakdownTable.objects.filter(board=board, year=year, title__icontains="LADO")
        .filter(title__icontains="allegation")
        .annotate(total=Sum("cells__value"))
        .order_by("pk")
        .first()
    )
    if table is None or table.total is None:
        return None
    total = table.total.to_integral_value()
    return Figure(
        "lado",
        "Allegations about people working with children (LADO)",
        f"{total:,}",
        f"recorded in {year_label(year)}",
        {"total": int(total)},
    )


def _beside_the_year_before(key, label, by_year: dict, year) -> Figure | None:
    """The year's figure, with the year before's beside it when there is one."""
    if not by_year.get(year):
        return None
    before = by_year.get(year - 1)
    return Figure(
        key,
        label,
        f"{by_year[year]:,}",
        f"{before:,} in {year_label(year - 1)}" if before else "",
        {"total": by_year[year]},
    )


def _training_figure(board, year) -> Figure | None:
    totals = {t.year: t.attendances for t in training_selectors.year_totals(board)}
    return _beside_the_year_before(
        "training", "Multi-agency training attendances", totals, year
    )


def _section_11_figure(board, year) -> Figure | None:
    valid = Submission.objects.valid().filter(cycle__board=board, cycle__year=year)
    valid = valid.count()
    if not valid:
        return None
    return Figure(
        "section_11",
        "Valid responses to the Safeguarding (Section 11) audit",
        f"{valid:,}",
        f"in {year_label(year)}",
        {"total": valid},
    )


def _reviews_figure(board, year) -> Figure | None:
    published = CaseReview.objects.filter(
        board=board,
        review_type__in=(ReviewType.SCR, ReviewType.LCSPR),
        published_on__range=year_bounds(year),
    ).count()
    if not published:
        return None
    return Figure(
        "reviews",
        "Serious case reviews published",
        f"{published:,}",
        f"in {year_label(year)}",
        {"total": published},
    )


def _elearning_figure(board, year) -> Figure | None:
    """Courses passed in the year, beside the year before. (The seed's page
    printed the year before's 5,533 as the year's: the data prints 8,839.)"""
    passed = {s.year: s.passed for s in training_selectors.elearning_summaries(board)}
    return _beside_the_year_before(
        "elearning", "E-learning courses completed", passed, year
    )


def _good_practice_figure(board, year) -> Figure | None:
    found = GoodPracticeExample.objects.filter(
        board=board, date__range=year_bounds(year)
    ).aggregate(examples=Count("pk"), agencies=Count("agency", distinct=True))
    if not found["examples"]:
        return None
    agencies = found["agencies"]
    return Figure(
        "good_practice",
        "Good practice examples added to the catalogue",
        f"{found['examples']:,}",
        f"from {agencies} agenc{'y' if agencies == 1 else 'ies'} in {year_label(year)}",
        {"total": found["examples"]},
    )


def _theme_figures(board, year) -> list[Figure]:
    """A figure for each priority theme the board worked on in the year."""
    return [
        Figure(
            f"theme_{row.theme.slug}",
            f"Priority theme: {row.theme.name}",
            f"{row.attendances:,} training attendances",
            f"{_count(row.actions, 'plan action')}, "
            f"{_count(row.audits, 'case audit')}, "
            f"{_count(row.lessons, 'review lesson')}",
            {"attendances": row.attendances, "actions": row.actions},
        )
        for row in theme_headlines(board, year)
    ]


def key_figures(board, year: int) -> list[Figure]:
    """Figures of the year from the board's data; only those it has."""
    found = (
        _plan_figure(board, year),
        _indicator_figure(board, year),
        _budget_figure(board, year),
        _lado_figure(board, year),
        _reviews_figure(board, year),
        _section_11_figure(board, year),
        _training_figure(board, year),
        _elearning_figure(board, year),
        _good_practice_figure(board, year),
    )
    return [figure for figure in found if figure is not None] + _theme_figures(
        board, year
    )


def report_on_a_page(board, year, *, draft=False):
    """Achievements, key figures of the year and the members' view, on a page."""
    texts = report_texts(board, year, draft=draft)
    achievements = text_blocks(texts.get("achievements", ""))
    members_view = text_blocks(texts.get("members_view", ""))
    figures = key_figures(board, year)
    if not (achievements or members_view or figures):
        return None
    return {
        "achievements": achievements,
        "figures": figures,
        "members_view": members_view,
        "year_label": year_label(year),
        "year_end": date(year + 1, 3, 31),
    }
