"""Reads of the good practice catalogue: the list, one example, the reporting years
it spans, and the lines the board home and the agency page show."""

from datetime import date

from django.db.models import Max, Min
from django.shortcuts import get_object_or_404

from lscb_portal.periods import year_labels_spanning

from .models import GoodPracticeExample

AGENCY_PAGE_LIMIT = 5


def examples_for_list(board):
    """The board's examples as lists show them, newest first: two queries whatever
    their number (the rows, and their themes)."""
    return (
        GoodPracticeExample.objects.filter(board=board)
        .select_related("agency")
        .prefetch_related("themes")
        .order_by("-date", "-id")
    )


def example_for_page(board, pk) -> GoodPracticeExample:
    """One of the board's examples; 404 if it is another board's."""
    return get_object_or_404(
        GoodPracticeExample.objects.select_related(
            "agency", "board", "entered_by"
        ).prefetch_related("themes"),
        board=board,
        pk=pk,
    )


def examples_between(board, first: date, last: date) -> list[GoodPracticeExample]:
    """The board's examples dated from `first` to `last`, oldest first."""
    return list(
        examples_for_list(board)
        .filter(date__gte=first, date__lte=last)
        .order_by("date", "id")
    )


def example_years(board) -> list[str]:
    """Every reporting year from the earliest example to the latest, newest first
    (one query)."""
    span = GoodPracticeExample.objects.filter(board=board).aggregate(
        first=Min("date"), last=Max("date")
    )
    return year_labels_spanning(span["first"], span["last"])


def describe_good_practice(board) -> str:
    """The board home's line (one query)."""
    count = GoodPracticeExample.objects.filter(board=board).count()
    if not count:
        return "No good practice examples are recorded yet."
    return f"{count} good practice example{'s' if count != 1 else ''} recorded."


def agency_good_practice(agency) -> dict:
    """The agency page's part: its latest examples, and whether it has more (one
    query)."""
    found = list(
        GoodPracticeExample.objects.filter(agency=agency).order_by("-date", "-id")[
            : AGENCY_PAGE_LIMIT + 1
        ]
    )
    return {
        "examples": found[:AGENCY_PAGE_LIMIT],
        "more": len(found) > AGENCY_PAGE_LIMIT,
    }
