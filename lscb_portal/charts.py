"""Server-side SVG charts, shared by pages and PDFs. Each chart carries a text
alternative; pages show the data table beside it. Colours are never the only cue:
every segment is labelled in text."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

RAG_STYLE = {
    "R": ("Red", "#ca3535"),
    "A": ("Amber", "#f47738"),
    "G": ("Green", "#0f7a52"),
    "C": ("Complete", "#1d70b8"),
    "": ("Not rated", "#b1b4b6"),
}


def rag_bar(counts: list[tuple[str, int]], *, title: str, width=640) -> SafeString:
    """A horizontal stacked bar of RAG counts, each segment labelled "Green 35"."""
    total = sum(value for _, value in counts) or 1
    summary = ", ".join(f"{RAG_STYLE[rag][0]} {value}" for rag, value in counts)
    segments, x = [], 0.0
    for rag, value in counts:
        if not value:
            continue
        name, colour = RAG_STYLE[rag]
        w = width * value / total
        segments.append((x, w, colour, name, value))
        x += w
    bars = format_html_join(
        "",
        '<rect x="{}" y="0" width="{}" height="28" fill="{}" '
        'stroke="#ffffff" stroke-width="2"/>',
        ((f"{sx:.1f}", f"{sw:.1f}", colour) for sx, sw, colour, _, _ in segments),
    )
    labels = format_html_join(
        "",
        '<text x="{}" y="48" font-size="14" font-family="system-ui, sans-serif" '
        'fill="#0b0c0c">{} {}</text>',
        (
            (f"{sx + 2:.1f}", name, value)
            for sx, sw, _, name, value in segments
            if sw > 70
        ),
    )
    return format_html(
        '<svg class="portal-chart" role="img" aria-labelledby="{id}-title" '
        'viewBox="0 0 {w} 56" width="100%" preserveAspectRatio="xMinYMin meet">'
        '<title id="{id}-title">{title}: {summary}</title>{bars}{labels}</svg>',
        id="rag-bar",
        w=width,
        title=title,
        summary=summary,
        bars=bars,
        labels=labels,
    )


LINE_STYLES = [
    # (colour, dash pattern, marker) so series differ by more than colour.
    ("#1d70b8", "", "circle"),
    ("#505a5f", "6 4", "square"),
    ("#6f72af", "2 3", "diamond"),
]


def line_chart(
    series: list[tuple[str, list]],
    *,
    title: str,
    formatter=str,
    target=None,
    width=640,
    height=260,
) -> SafeString:
    """Lines of (date, value) points: the first series is the indicator, the others
    comparators. `target` is a value drawn as a dashed line, labelled in text."""
    points = [p for _, pts in series for p in pts]
    if not points:
        return mark_safe("")  # no points, no chart
    values = [float(v) for _, v in points] + (
        [float(target)] if target is not None else []
    )
    low, high = min(values + [0.0]), max(values)
    high = high if high > low else low + 1
    dates = sorted({d for d, _ in points})
    left, right, top, bottom = 56, 16, 16, 40

    def x(day):
        if len(dates) == 1:
            return left + (width - left - right) / 2
        span = (dates[-1] - dates[0]).days or 1
        return left + (day - dates[0]).days / span * (width - left - right)

    def y(value):
        return top + (high - float(value)) / (high - low) * (height - top - bottom)

    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#0b0c0c"/>',
            left,
            height - bottom,
            width - right,
            height - bottom,
        ),
        format_html(
            '<text x="4" y="{}" font-size="12" font-family="system-ui, sans-serif">'
            "{}</text>",
            f"{y(high) + 4:.1f}",
            formatter(high),
        ),
        format_html(
            '<text x="4" y="{}" font-size="12" font-family="system-ui, sans-serif">'
            "{}</text>",
            f"{y(low) + 4:.1f}",
            formatter(low),
        ),
    ]
    # The first and last dates, anchored so neither runs off the chart.
    ends = [(dates[0], "start")] + ([(dates[-1], "end")] if len(dates) > 1 else [])
    for day, anchor in ends:
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" text-anchor="{}" '
                'font-family="system-ui, sans-serif">{}</text>',
                f"{x(day):.1f}",
                height - bottom + 16,
                anchor,
                f"{day:%b %Y}",
            )
        )
    if target is not None:
        parts.append(
            format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#ca3535" '
                'stroke-dasharray="8 4" stroke-width="2"/>'
                '<text x="{}" y="{}" font-size="12" fill="#0b0c0c" text-anchor="end" '
                'font-family="system-ui, sans-serif">Target {}</text>',
                left,
                f"{y(target):.1f}",
                width - right,
                f"{y(target):.1f}",
                width - right,
                f"{y(target) - 4:.1f}",
                formatter(target),
            )
        )
    legend = []
    for index, (name, pts) in enumerate(series):
        colour, dash, _ = LINE_STYLES[index % len(LINE_STYLES)]
        coords = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in sorted(pts))
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2" '
                'stroke-dasharray="{}"/>',
                coords,
                colour,
                dash,
            )
        )
        for d, v in pts:
            parts.append(
                format_html(
                    '<circle cx="{}" cy="{}" r="{}" fill="{}"><title>{}: {} {}</title>'
                    "</circle>",
                    f"{x(d):.1f}",
                    f"{y(v):.1f}",
                    4 if index == 0 else 3,
                    colour,
                    name,
                    f"{d:%d %b %Y}",
                    formatter(v),
                )
            )
        legend.append(f"{name} ({'solid' if not dash else 'dashed'} line)")
    first = series[0][1]
    summary = (
        f"{series[0][0]}: {len(first)} values from {formatter(sorted(first)[0][1])} "
        f"({sorted(first)[0][0]:%b %Y}) to {formatter(sorted(first)[-1][1])} "
        f"({sorted(first)[-1][0]:%b %Y})"
        if first
        else f"{series[0][0]}: no values"
    )
    if target is not None:
        summary += f"; target {formatter(target)}"
    if len(series) > 1:
        summary += "; also shown: " + ", ".join(legend[1:])
    return format_html(
        '<svg class="portal-chart" role="img" aria-labelledby="line-title" '
        'viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet">'
        '<title id="line-title">{}: {}</title>{}</svg>',
        width,
        height,
        title,
        summary,
        format_html_join("", "{}", ((p,) for p in parts)),
    )


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
    "50.40% (126)"): each label is printed above its bar and the value after it,
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
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="13" '
                'font-family="system-ui, sans-serif" fill="#0b0c0c">{}</text>'
                '<rect x="0" y="{}" width="{}" height="16" fill="{}"/>'
                '<text x="{}" y="{}" font-size="13" '
                'font-family="system-ui, sans-serif" fill="#0b0c0c">{}</text>',
                y + 12,
                label,
                y + 17,
                f"{length:.1f}",
                BAR_COLOUR,
                f"{length + 6:.1f}",
                y + 30,
                text,
            )
        )
    summary = "; ".join(f"{label} {text}" for label, _, text in bars)
    return format_html(
        '<svg class="portal-chart" role="img" aria-labelledby="{id}-title" '
        'viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet">'
        '<title id="{id}-title">{title}: {summary}</title>{parts}</svg>',
        id=chart_id,
        w=width,
        h=8 + len(bars) * row,
        title=title,
        summary=summary,
        parts=format_html_join("", "{}", ((p,) for p in parts)),
    )
