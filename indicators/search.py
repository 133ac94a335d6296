"""The indicators' search source: an indicator by its code or description."""

from django.urls import reverse

from lscb_portal.search import SearchResult, SearchSource, register_search

from . import permissions
from .models import Indicator


def _indicators(board, user):
    if not permissions.can_view_indicators(user, board):
        return None
    return Indicator.objects.filter(board=board)


def _indicator(indicator, board):
    return SearchResult(
        f"{indicator.code} {indicator.description}",
        reverse("indicators:indicator", args=[board.slug, indicator.code]),
        indicator.source,
    )


def register() -> None:
    register_search(
        SearchSource(
            "Indicators", _indicators, ("code", "description", "source"), _indicator
        )
    )
