"""Reads for a meeting's page: its agenda (with confidential items masked), its
attendance, the actions raised at it, and its action log."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q

from ..models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    MeetingAction,
    MeetingActionStatus,
)

CONFIDENTIAL_TITLE = "Confidential item"


@dataclass
class Paper:
    label: str
    url: str | None = None
    is_file: bool = False


@dataclass
class ItemView:
    """An agenda item as a user may see it: a confidential item's title, presenter,
    paper, minutes, decisions and declarations are hidden from users who may not
    see confidential items; they still see that the item exists."""

    item: AgendaItem
    masked: bool
    paper: Paper | None = None
    declarations: list = field(default_factory=list)

    @property
    def title(self) -> str:
        return CONFIDENTIAL_TITLE if self.masked else self.item.title


def paper_of(item: AgendaItem, file_url: str) -> Paper | None:
    """The item's paper: the linked record (a link if it has a page), or the file."""
    if item.paper_id and item.paper is not None:
        record = item.paper
        get_url = getattr(record, "get_absolute_url", None)
        return Paper(label=str(record), url=get_url() if callable(get_url) else None)
    if item.paper_file:
        return Paper(
            label=item.paper_file.name.rsplit("/", 1)[-1], url=file_url, is_file=True
        )
    return None


def agenda(meeting, *, can_view_confidential: bool, file_url) -> list[ItemView]:
    """The meeting's items in order. `file_url(item)` gives the address of an
    item's paper file. Three queries, plus one per kind of linked paper."""
    items = meeting.agenda_items.order_by("order").prefetch_related(
        "paper",
        Prefetch(
            "declarations",
            queryset=Declaration.objects.select_related(
                "membership__user", "membership__agency"
            ),
        ),
    )
    views = []
    for item in items:
        masked = item.confidential and not can_view_confidential
        views.append(
            ItemView(
                item=item,
                masked=masked,
                paper=None if masked else paper_of(item, file_url(item)),
                declarations=[] if masked else list(item.declarations.all()),
            )
        )
    return views


def attendance(meeting) -> list[Attendance]:
    return sorted(
        meeting.attendance.select_related("membership__user", "membership__agency"),
        key=lambda a: (
            a.membership.agency.name if a.membership.agency_id else "",
            a.membership.position,
        ),
    )


def _actions():
    return MeetingAction.objects.select_related(
        "meeting", "owner__user", "owner__agency", "agenda_item"
    )


def actions_arising(meeting) -> list[MeetingAction]:
    return list(_actions().filter(meeting=meeting).order_by("pk"))


def open_on(queryset, day: date):
    """Actions still open on the day: open now, or closed after it."""
    return queryset.filter(Q(status=MeetingActionStatus.OPEN) | Q(closed_on__gt=day))


def action_log(meeting) -> list[MeetingAction]:
    """Every action raised at this or an earlier meeting of the same kind (the
    board's log, or the Business Group's) that was still open on this meeting's
    date, oldest first. One query."""
    raised = _actions().filter(
        meeting__board_id=meeting.board_id,
        meeting__kind=meeting.kind,
        meeting__date__lte=meeting.date,
    )
    return list(open_on(raised, meeting.date).order_by("meeting__date", "pk"))


def approving_choices(meeting, today: date):
    """Meetings that may approve this meeting's minutes: held after it, by today."""
    return Meeting.objects.filter(
        board_id=meeting.board_id, date__gt=meeting.date, date__lte=today
    ).order_by("date", "kind")


def next_meeting(meeting):
    """The next meeting of the same kind, if one is planned."""
    return (
        Meeting.objects.filter(
            board_id=meeting.board_id, kind=meeting.kind, date__gt=meeting.date
        )
        .order_by("date")
        .first()
    )


def previous_meeting(meeting):
    return (
        Meeting.objects.filter(
            board_id=meeting.board_id, kind=meeting.kind, date__lt=meeting.date
        )
        .order_by("-date")
        .first()
    )


def action_is_masked(action: MeetingAction, *, can_view_confidential: bool) -> bool:
    """An action raised on a confidential item: its words are hidden from users who
    may not see confidential items."""
    return bool(
        action.agenda_item_id
        and action.agenda_item.confidential
        and not can_view_confidential
    )
