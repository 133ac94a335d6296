"""Reads for the case review pages: the restricted list of a board's reviews, the
published reviews every board viewer may read, one review with everything its
page shows, and what is due next (notifications and rapid reviews)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, IntegerField, Min, Q, Value, When
from django.utils import timezone

from .. import permissions, services
from ..models import CaseReview, ItemStatus, ReviewType, Stage

MAX_ID = 2**63 - 1
OPEN_ITEMS = ~Q(action_items__status=ItemStatus.COMPLETE)


def _order_of(field: str, choices) -> Case:
    """Sorts a choice field in its choices' order (the lifecycle's, the list's)."""
    return Case(
        *(When(**{field: value}, then=Value(i)) for i, value in enumerate(choices)),
        default=Value(len(choices)),
        output_field=IntegerField(),
    )


STAGE_ORDER = _order_of("stage", Stage.values)
TYPE_ORDER = _order_of(
    "review_type", [v for v, _ in sorted(ReviewType.choices, key=lambda c: c[1])]
)


def reviews_for_list(user, board):
    """The board's reviews the user may open, with their open action items and the
    next one's due date. One query a page."""
    return permissions.visible_reviews(user, board).annotate(
        open_items=Count("action_items", filter=OPEN_ITEMS, distinct=True),
        next_due=Min("action_items__due_date", filter=OPEN_ITEMS),
    )


def published_for_list(user, board):
    """Published reviews with the number of their lessons, newest first."""
    return (
        permissions.visible_published_reviews(user, board)
        .annotate(lesson_count=Count("lessons"))
        .order_by("-published_on", "child_reference")
    )


def review_for_page(user, board, review_id: int, *, full=False) -> CaseReview | None:
    """One review, None if the user may not see it; `full`: with its lessons,
    action plan, dissemination, assurance and lifecycle, fetched in a fixed number
    of queries (for its page)."""
    if review_id > MAX_ID:  # no such row; a database would refuse the number
        return None
    reviews = permissions.visible_reviews(user, board).select_related("board")
    if full:
        reviews = reviews.prefetch_related(
            "lessons__themes",
            "action_items__owner_agency",
            "dissemination",
            "assurance_responses__agency",
            "events__by",
        )
    return reviews.filter(pk=review_id).first()


@dataclass(frozen=True)
class Due:
    """Something a review owes the national panel: what, by when, and if late."""

    review: CaseReview
    what: str
    due: date
    late: bool


def due_items(user, board, today: date | None = None) -> list[Due]:
    """Notifications to the national panel and rapid reviews not yet sent, soonest
    first: one query."""
    today = today or timezone.localdate()
    waiting = (
        permissions.visible_reviews(user, board)
        .exclude(stage=Stage.CLOSED)
        .filter(
            Q(incident_known_on__isnull=False, panel_notified_on__isnull=True)
            | Q(panel_notified_on__isnull=False, rapid_review_sent_on__isnull=True)
        )
    )
    items = []
    for review in waiting:
        if review.panel_notified_on is None:
            items.append(
                Due(
                    review,
                    "Notification to the national panel",
                    services.notification_due(review),
                    services.notification_is_late(review, today),
                )
            )
        else:
            items.append(
                Due(
                    review,
                    "Rapid review to the national panel",
                    services.rapid_review_due(review),
                    services.rapid_review_is_late(review, today),
                )
            )
    return sorted(items, key=lambda item: (item.due, item.review.child_reference))
