"""The business plan's part of the board home: where the current plan stands, what
changed since the last board meeting, and the red and amber actions with owners."""

from collections import Counter
from datetime import date, timedelta

from . import permissions
from .models import Action, BusinessPlan, PlanStatus, Rag
from .selectors import (
    RAG_ORDER,
    actions_for_list,
    board_meetings_before,
    data_until,
    rag_changes,
)

SHOWN = 5  # red and amber actions listed; the rest are a link away


def current_plan(board):
    """The active plan starting latest, else the latest plan; None without one."""
    plans = list(BusinessPlan.objects.filter(board=board).order_by("-first_year"))
    active = [p for p in plans if p.status == PlanStatus.ACTIVE]
    return (active or plans or [None])[0]


def home_panel(board, user, today: date) -> dict:
    """Eight queries whatever the plan's size."""
    plan = current_plan(board)
    if plan is None:
        return {"plan": None}
    ratings = Counter(
        Action.objects.filter(plan=plan)
        .with_current_rag()
        .values_list("current_rag", flat=True)
    )
    # Changes run from the last board meeting before the latest update (or
    # today) to that update, as on "since the last meeting".
    latest, until = data_until(plan, today)
    meeting = board_meetings_before(board, until).first()
    changes = []
    if meeting is not None and latest is not None:
        changes = rag_changes(plan, meeting.date + timedelta(days=1), until)
        # Red and amber first: what got worse matters more than what got rated.
        changes.sort(key=lambda c: RAG_ORDER.index(c.after or ""))
    flagged = actions_for_list(plan).filter(current_rag__in=[Rag.RED, Rag.AMBER])
    owned_only = not permissions.can_manage_plans(
        user, board
    ) and permissions.can_update_any_action(user, board)
    if owned_only:
        flagged = permissions.updatable_actions(user, plan, flagged)
    return {
        "plan": plan,
        "rag_counts": [(rag, ratings.get(rag, 0)) for rag in RAG_ORDER],
        "total": sum(ratings.values()),
        "red_count": ratings.get(Rag.RED, 0),
        "amber_count": ratings.get(Rag.AMBER, 0),
        "latest_update": latest,
        "meeting": meeting,
        "until": until,
        "changes": changes,
        "completions": sum(c.completed for c in changes),
        "flagged": list(flagged.order_by("-current_rag", "sort_key")[:SHOWN]),
        "owned_only": owned_only,
    }
