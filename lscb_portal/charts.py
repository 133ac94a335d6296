"""Server-side SVG charts, shared by pages and PDFs. Each chart carries a text
alternative; pages show the data table beside it. Colours are never the only cue:
every segment is labelled in text."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

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
