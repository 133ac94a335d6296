"""The board's own parts of its home: the next board meeting and its papers, open
challenges awaiting a response, the highest risks. A fixed number of queries."""

from datetime import date

from django.db.models import Count, Q

from ..models import ChallengeLogEntry, ChallengeStatus, Meeting, MeetingKind
from ..permissions import contributor_agency_ids
from .risks import decorate, risks_for_list

SHOWN = 5


def meeting_ahead(board, today: date) -> dict:
    """The next board meeting, or the latest when none is ahead (labelled), with
    its papers: items that are not standing expect one; it is received when the
    item has a paper, late when the meeting has passed without it. Two queries."""
    meetings = Meeting.objects.filter(board=board, kind=MeetingKind.BOARD)
    meeting = meetings.filter(date__gte=today).order_by("date").first()
    upcoming = meeting is not None
    if not upcoming:
        meeting = meetings.order_by("-date").first()
    if meeting is None:
        return {"meeting": None}
    has_paper = Q(agenda_items__paper_id__isnull=False) | ~Q(
        agenda_items__paper_file=""
    )
    papers = Meeting.objects.filter(pk=meeting.pk).aggregate(
        expected=Count("agenda_items", filter=Q(agenda_items__standing=False)),
        received=Count(
            "agenda_items", filter=Q(agenda_items__standing=False) & has_paper
        ),
    )
    outstanding = papers["expected"] - papers["received"]
    return {
        "meeting": meeting,
        "upcoming": upcoming,
        "expected": papers["expected"],
        "received": papers["received"],
        "due": outstanding if upcoming and meeting.date > today else 0,
        "late": 0 if upcoming and meeting.date > today else outstanding,
    }


def challenges_awaiting(board, user) -> dict:
    """Open challenges with no response yet; an agency contributor sees those put
    to their agency. Two queries."""
    queryset = ChallengeLogEntry.objects.filter(
        board=board, status=ChallengeStatus.OPEN, response=""
    )
    mine = contributor_agency_ids(user, board)
    if mine:
        queryset = queryset.filter(agency_challenged__in=mine)
    return {
        "count": queryset.count(),
        "challenges": list(
            queryset.select_related("agency_challenged").order_by("date", "id")[:SHOWN]
        ),
        "for_agency": bool(mine),
    }


def highest_risks(board, today: date) -> list:
    """The open risks with the highest scores. One query."""
    return [decorate(risk, today) for risk in risks_for_list(board)[:SHOWN]]
