"""One-line descriptions of the board's governance records for its home page;
each is one query."""

from django.db.models import Count, Max, Q
from django.utils import timezone

from lscb_portal.periods import year_label

from ..models import (
    Agency,
    Contribution,
    GlossaryTerm,
    Inspection,
    Meeting,
    Membership,
)
from .challenges import describe_challenge_log
from .risks import describe_risk_log

challenges = describe_challenge_log
risks = describe_risk_log


def meetings(board) -> str:
    today = timezone.localdate()
    next_meeting = (
        Meeting.objects.filter(board=board, date__gte=today).order_by("date").first()
    )
    if next_meeting is None:
        return "No meeting is planned"
    return f"Next: {next_meeting}"


def members(board) -> str:
    counts = Membership.objects.filter(board=board).aggregate(
        seats=Count("pk"), people=Count("user", distinct=True)
    )
    people = "person" if counts["people"] == 1 else "people"
    roles = "role" if counts["seats"] == 1 else "roles"
    return f"{counts['people']} {people} in {counts['seats']} {roles}"


def budget(board) -> str:
    latest = Contribution.objects.filter(board=board).aggregate(year=Max("year"))
    if latest["year"] is None:
        return "No budget recorded"
    return f"Latest year recorded: {year_label(latest['year'])}"


def inspections(board) -> str:
    latest = Inspection.objects.filter(board=board).order_by("-start_date").first()
    if latest is None:
        return "No inspection recorded"
    judgement = f": {latest.get_overall_display()}" if latest.overall else ""
    return f"Latest: {latest.body}, {latest.start_date:%B %Y}{judgement}"


def glossary(board) -> str:
    count = GlossaryTerm.objects.filter(board=board).count()
    return f"{count} acronym{'s' if count != 1 else ''}"


def agencies(board) -> str:
    counts = Agency.objects.filter(board=board).aggregate(
        total=Count("pk"), statutory=Count("pk", filter=Q(statutory_partner=True))
    )
    return f"{counts['total']}, of which {counts['statutory']} statutory partners"
