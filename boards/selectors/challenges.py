"""Reads for the challenge log: the list, one challenge, and the counts per agency
challenged and reporting year (April to March) for the annual report."""

from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Max, Min, Q, When
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404

from lscb_portal.periods import year_label, year_labels_spanning

from ..models import Agency, ChallengeLogEntry, ChallengeStatus


def reporting_year_expression():
    """The start year of the reporting year a challenge's date falls in, in SQL:
    a challenge of 15 February 2017 is in 2016-17, so 2016."""
    return Case(
        When(date__month__lt=4, then=ExtractYear("date") - 1),
        default=ExtractYear("date"),
        output_field=IntegerField(),
    )


def challenge_years(board) -> list[str]:
    """Every reporting year from the earliest challenge to the latest, newest first
    (one query)."""
    span = ChallengeLogEntry.objects.filter(board=board).aggregate(
        first=Min("date"), last=Max("date")
    )
    return year_labels_spanning(span["first"], span["last"])


def challenges_for_list(board):
    """The board's challenges as the list shows them, newest first."""
    return (
        ChallengeLogEntry.objects.filter(board=board)
        .select_related("agency_challenged", "raised_by__user", "raised_by_agency")
        .order_by("-date", "-id")
    )


def challenge_for_page(board, pk) -> ChallengeLogEntry:
    """One of the board's challenges with what its pages show; 404 if it is
    another board's."""
    return get_object_or_404(
        ChallengeLogEntry.objects.select_related(
            "agency_challenged",
            "raised_by__user",
            "raised_by__agency",
            "raised_by_agency",
            "prompted_by_type",
        ),
        board=board,
        pk=pk,
    )


@dataclass
class PromptedBy:
    label: str
    url: str | None = None


def prompted_by(challenge: ChallengeLogEntry) -> PromptedBy | None:
    """What prompted the challenge: a link if the record has a page, else its name.
    None if nothing did; "(no longer recorded)" if the record has gone."""
    if challenge.prompted_by_type_id is None or challenge.prompted_by_id is None:
        return None
    record = challenge.prompted_by
    kind = challenge.prompted_by_type.name if challenge.prompted_by_type else ""
    if record is None:
        return PromptedBy(f"A {kind} that is no longer recorded")
    url = None
    get_url = getattr(record, "get_absolute_url", None)
    if callable(get_url):
        try:
            url = get_url()
        except Exception:  # a page that cannot be reached is shown as text
            url = None
    return PromptedBy(f"{kind[:1].upper()}{kind[1:]}: {record}", url)


# Counts for the annual report ----------------------------------------------------


@dataclass
class CountsRow:
    label: str
    counts: list[int]
    total: int


@dataclass
class ChallengeCounts:
    years: list[str] = field(default_factory=list)
    rows: list[CountsRow] = field(default_factory=list)
    year_totals: list[int] = field(default_factory=list)
    total: int = 0
    open_total: int = 0


def challenge_counts(board) -> ChallengeCounts:
    """Challenges per agency challenged (down) and reporting year (across, oldest
    first), with totals: two queries whatever the size of the log. Every agency of
    the board has a row, so an agency never challenged shows as noughts."""
    agencies = list(Agency.objects.filter(board=board).order_by("name"))
    grouped = (
        ChallengeLogEntry.objects.filter(board=board)
        .annotate(year=reporting_year_expression())
        .values("agency_challenged_id", "year", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    cells: dict[tuple[int, int], int] = {}
    open_total = 0
    for row in grouped:
        key = (row["agency_challenged_id"], row["year"])
        cells[key] = cells.get(key, 0) + row["n"]
        if row["status"] == ChallengeStatus.OPEN:
            open_total += row["n"]
    if not cells:
        return ChallengeCounts()
    start_years = sorted({year for _, year in cells})
    start_years = list(range(start_years[0], start_years[-1] + 1))
    rows = []
    for agency in agencies:
        counts = [cells.get((agency.pk, year), 0) for year in start_years]
        rows.append(CountsRow(agency.name, counts, sum(counts)))
    year_totals = [sum(row.counts[i] for row in rows) for i in range(len(start_years))]
    return ChallengeCounts(
        years=[year_label(year) for year in start_years],
        rows=rows,
        year_totals=year_totals,
        total=sum(year_totals),
        open_total=open_total,
    )


def describe_challenge_log(board) -> str:
    """A line for the board's home page (one query)."""
    counts = ChallengeLogEntry.objects.filter(board=board).aggregate(
        total=Count("id"), open=Count("id", filter=Q(status=ChallengeStatus.OPEN))
    )
    if not counts["total"]:
        return "No challenges are logged yet."
    return (
        f"{counts['total']} challenge{'s' if counts['total'] != 1 else ''} logged, "
        f"{counts['open']} open."
    )
