"""The documents the reports app makes. Each returns (pdf bytes, page count) and
reports its progress as (steps done, steps total, label)."""

import re

from lscb_portal.pdf import render_pdf
from lscb_portal.periods import reporting_years, year_label

from .sections import build_sections


def parse_year(text) -> int:
    """'2016-17', '2016/17' or '2016' → 2016 (the year the reporting year starts);
    ValueError for anything else."""
    match = re.fullmatch(r"(\d{4})(?:[-/](\d{2}|\d{4}))?", str(text).strip())
    if not match:
        raise ValueError(f"Give the year as 2016-17 or 2016, not {text!r}.")
    start = int(match[1])
    if start not in reporting_years():
        raise ValueError(f"{text!r} is not a year the portal keeps reports for.")
    if match[2] and int(match[2][-2:]) != (start + 1) % 100:
        raise ValueError(f"{text!r} is not a reporting year (e.g. 2016-17).")
    return start


def no_progress(done, total, label):
    return None


def annual_report_context(
    board, year: int, progress=no_progress, *, draft: bool = False
) -> dict:
    """What the annual report shows, in print and on screen: the sections with
    data for the year, numbered, and the charts they draw. The board's own words
    are the chair's approved text; with `draft`, the text as it stands."""
    sections = build_sections(board, year, progress, draft=draft)
    charts = {}
    for section in sections:
        charts.update(section.context.get("charts", {}))
    return {
        "board": board,
        "year": year,
        "year_label": year_label(year),
        "sections": sections,
        "charts": charts,
        "draft": draft,
    }


def annual_report(
    board, year: int, progress=no_progress, *, draft: bool = False
) -> tuple[bytes, int]:
    """The board's annual report for the reporting year starting in `year`: each
    section built (progress after each), then one render. A draft says so in
    its running header."""
    context = annual_report_context(board, year, progress, draft=draft)
    charts = {
        name: str(svg).encode("utf-8") for name, svg in context.pop("charts").items()
    }
    return render_pdf(
        "reports/pdf/annual_report.html",
        context,
        title=f"{board.name} annual report {context['year_label']}"
        + (" (draft, not approved)" if draft else ""),
        author=board.name,
        charts=charts,
    )
