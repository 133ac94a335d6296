"""The subgroups' search source: a subgroup by its name or purpose."""

from django.urls import reverse

from lscb_portal.search import SearchResult, SearchSource, register_search, snippet

from . import permissions
from .models import Subgroup


def _subgroups(board, user):
    if not permissions.can_view_subgroups(user, board):
        return None
    return Subgroup.objects.filter(board=board)


def _subgroup(subgroup, board):
    return SearchResult(
        subgroup.name,
        reverse("subgroups:detail", args=[board.slug, subgroup.pk]),
        snippet(subgroup.purpose),
    )


def register() -> None:
    register_search(
        SearchSource("Subgroups", _subgroups, ("name", "purpose"), _subgroup)
    )
