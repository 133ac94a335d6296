"""The endorsement review reminder: providers whose endorsement is due review
(selectors.endorsements_due_review), listed where the board home and the
Reporting Planner show what is due, for those who record providers."""

from . import permissions, selectors


def endorsement_reviews_due(board, user, today) -> dict | None:
    """The board home's and planner's list (one query), or None when there is
    nothing due or the user does not manage training."""
    if not permissions.can_manage_training(user, board):
        return None
    providers = list(
        selectors.endorsements_due_review(board, today).order_by("expires_on", "name")
    )
    if not providers:
        return None
    return {"providers": providers, "today": today, "board": board}


def endorsements_due_text(board, today) -> str:
    """A line for the training home: "2 endorsements due review" ("" for none)."""
    due = selectors.endorsements_due_review(board, today).count()
    if not due:
        return ""
    return f"{due} endorsement{'s' if due != 1 else ''} due review"
