"""Explainable RAG and trend for indicators: pure functions, each result with the
rule that gave it, so a page can say why a value is red, amber or green."""

from dataclasses import dataclass
from decimal import Decimal

POLARITY_WORDS = {"high": "high is good", "low": "low is good", "neither": ""}


@dataclass(frozen=True)
class RagResult:
    rag: str  # "R", "A", "G" or "" when no RAG can be computed
    reason: str


def format_value(value, unit: str) -> str:
    if value is None:
        return "–"
    value = Decimal(value).normalize()
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if unit == "percentage":
        return f"{text}%"
    if unit == "days":
        return f"{text} days"
    return text


def tolerance_amount(reference: Decimal, kind: str, size: Decimal) -> Decimal:
    if kind == "points":
        return size
    return abs(reference) * size / Decimal(100)


def tolerance_text(kind: str, size: Decimal, unit: str) -> str:
    amount = format_value(size, "count")
    if kind == "points":
        return f"tolerance of {amount} point{'s' if size != 1 else ''}"
    return f"tolerance of {amount}% of the target"


def compute_rag(
    value: Decimal,
    *,
    target=None,
    low=None,
    high=None,
    polarity: str,
    tolerance_kind: str,
    tolerance: Decimal,
    unit: str = "count",
) -> RagResult:
    """RAG against a target value or range, by polarity, with an amber band of
    `tolerance` points (or percent of the target) beyond it."""
    shown = format_value(value, unit)
    band = tolerance_text(tolerance_kind, tolerance, unit)
    if target is None and low is None:
        return RagResult("", "No RAG: no target is set for the year.")
    if polarity == "neither" and low is None:
        return RagResult("", "No RAG: good performance is neither high nor low.")
    words = POLARITY_WORDS[polarity]
    if low is not None:
        range_text = (
            f"the target range {format_value(low, unit)}–{format_value(high, unit)}"
        )
        if polarity == "high":
            return _against(
                value,
                low,
                "above",
                range_text,
                shown,
                band,
                words,
                tolerance_kind,
                tolerance,
            )
        if polarity == "low":
            return _against(
                value,
                high,
                "below",
                range_text,
                shown,
                band,
                words,
                tolerance_kind,
                tolerance,
            )
        if low <= value <= high:
            return RagResult("G", f"Green: {shown} is within {range_text}.")
        edge = low if value < low else high
        if abs(value - edge) <= tolerance_amount(edge, tolerance_kind, tolerance):
            return RagResult(
                "A",
                f"Amber: {shown} is outside {range_text} but within the {band}.",
            )
        return RagResult(
            "R",
            f"Red: {shown} is outside {range_text} by more than the {band}.",
        )
    target_text = f"the target of {format_value(target, unit)}"
    side = "above" if polarity == "high" else "below"
    return _against(
        value, target, side, target_text, shown, band, words, tolerance_kind, tolerance
    )


def _against(value, limit, good_side, limit_text, shown, band, words, kind, size):
    """Green on the good side of `limit`; amber within the tolerance beyond it."""
    gap = (limit - value) if good_side == "above" else (value - limit)
    if gap <= 0:
        at = "at or above" if good_side == "above" else "at or below"
        return RagResult("G", f"Green: {shown} is {at} {limit_text} ({words}).")
    bad_side = "below" if good_side == "above" else "above"
    if gap <= tolerance_amount(limit, kind, size):
        return RagResult(
            "A",
            f"Amber: {shown} is {bad_side} {limit_text} but within the {band} "
            f"({words}).",
        )
    return RagResult(
        "R",
        f"Red: {shown} is {bad_side} {limit_text} by more than the {band} ({words}).",
    )


def compute_trend(
    value: Decimal, previous, *, polarity: str, threshold: Decimal, on_target: bool
) -> str:
    """Against the same period a year earlier: a change within `threshold` percent
    is "Sustained" when on target and "Static" when not; otherwise "Improving" or
    "Declining" by polarity ("Increased"/"Decreased" when polarity is neither)."""
    if previous is None:
        return ""
    base = abs(previous) if previous else Decimal(1)
    change = (value - previous) / base * Decimal(100)
    if abs(change) <= threshold:
        return "Sustained" if on_target else "Static"
    if polarity == "neither":
        return "Increased" if change > 0 else "Decreased"
    better = change > 0 if polarity == "high" else change < 0
    return "Improving" if better else "Declining"
