"""What the rest of the portal shows of reviews: the board home's line, the agency
page's action items, the deadlines of notifications and rapid reviews (board home,
Reporting Planner, the daily reminders). Each read is a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from .. import permissions, services
from ..models import CaseReview, DeadlineKind, ItemStatus, Stage


def describe_reviews(board) -> str:
    """The board home's line: published reviews and their open actions, nothing
    restricted. One query."""
    counts = CaseReview.objects.filter(
        board=board, published_on__isnull=False
    ).aggregate(
        reviews=Count("pk", distinct=True),
        actions=Count(
            "action_items",
            filter=~Q(action_items__status=ItemStatus.COMPLETE),
            distinct=True,
        ),
    )
    reviews, actions = counts["reviews"], counts["actions"]
    return (
        f"{reviews} published review{'s' if reviews != 1 else ''}, "
        f"{actions} open action{'s' if actions != 1 else ''}"
    )


# The agency page ---------------------------------------------------------------


def agency_review_actions(agency, user) -> dict | None:
    """The open items of published reviews' action plans that the agency owns, as
    far as the user may see them; overdue first. None leaves the part out for a
    user who may see none of the agency's items."""
    board = agency.board
    if not permissions.can_view_agency_action_items(user, agency):
        return None
    visible = permissions.visible_action_items(user, board)
    today = timezone.localdate()
    items = list(
        visible.filter(owner_agency=agency, review__published_on__isnull=False)
        .open()
        .select_related("review")
        .order_by("due_date", "review__child_reference", "number")
    )
    items.sort(key=lambda i: (not i.is_overdue_on(today), i.due_date))
    return {
        "items": items,
        "overdue": sum(1 for i in items if i.is_overdue_on(today)),
        "today": today,
    }


# Deadlines: notifications and rapid reviews -------------------------------------


@dataclass
class Deadline:
    review: CaseReview
    kind: str
    due: date
    late: bool

    @property
    def label(self) -> str:
        return DeadlineKind(self.kind).label

    @property
    def child_reference(self) -> str:
        return self.review.child_reference


def outstanding_deadlines(board=None, *, today: date, until: date | None = None):
    """Notifications to the national panel and rapid reviews not yet sent, of
    reviews not closed, soonest first; only those due by `until` when given. The
    board's (every board's when None). One query."""
    reviews = (
        CaseReview.objects.exclude(stage=Stage.CLOSED)
        .filter(
            Q(incident_known_on__isnull=False, panel_notified_on__isnull=True)
            | Q(panel_notified_on__isnull=False, rapid_review_sent_on__isnull=True)
        )
        .select_related("board")
        .only(
            "board__slug",
            "board__name",
            "child_reference",
            "incident_known_on",
            "panel_notified_on",
            "rapid_review_sent_on",
        )
    )
    if board is not None:
        reviews = reviews.filter(board=board)
    found = []
    for review in reviews:
        if review.panel_notified_on is None:
            kind, due = DeadlineKind.NOTIFICATION, services.notification_due(review)
        else:
            kind, due = DeadlineKind.RAPID_REVIEW, services.rapid_review_due(review)
        if until is not None and due > until:
            continue
        found.append(Deadline(review, kind, due, late=today > due))
    found.sort(key=lambda d: (d.due, d.review.child_reference, d.kind))
    return found


def review_deadlines(board, user, today: date) -> dict | None:
    """The deadlines for the board home and the planner: only for those who may
    see restricted reviews, and only the child reference, what is due, the date
    and whether it is late."""
    if not permissions.can_view_restricted_reviews(user, board):
        return None
    deadlines = outstanding_deadlines(board, today=today)
    if not deadlines:
        return None
    return {"deadlines": deadlines, "late": sum(1 for d in deadlines if d.late)}
