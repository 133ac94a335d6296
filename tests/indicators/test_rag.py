"""Explainable RAG and trend: each result names the rule that gave it."""

from datetime import date
from decimal import Decimal as D

import pytest

from indicators import selectors
from indicators.models import PeriodKind, Polarity, ToleranceKind, Unit
from indicators.rag import compute_rag, compute_trend

from .factories import IndicatorFactory, MeasurementFactory, TargetFactory

PCT, PTS = "percent", "points"
NO_TARGET = "No RAG: no target is set for the year."

# (value, target, (low, high), polarity, tolerance kind, tolerance, RAG,
#  fragments the reason must contain)
# A single target of 50 with 10% of the target (5) or 3 points of tolerance; a
# range of 40–60 with 10% of the nearer end (4 below, 6 above) or 2 points.
RAG_TABLE = [
    # high is good, single target
    ("50", "50", None, "high", PCT, "10", "G", ["at or above the target of 50"]),
    ("61", "50", None, "high", PCT, "10", "G", ["at or above the target of 50"]),
    ("45", "50", None, "high", PCT, "10", "A", ["below the target", "within the"]),
    ("44.99", "50", None, "high", PCT, "10", "R", ["below the target", "more than"]),
    ("47", "50", None, "high", PTS, "3", "A", ["within the tolerance of 3 points"]),
    ("46.999", "50", None, "high", PTS, "3", "R", ["more than the tolerance of 3"]),
    # low is good, single target
    ("50", "50", None, "low", PCT, "10", "G", ["at or below the target of 50"]),
    ("12", "50", None, "low", PCT, "10", "G", ["at or below the target of 50"]),
    ("55", "50", None, "low", PCT, "10", "A", ["above the target", "within the"]),
    ("55.01", "50", None, "low", PCT, "10", "R", ["above the target", "more than"]),
    ("53", "50", None, "low", PTS, "3", "A", ["within the tolerance of 3 points"]),
    ("53.001", "50", None, "low", PTS, "3", "R", ["more than the tolerance of 3"]),
    # a single target and no good direction: nothing to rate against
    ("50", "50", None, "neither", PCT, "10", "", ["neither high nor low"]),
    # no target, whatever the polarity
    ("50", None, None, "high", PCT, "10", "", [NO_TARGET]),
    ("50", None, None, "low", PTS, "3", "", [NO_TARGET]),
    ("50", None, None, "neither", PCT, "10", "", [NO_TARGET]),
    # high is good, range 40–60: measured against its low end
    ("50", None, ("40", "60"), "high", PCT, "10", "G", ["at or above the target"]),
    ("40", None, ("40", "60"), "high", PCT, "10", "G", ["at or above the target"]),
    ("70", None, ("40", "60"), "high", PCT, "10", "G", ["at or above the target"]),
    ("36", None, ("40", "60"), "high", PCT, "10", "A", ["below the target range"]),
    ("35.99", None, ("40", "60"), "high", PCT, "10", "R", ["more than the"]),
    ("38", None, ("40", "60"), "high", PTS, "2", "A", ["within the tolerance"]),
    ("37.99", None, ("40", "60"), "high", PTS, "2", "R", ["more than the"]),
    # low is good, range 40–60: measured against its high end
    ("50", None, ("40", "60"), "low", PCT, "10", "G", ["at or below the target"]),
    ("60", None, ("40", "60"), "low", PCT, "10", "G", ["at or below the target"]),
    ("30", None, ("40", "60"), "low", PCT, "10", "G", ["at or below the target"]),
    ("66", None, ("40", "60"), "low", PCT, "10", "A", ["above the target range"]),
    ("66.01", None, ("40", "60"), "low", PCT, "10", "R", ["more than the"]),
    ("62", None, ("40", "60"), "low", PTS, "2", "A", ["within the tolerance"]),
    ("62.01", None, ("40", "60"), "low", PTS, "2", "R", ["more than the"]),
    # neither, range 40–60: inside is green, either side amber then red
    ("50", None, ("40", "60"), "neither", PCT, "10", "G", ["within the target"]),
    ("40", None, ("40", "60"), "neither", PCT, "10", "G", ["within the target"]),
    ("60", None, ("40", "60"), "neither", PCT, "10", "G", ["within the target"]),
    ("36", None, ("40", "60"), "neither", PCT, "10", "A", ["outside", "within the"]),
    ("35.9", None, ("40", "60"), "neither", PCT, "10", "R", ["outside", "more than"]),
    ("66", None, ("40", "60"), "neither", PCT, "10", "A", ["outside", "within the"]),
    ("66.1", None, ("40", "60"), "neither", PCT, "10", "R", ["outside", "more than"]),
    ("38", None, ("40", "60"), "neither", PTS, "2", "A", ["tolerance of 2 points"]),
    ("62.5", None, ("40", "60"), "neither", PTS, "2", "R", ["more than the"]),
]

