"""The business plan's search sources: every plan's actions, and the challenges
board members raised on their updates."""

from django.urls import reverse

from lscb_portal.search import SearchResult, SearchSource, register_search, snippet

from . import permissions
from .models import Action, Challenge


def _actions(board, user):
    if not permissions.can_view_plans(user, board):
        return None
    return Action.objects.filter(plan__board=board).select_related("plan")


def _action(action, board):
    return SearchResult(
        f"{action.ref} {snippet(action.text, 15)}",
        reverse(
            "business_plan:action", args=[board.slug, action.plan.slug, action.ref]
        ),
        " · ".join(filter(None, [action.plan.title, action.owner_role])),
    )


def _challenges(board, user):
    if not permissions.can_view_plans(user, board):
        return None
    return Challenge.objects.filter(update__action__plan__board=board).select_related(
        "update__action__plan"
    )


def _challenge(challenge, board):
    action = challenge.update.action
    return SearchResult(
        f"Challenge on action {action.ref} ({action.plan.title})",
        reverse(
            "business_plan:action", args=[board.slug, action.plan.slug, action.ref]
        ),
        snippet(challenge.text),
    )


def register() -> None:
    register_search(
        SearchSource(
            "Business plan actions",
            _actions,
            ("ref", "text", "owner_role", "outcome", "when_text"),
            _action,
        )
    )
    register_search(
        SearchSource("Challenges to action updates", _challenges, ("text",), _challenge)
    )
