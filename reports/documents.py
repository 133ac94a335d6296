"""The documents the reports app makes. Each returns (pdf bytes, page count) and
reports its progress as (steps done, steps total, label)."""

from lscb_portal.periods import year_label
from lscb_portal.pdf import render_pdf


def no_progress(done, total, label):
    return None


def annual_report(board, year: int, progress=no_progress) -> tuple[bytes, int]:
    """The board's annual report for the reporting year starting in `year`."""
    progress(0, 1, "Assembling the report")
    data, pages = render_pdf(
        "reports/pdf/annual_report.html",
        {"board": board, "year_label": year_label(year)},
        title=f"{board.name} annual report {year_label(year)}",
        author=board.name,
    )
    progress(1, 1, "Done")
    return data, pages