RAG_WORD = {"R": "Red:", "A": "Amber:", "G": "Green:", "": "No RAG:"}


@pytest.mark.parametrize(
    ("value", "target", "target_range", "polarity", "kind", "size", "rag", "why"),
    RAG_TABLE,
)
def test_compute_rag_gives_the_rag_and_the_rule(
    value, target, target_range, polarity, kind, size, rag, why
):
    low, high = target_range or (None, None)
    result = compute_rag(
        D(value),
        target=None if target is None else D(target),
        low=None if low is None else D(low),
        high=None if high is None else D(high),
        polarity=polarity,
        tolerance_kind=kind,
        tolerance=D(size),
    )
    assert result.rag == rag, result.reason
    assert result.reason.startswith(RAG_WORD[rag])
    for fragment in why:
        assert fragment in result.reason


def test_percent_tolerance_is_a_percent_of_the_target_not_points():
    """10% of a target of 23.4 is 2.34: 25.74 is amber, 25.75 red (low is good)."""
    rate = {"target": D("23.4"), "polarity": "low", "tolerance": D("10")}
    at_edge = compute_rag(D("25.74"), tolerance_kind=PCT, unit="percentage", **rate)
    beyond = compute_rag(D("25.75"), tolerance_kind=PCT, unit="percentage", **rate)
    as_points = compute_rag(D("25.75"), tolerance_kind=PTS, unit="percentage", **rate)
    assert at_edge.rag == "A"
    assert at_edge.reason == (
        "Amber: 25.74% is above the target of 23.4% but within the tolerance of "
        "10% of the target (low is good)."
    )
    assert beyond.rag == "R"
    assert as_points.rag == "A"
    assert "tolerance of 10 points" in as_points.reason


def test_green_reason_names_the_value_target_and_polarity():
    result = compute_rag(
        D("17.7"),
        target=D("23.4"),
        polarity="low",
        tolerance_kind=PCT,
        tolerance=D("10"),
        unit="percentage",
    )
    assert result.reason == (
        "Green: 17.7% is at or below the target of 23.4% (low is good)."
    )


# (value, previous, polarity, on target, trend) with a threshold of 2%.
TREND_TABLE = [
    ("110", "100", "high", True, "Improving"),
    ("110", "100", "high", False, "Improving"),
    ("90", "100", "high", True, "Declining"),
    ("90", "100", "low", False, "Improving"),
    ("110", "100", "low", True, "Declining"),
    ("102.5", "100", "high", False, "Improving"),
    ("97.5", "100", "low", False, "Improving"),
    # within the threshold either way: no change
    ("101.9", "100", "high", True, "Sustained"),
    ("101.9", "100", "high", False, "Static"),
    ("98.1", "100", "low", True, "Sustained"),
    ("98.1", "100", "low", False, "Static"),
    ("100", "100", "high", True, "Sustained"),
    ("100", "100", "low", False, "Static"),
    ("0", "0", "high", False, "Static"),
    # no good direction
    ("110", "100", "neither", False, "Increased"),
    ("90", "100", "neither", True, "Decreased"),
    ("101", "100", "neither", True, "Sustained"),
    ("99", "100", "neither", False, "Static"),
    # nothing to compare with
    ("50", None, "high", True, ""),
    ("50", None, "low", False, ""),
    ("50", None, "neither", False, ""),
]


