"""The boards app's search sources: meetings, agenda items (confidential ones only
for those who may see them), the challenge log and the risk log."""

from django.db.models import Case, CharField, Value, When
from django.db.models.functions import Cast
from django.urls import reverse

from lscb_portal.search import SearchResult, SearchSource, register_search, snippet

from . import permissions
from .models import AgendaItem, ChallengeLogEntry, Meeting, MeetingKind, Risk


def _meetings(board, user):
    if not permissions.can_view_board(user, board):
        return None
    kind_label = Case(
        *(When(kind=value, then=Value(label)) for value, label in MeetingKind.choices),
        default=Value(""),
        output_field=CharField(),
    )
    return Meeting.objects.filter(board=board).annotate(
        date_text=Cast("date", CharField()), kind_label=kind_label
    )


def _meeting(meeting, board):
    return SearchResult(
        str(meeting),
        reverse("boards:meeting", args=[board.slug, meeting.pk]),
        meeting.location,
    )


def _agenda_items(board, user):
    if not permissions.can_view_board(user, board):
        return None
    items = AgendaItem.objects.filter(meeting__board=board).select_related("meeting")
    if not permissions.can_view_confidential(user, board):
        items = items.filter(confidential=False)
    return items


def _agenda_item(item, board):
    url = reverse("boards:meeting", args=[board.slug, item.meeting_id])
    return SearchResult(
        f"{item.title} ({item.meeting})",
        f"{url}#item-{item.pk}",
        snippet(item.decisions or item.minutes),
    )


def _challenges(board, user):
    if not permissions.can_view_board(user, board):
        return None
    return ChallengeLogEntry.objects.filter(board=board)


def _challenge(entry, board):
    return SearchResult(
        entry.subject,
        reverse("boards:challenge", args=[board.slug, entry.pk]),
        snippet(entry.details),
    )


def _risks(board, user):
    if not permissions.can_view_board(user, board):
        return None
    return Risk.objects.filter(board=board)


def _risk(risk, board):
    return SearchResult(
        risk.title,
        reverse("boards:risk", args=[board.slug, risk.pk]),
        snippet(risk.description),
    )


def register() -> None:
    for source in (
        SearchSource(
            "Meetings", _meetings, ("kind_label", "date_text", "location"), _meeting
        ),
        SearchSource(
            "Agenda items",
            _agenda_items,
            ("title", "presenter", "minutes", "decisions"),
            _agenda_item,
        ),
        SearchSource(
            "Challenge log",
            _challenges,
            ("subject", "details", "response", "outcome"),
            _challenge,
        ),
        SearchSource(
            "Risk log",
            _risks,
            ("title", "description", "owner", "mitigations"),
            _risk,
        ),
    ):
        register_search(source)
