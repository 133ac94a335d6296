"""The shared SVG charts: round ticks, values as their unit says, never float
noise, every RAG rating named in words, a legend; and the PDF draws the same SVG
the page shows."""

import re
from datetime import date
from decimal import Decimal as D
from html import unescape

import pytest

from indicators.models import Comparator, Unit
from lscb_portal.charts import (
    bar_chart,
    format_number,
    line_chart,
    nice_ticks,
    rag_bar,
)
from tests.indicators.factories import (
    IndicatorFactory,
    MeasurementFactory,
    TargetFactory,
    indicator_url,
)

NOISE = re.compile(r"\d\.\d{3,}")  # what a float or a 3-place Decimal prints
YEAR_ENDS = [date(y, 3, 31) for y in range(2013, 2018)]


def texts(svg) -> list[str]:
    """What the chart prints, in order."""
    return [unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def words(svg) -> str:
    """Every text a person or a screen reader gets: labels, title, description."""
    return " ".join(
        unescape(t)
        for t in re.findall(r"<(?:text|title|desc)[^>]*>([^<]*)</", str(svg))
    )


def is_round(step: D) -> bool:
    digits = step.normalize().as_tuple().digits
    return digits in ((1,), (2,), (5,))


@pytest.mark.parametrize(
    ("low", "high", "unit"),
    [
        (0, 72.1, "percentage"),
        (36.1, 62.5, "rate"),
        (0, 3, "count"),
        (0, 1, "count"),
        (0, 12345, "count"),
        (D("0.1"), D("0.3"), "percentage"),
        (-4, 17, "count"),
        (5, 5, "count"),
    ],
)
def test_ticks_are_round_steps_covering_the_values(low, high, unit):
    ticks = nice_ticks(low, high, unit=unit)
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1
    step = steps.pop()
    assert is_round(step), step
    assert ticks[0] <= D(str(low)) and ticks[-1] >= D(str(high))
    assert 2 <= len(ticks) <= 11
    assert all(t % step == 0 for t in ticks)
    if unit == "count":
        assert step >= 1  # no tick between two whole numbers


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (72.1, "percentage", "72.1%"),
        (D("72.09999999999999431565811392"), "percentage", "72.1%"),
        (D("70.000"), "percentage", "70%"),
        (D("33.333"), "percentage", "33.3%"),
        (D("1234.000"), "count", "1,234"),
        (D("1529.6"), "count", "1,530"),
        (D("389.9"), "rate", "389.9"),
        (D("40"), "rate", "40.0"),
        (D("10234.56"), "rate", "10,234.6"),
        (D("12.50"), "days", "12.5 days"),
        (1, "days", "1 day"),
        (D("-0.04"), "percentage", "0%"),
        (None, "count", "–"),
    ],
)
def test_values_are_formatted_as_their_unit_says(value, unit, shown):
    assert format_number(value, unit) == shown


def test_line_chart_axes_have_round_ticks_and_labelled_dates():
    svg = line_chart(
        [("CS1", list(zip(YEAR_ENDS, [36.1, 62.5, 34.6, 44.6, 56.6], strict=True)))],
        title="Children on a plan",
        unit=Unit.RATE,
    )
    printed = texts(svg)
    assert printed[:5] == ["0", "20", "40", "60", "80"]  # a whole step: no ".0"
    assert [t for t in printed if t.startswith("Mar ")] == [
        f"Mar {y}" for y in range(2013, 2018)
    ]


