"""The case reviews' search source: only for those who may open restricted
reviews (visible_reviews). Searching is not viewing a record: a hit shows the
child's anonymised reference and the review's type, so nothing is logged."""

from django.urls import reverse

from lscb_portal.search import SearchResult, SearchSource, register_search

from . import permissions


def _reviews(board, user):
    if not permissions.can_view_restricted_reviews(user, board):
        return None
    return permissions.visible_reviews(user, board)


def _review(review, board):
    return SearchResult(
        str(review),
        reverse("reviews:review", args=[board.slug, review.pk]),
        review.period_examined,
    )


def register() -> None:
    register_search(
        SearchSource(
            "Case reviews",
            _reviews,
            ("child_reference", "reviewer", "period_examined", "scope"),
            _review,
        )
    )
