"""Server-side SVG charts, shared by pages and PDFs: a PDF fetches the very markup
the page shows. Each chart has a title, a <desc> with its data in words, a legend
and text labels, so colour is never the only cue. Every number printed goes
through format_number: a float never reaches a label (Decimal(72.1) would print
72.09999999999999431565811392)."""

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

FONT = "system-ui, sans-serif"
INK = "#0b0c0c"
GRID = "#d8d8d8"

RAG_STYLE = {
    "R": ("Red", "#ca3535"),
    "A": ("Amber", "#f47738"),
    "G": ("Green", "#0f7a52"),
    "C": ("Complete", "#1d70b8"),
    "": ("Not rated", "#b1b4b6"),
}

# The most decimal places each indicator unit (indicators.models.Unit) prints:
# percentages and days at most one, rates always one, counts none.
UNIT_PLACES = {"percentage": 1, "rate": 1, "count": 0, "days": 1}


def to_decimal(value) -> Decimal:
    """Through str, so the float 72.1 stays 72.1."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def format_number(value, unit: str = "count", *, places: int | None = None) -> str:
    """'72.1%', '1,234', '389.9', '12.5 days', with thousands separators; `places`
    lowers the unit's decimals (axis ticks on a whole step print '400', not
    '400.0')."""
    if value is None:
        return "–"
    most = UNIT_PLACES.get(unit, 1)
    if places is not None:
        most = min(most, places)
    number = to_decimal(value).quantize(Decimal(1).scaleb(-most), ROUND_HALF_UP)
    text = f"{number:,.{most}f}"
    if unit != "rate" and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # -0.04 rounds to 0, not "-0"
    if unit == "percentage":
        return f"{text}%"
    if unit == "days":
        return f"{text} day{'' if text == '1' else 's'}"
    return text


def nice_ticks(low, high, *, unit: str = "count", count: int = 5) -> list[Decimal]:
    """About `count` round ticks covering low..high, a step of 1, 2 or 5 × 10ⁿ and
    never finer than the unit prints (counts step by whole numbers)."""
    low, high = to_decimal(low), to_decimal(high)
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = Decimal(10) ** raw.adjusted()
    step = next(power * m for m in (1, 2, 5, 10) if power * m >= raw)
    step = max(step, Decimal(1).scaleb(-UNIT_PLACES.get(unit, 1)))
    first = (low / step).to_integral_value(ROUND_FLOOR)
    last = (high / step).to_integral_value(ROUND_CEILING)
    return [(first + i) * step for i in range(int(last - first) + 1)]


def _places(step: Decimal) -> int:
    return max(0, -step.normalize().as_tuple().exponent)


def _text(x, y, text, *, size=12, anchor="start", fill=INK) -> SafeString:
    return format_html(
        '<text x="{}" y="{}" font-size="{}" font-family="{}" fill="{}" '
        'text-anchor="{}">{}</text>',
        _at(x),
        _at(y),
        size,
        FONT,
        fill,
        anchor,
        text,
    )


def _at(number) -> str:
    return f"{float(number):.1f}"


def _svg(chart_id, width, height, title, parts, desc=None) -> SafeString:
    """The chart as an image whose accessible name is its title (with a summary)
    and whose description, when given, lists every value."""
    described = format_html(' aria-describedby="{}-desc"', chart_id) if desc else ""
    return format_html(
        '<svg class="portal-chart" role="img" aria-labelledby="{id}-title"{described} '
        'viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet">'
        '<title id="{id}-title">{title}</title>{desc}{parts}</svg>',
        id=chart_id,
        described=described,
        w=width,
        h=height,
        title=title,
        desc=format_html('<desc id="{}-desc">{}</desc>', chart_id, desc)
        if desc
        else "",
        parts=format_html_join("", "{}", ((p,) for p in parts)),
    )


def rag_bar(
    counts: list[tuple[str, int]], *, title: str, chart_id="rag-bar", width=640
) -> SafeString:
    """A horizontal stacked bar of RAG counts, with a legend under it naming every
    rating and its count ("Green 35") beside a swatch of its colour."""
    total = sum(value for _, value in counts) or 1
    words = [(RAG_STYLE[rag][0], RAG_STYLE[rag][1], value) for rag, value in counts]
    parts, x = [], 0.0
    for _, colour, value in words:
        if not value:
            continue
        w = width * value / total
        parts.append(
            format_html(
                '<rect x="{}" y="0" width="{}" height="28" fill="{}" '
                'stroke="#ffffff" stroke-width="2"/>',
                _at(x),
                _at(w),
                colour,
            )
        )
        x += w
    # The legend wraps onto a second row rather than run off the chart.
    lx, ly = 0, 44
    for name, colour, value in words:
        label = f"{name} {format_number(value)}"
        item = 26 + 8 * len(label)
        if lx and lx + item > width:
            lx, ly = 0, ly + 22
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="14" height="14" fill="{}"/>',
                lx,
                ly,
                colour,
            )
        )
        parts.append(_text(lx + 20, ly + 12, label, size=14))
        lx += item + 12
    summary = ", ".join(f"{name} {format_number(value)}" for name, _, value in words)
    return _svg(chart_id, width, ly + 22, f"{title}: {summary}", parts)


LINE_STYLES = [
    # (colour, dash pattern, marker, words) so series differ by more than colour.
    ("#1d70b8", "", "circle", "solid line, circles"),
    ("#505a5f", "6 4", "square", "dashed line, squares"),
    ("#6f72af", "2 3", "diamond", "dotted line, diamonds"),
]
TARGET_COLOUR = "#ca3535"


def _marker(shape, cx, cy, colour, tooltip) -> SafeString:
    if shape == "square":
        mark = format_html(
            '<rect x="{}" y="{}" width="7" height="7" fill="{}">',
            _at(cx - 3.5),
            _at(cy - 3.5),
            colour,
        )
        end = "</rect>"
    elif shape == "diamond":
        mark = format_html(
            '<path d="M{x},{top} L{right},{y} L{x},{bottom} L{left},{y} Z" fill="{c}">',
            x=_at(cx),
            y=_at(cy),
            top=_at(cy - 5),
            bottom=_at(cy + 5),
            left=_at(cx - 5),
            right=_at(cx + 5),
            c=colour,
        )
        end = "</path>"
    else:
        mark = format_html(
            '<circle cx="{}" cy="{}" r="4" fill="{}">', _at(cx), _at(cy), colour
        )
        end = "</circle>"
    tip = format_html("<title>{}</title>", tooltip) if tooltip else ""
    return format_html("{}{}{}", mark, tip, mark_safe(end))


def line_chart(
    series: list[tuple[str, list]],
    *,
    title: str,
    unit: str = "count",
    target=None,
    chart_id="line",
    width=640,
    height=260,
) -> SafeString:
    """Lines of (date, value) points: the first series is the indicator, the others
    comparators. Round ticks on the value axis, a labelled date under each point
    (or evenly spaced ones), `target` a dashed line, and a legend under the chart."""
    points = [p for _, pts in series for p in pts]
    if not points:
        return mark_safe("")  # no points, no chart
    values = [to_decimal(v) for _, v in points]
    if target is not None:
        target = to_decimal(target)
        values.append(target)
    ticks = nice_ticks(min(values + [Decimal(0)]), max(values), unit=unit)
    places = _places(ticks[1] - ticks[0])
    tick_labels = [format_number(t, unit, places=places) for t in ticks]
    low, high = float(ticks[0]), float(ticks[-1])
    dates = sorted({d for d, _ in points})
    # Room for the longest tick label, and for half the first date label.
    left = max(40, 14 + 7 * max(len(label) for label in tick_labels))
    right, top, plot_bottom = 36, 12, height - 40

    def x(day):
        if len(dates) == 1:
            return left + (width - left - right) / 2
        span = (dates[-1] - dates[0]).days or 1
        return left + (day - dates[0]).days / span * (width - left - right)

    def y(value):
        return top + (high - float(value)) / (high - low) * (plot_bottom - top)

    parts = []
    for tick, label in zip(ticks, tick_labels, strict=True):
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>',
                left,
                _at(y(tick)),
                width - right,
                _at(y(tick)),
                INK if tick == ticks[0] else GRID,
            )
        )
        parts.append(_text(left - 6, y(tick) + 4, label, anchor="end"))
    # A label under each date, skipping those that would crowd the one before.
    labelled = []
    for day in dates:
        if not labelled or x(day) - x(labelled[-1]) >= 72:
            labelled.append(day)
    for day in labelled:
        parts.append(
            format_html(
                '<line x1="{x}" y1="{y}" x2="{x}" y2="{y2}" stroke="{c}"/>',
                x=_at(x(day)),
                y=plot_bottom,
                y2=plot_bottom + 5,
                c=INK,
            )
        )
        parts.append(_text(x(day), plot_bottom + 18, f"{day:%b %Y}", anchor="middle"))
    if target is not None:
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" '
                'stroke-dasharray="8 4" stroke-width="2"/>',
                left,
                _at(y(target)),
                width - right,
                _at(y(target)),
                TARGET_COLOUR,
            )
        )
        parts.append(
            _text(
                width - right,
                y(target) - 5,
                f"Target {format_number(target, unit)}",
                anchor="end",
            )
        )
    legend, described = [], []
    for index, (name, pts) in enumerate(series):
        colour, dash, shape, words = LINE_STYLES[index % len(LINE_STYLES)]
        pts = sorted(pts)
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2" '
                'stroke-dasharray="{}"/>',
                " ".join(f"{_at(x(d))},{_at(y(v))}" for d, v in pts),
                colour,
                dash,
            )
        )
        for d, v in pts:
            shown = f"{d:%-d %b %Y} {format_number(v, unit)}"
            parts.append(_marker(shape, x(d), y(v), colour, f"{name}: {shown}"))
        legend.append((name, colour, dash, shape, f"{name} ({words})"))
        listed = ", ".join(f"{d:%-d %b %Y} {format_number(v, unit)}" for d, v in pts)
        described.append(f"{name}: {listed or 'no values'}")
    if target is not None:
        legend.append(
            ("Target", TARGET_COLOUR, "8 4", None, "Target (red dashed line)")
        )
        described.append(f"Target: {format_number(target, unit)}")
    row_y = height + 4
    for name, colour, dash, shape, _ in legend:
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2" '
                'stroke-dasharray="{}"/>',
                left,
                row_y,
                left + 32,
                row_y,
                colour,
                dash,
            )
        )
        if shape:
            parts.append(_marker(shape, left + 16, row_y, colour, None))
        parts.append(_text(left + 40, row_y + 4, name))
        row_y += 20
    first = sorted(series[0][1])
    summary = (
        f"{series[0][0]}: {len(first)} values from "
        f"{format_number(first[0][1], unit)} ({first[0][0]:%b %Y}) to "
        f"{format_number(first[-1][1], unit)} ({first[-1][0]:%b %Y})"
        if first
        else f"{series[0][0]}: no values"
    )
    if target is not None:
        summary += f"; target {format_number(target, unit)}"
    if len(series) > 1:
        summary += "; also shown: " + ", ".join(name for name, _ in series[1:])
    desc = "; ".join(described) + ". Legend: " + ", ".join(w for *_, w in legend)
    return _svg(chart_id, width, row_y, f"{title}: {summary}", parts, desc)


BAR_COLOUR = "#1d70b8"


def bar_chart(
    bars: list[tuple[str, float, str]],
    *,
    title: str,
    chart_id: str,
    maximum: float | None = None,
    width=640,
) -> SafeString:
    """Horizontal bars, one per (label, value, value as text), e.g. ("Yes", 50.4,
    "50.4% (126)"): each label is printed above its bar and the value after it,
    so neither colour nor length is the only cue. `maximum` is the value of a full
    bar (100 for percentages; the largest value by default). `chart_id` must be
    unique on the page: the title is named by it."""
    if not bars:
        return mark_safe("")
    top = float(maximum or max(float(v) for _, v, _ in bars) or 1)
    room = width - 130  # the value's text goes after the longest bar
    row = 40
    parts = []
    for index, (label, value, text) in enumerate(bars):
        y = 4 + index * row
        length = max(room * float(value) / top, 0) if top else 0
        parts.append(_text(0, y + 12, label, size=13))
        parts.append(
            format_html(
                '<rect x="0" y="{}" width="{}" height="16" fill="{}"/>',
                y + 17,
                _at(length),
                BAR_COLOUR,
            )
        )
        parts.append(_text(length + 6, y + 30, text, size=13))
    summary = "; ".join(f"{label} {text}" for label, _, text in bars)
    return _svg(chart_id, width, 8 + len(bars) * row, f"{title}: {summary}", parts)