@pytest.mark.parametrize(
    ("value", "previous", "polarity", "on_target", "trend"), TREND_TABLE
)
def test_compute_trend(value, previous, polarity, on_target, trend):
    assert (
        compute_trend(
            D(value),
            None if previous is None else D(previous),
            polarity=polarity,
            threshold=D("2"),
            on_target=on_target,
        )
        == trend
    )


def test_trend_threshold_is_a_percent_of_last_years_value():
    """From 10 to 10.3 is 3%: a change, though only 0.3 points."""
    assert (
        compute_trend(
            D("10.3"), D("10"), polarity="high", threshold=D("2"), on_target=False
        )
        == "Improving"
    )
    assert (
        compute_trend(
            D("1000.3"), D("1000"), polarity="high", threshold=D("2"), on_target=False
        )
        == "Static"
    )


@pytest.fixture
def indicator(cast):
    indicator = IndicatorFactory(
        board=cast.board, code="CS1.1", unit=Unit.PERCENTAGE, polarity=Polarity.HIGH
    )
    TargetFactory(indicator=indicator, year=2016, value=D("90"))
    return indicator


def rows_at_2017(indicator):
    return selectors.scorecard_rows(
        indicator.board,
        type(indicator).objects.filter(pk=indicator.pk),
        period_kind=PeriodKind.YEAR,
        period_end=date(2017, 3, 31),
    )


def test_scorecard_row_uses_the_board_tolerance_and_last_years_value(indicator):
    MeasurementFactory(indicator=indicator, period_end=date(2016, 3, 31), value=70)
    MeasurementFactory(indicator=indicator, period_end=date(2017, 3, 31), value=81)
    [row] = rows_at_2017(indicator)
    assert (row.rag, row.computed_rag, row.trend) == ("A", "A", "Improving")
    assert "within the tolerance of 10% of the target" in row.reason


def test_indicator_tolerance_overrides_the_boards(indicator):
    indicator.tolerance_kind, indicator.tolerance = ToleranceKind.POINTS, D("5")
    indicator.save()
    MeasurementFactory(indicator=indicator, period_end=date(2017, 3, 31), value=84)
    [row] = rows_at_2017(indicator)
    assert row.rag == "R"
    assert "by more than the tolerance of 5 points" in row.reason


def test_recorded_rag_is_shown_with_its_reason_and_the_computed_one_kept(indicator):
    MeasurementFactory(
        indicator=indicator,
        value=D("85"),
        recorded_rag="G",
        rag_reason="Agreed by the board in March.",
    )
    [row] = rows_at_2017(indicator)
    assert (row.rag, row.computed_rag, row.is_recorded) == ("G", "A", True)
    assert row.recorded_reason == "Agreed by the board in March."


def test_trend_compares_with_the_same_period_a_year_earlier(indicator):
    """A quarter's value is compared with that quarter a year before, not with
    the previous quarter or the year end."""
    for kind, end, value in (
        (PeriodKind.QUARTER, date(2015, 12, 31), "95"),
        (PeriodKind.YEAR, date(2016, 3, 31), "60"),
        (PeriodKind.QUARTER, date(2016, 9, 30), "60"),
        (PeriodKind.QUARTER, date(2016, 12, 31), "80"),
    ):
        MeasurementFactory(
            indicator=indicator, period_kind=kind, period_end=end, value=D(value)
        )
    [row] = selectors.scorecard_rows(
        indicator.board,
        type(indicator).objects.filter(pk=indicator.pk),
        period_kind=PeriodKind.QUARTER,
        period_end=date(2016, 12, 31),
    )
    assert row.trend == "Declining"