def test_many_dates_are_labelled_without_crowding():
    months = [date(2013 + m // 12, m % 12 + 1, 1) for m in range(60)]
    svg = line_chart([("Monthly", [(d, 5) for d in months])], title="M")
    dates = [t for t in texts(svg) if re.fullmatch(r"[A-Z][a-z]{2} \d{4}", t)]
    assert 5 <= len(dates) <= 8
    assert dates[0] == "Jan 2013"
    # Two close dates in a long series: the second is not labelled over the first.
    close = [date(2013, 3, 31), date(2013, 4, 30), date(2017, 3, 31)]
    svg = line_chart([("Close", [(d, 5) for d in close])], title="C")
    assert [t for t in texts(svg) if t.startswith("Mar ")] == ["Mar 2013", "Mar 2017"]


@pytest.mark.parametrize(
    ("unit", "values", "expected"),
    [
        (Unit.PERCENTAGE, [72.1, D("68.25"), D("70.000")], ["72.1%", "68.3%", "70%"]),
        (Unit.COUNT, [D("1530.000"), D("1234"), 987], ["1,530", "1,234", "987"]),
        (Unit.RATE, [D("389.900"), 400, D("56.64")], ["389.9", "400.0", "56.6"]),
    ],
)
def test_line_chart_values_are_formatted_as_the_unit_says(unit, values, expected):
    svg = line_chart(
        [("X", list(zip(YEAR_ENDS, values, strict=False)))], title="X", unit=unit
    )
    described = re.search(r"<desc[^>]*>([^<]*)</desc>", svg)[1]
    for shown in expected:
        assert f" {shown}" in unescape(described)


def test_float_noise_never_reaches_a_label_title_or_description():
    noisy = [72.1, 0.1 + 0.2, D("72.09999999999999431565811392"), 1 / 3, 68.05]
    svg = line_chart(
        [
            ("Ours", list(zip(YEAR_ENDS, noisy, strict=True))),
            ("England", [(YEAR_ENDS[0], 2 / 3)]),
        ],
        title="Noise",
        unit=Unit.PERCENTAGE,
        target=75.3,
    )
    assert not NOISE.search(words(svg)), words(svg)
    assert "72.1%" in words(svg) and "Target 75.3%" in texts(svg)
    # Nor in the geometry: coordinates are printed to one place.
    assert not NOISE.search(svg)


def test_line_chart_has_a_legend_naming_each_line_and_the_target():
    svg = line_chart(
        [
            ("CS1", [(YEAR_ENDS[0], 10), (YEAR_ENDS[1], 12)]),
            ("Statistical neighbours", [(YEAR_ENDS[0], 11)]),
            ("England", [(YEAR_ENDS[0], 9)]),
        ],
        title="Legend",
        target=15,
    )
    printed = texts(svg)
    assert printed[-4:] == ["CS1", "Statistical neighbours", "England", "Target"]
    described = unescape(re.search(r"<desc[^>]*>([^<]*)</desc>", svg)[1])
    assert (
        "Legend: CS1 (solid line, circles), Statistical neighbours (dashed line, "
        "squares), England (dotted line, diamonds), Target (red dashed line)"
    ) in described
    assert 'aria-describedby="line-desc"' in svg


def test_line_chart_without_points_is_not_drawn():
    assert line_chart([("X", [])], title="None") == ""


def test_rag_bar_has_a_text_alternative_with_every_count():
    svg = rag_bar([("R", 0), ("A", 2), ("G", 35), ("C", 16), ("", 9)], title="Plan")
    assert 'role="img"' in svg
    assert "Plan: Red 0, Amber 2, Green 35, Complete 16, Not rated 9</title>" in svg
    assert svg.count('height="28"') == 4  # no segment for a zero count


def test_rag_bar_names_every_segment_in_its_legend_however_narrow():
    svg = rag_bar([("R", 1), ("A", 1), ("G", 300), ("", 1)], title="Plan")
    assert texts(svg) == ["Red 1", "Amber 1", "Green 300", "Not rated 1"]
    assert svg.count('width="14" height="14"') == 4  # a swatch beside each name


def test_rag_bar_legend_wraps_within_the_chart():
    svg = rag_bar(
        [("R", 1), ("A", 1), ("G", 1), ("C", 1), ("", 1)], title="P", width=300
    )
    xs = [float(x) for x in re.findall(r'<text x="([\d.]+)"', svg)]
    assert (
        max(xs) < 300
        and len(set(re.findall(r'<text x="[\d.]+" y="([\d.]+)"', svg))) > 1
    )


def test_charts_escape_their_text():
    assert "<script>" not in rag_bar([("G", 1)], title="<script>")
    svg = line_chart([("<b>", [(YEAR_ENDS[0], 1)])], title="<script>")
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg


def test_bar_chart_title_lists_each_bar():
    svg = bar_chart([("Yes", 50.4, "50.4% (126)")], title="Q", chart_id="q1")
    assert "Q: Yes 50.4% (126)</title>" in svg


@pytest.mark.django_db
def test_indicator_page_chart_prints_round_ticks_and_the_unit(cast, as_user):
    indicator = IndicatorFactory(board=cast.board, code="P1.0", unit=Unit.PERCENTAGE)
    for day, value in zip(
        YEAR_ENDS, ["72.1", "68.25", "70", "71.333", "69.9"], strict=True
    ):
        MeasurementFactory(indicator=indicator, period_end=day, value=D(value))
    TargetFactory(indicator=indicator, year=2016, value=D("72.5"))
    Comparator.objects.create(indicator=indicator, year=2015, england=D("66.667"))
    response = as_user(cast.lay_member).get(indicator_url("P1.0"))
    svg = re.search(
        r"<svg class=\"portal-chart\".*?</svg>", response.content.decode(), re.S
    )[0]
    assert not NOISE.search(words(svg)), words(svg)
    printed = texts(svg)
    assert printed[:5] == ["0%", "20%", "40%", "60%", "80%"]
    assert "Target 72.5%" in printed and "England" in printed
    assert "England: 31 Mar 2016 66.7%" in words(svg)
    assert "71.3%" in words(svg)


@pytest.mark.django_db
def test_the_pdf_draws_the_same_chart_the_html_edition_shows(
    cast, monkeypatch, as_user
):
    from reports import documents
    from tests.business_plan.factories import ActionFactory, PlanFactory, ThemeFactory

    plan = PlanFactory(board=cast.board)
    theme = ThemeFactory(plan=plan, number=1)
    for ref in ("1.1", "1.2"):
        ActionFactory(plan=plan, theme=theme, ref=ref)
    drawn = {}
    monkeypatch.setattr(
        documents,
        "render_pdf",
        lambda template, context, **kwargs: drawn.update(kwargs["charts"]) or (b"", 0),
    )
    documents.annual_report(cast.board, 2016)
    assert drawn, "the business plan section draws its RAG bar"
    response = as_user(cast.chair).get("/boards/north/annual-report/2016-17/")
    page = response.content.decode()
    for name, svg in drawn.items():
        assert svg.decode() in page, name
