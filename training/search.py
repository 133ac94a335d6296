"""The training programme's search source: courses by title and learning
outcomes (named attendees are never searched)."""

from django.urls import reverse

from lscb_portal.search import SearchResult, SearchSource, register_search, snippet

from . import permissions
from .models import Course


def _courses(board, user):
    if not permissions.can_view_training(user, board):
        return None
    return Course.objects.filter(board=board)


def _course(course, board):
    return SearchResult(
        course.title,
        reverse("training:course", args=[board.slug, course.pk]),
        snippet(course.learning_outcomes),
    )


def register() -> None:
    register_search(
        SearchSource(
            "Training courses", _courses, ("title", "learning_outcomes"), _course
        )
    )
