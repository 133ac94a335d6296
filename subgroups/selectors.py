"""Reads of the subgroups app for other pages: the board home's and the agency
page's lines about subgroups and the Reporting Planner."""

from . import permissions
from .models import ReportingPlanItem, ReturnStatus, Subgroup, SubgroupReturn


def describe_subgroups(board) -> str:
    count = Subgroup.objects.filter(board=board, active=True).count()
    return f"{count} active group{'s' if count != 1 else ''}"


def agency_subgroups(agency) -> dict:
    return {"subgroups": list(agency.subgroups.select_related("board"))}


def describe_planner(board) -> str:
    count = ReportingPlanItem.objects.filter(board=board).count()
    return f"{count} report{'s' if count != 1 else ''} planned"


def returns_to_finish(board, user, today) -> dict | None:
    """The board home's and planner's list of draft returns the user may finish
    and submit, oldest period first (one query), or None when there are none."""
    drafts = SubgroupReturn.objects.filter(
        subgroup__board=board, status=ReturnStatus.DRAFT
    ).select_related("subgroup")
    drafts = list(
        permissions.enterable_returns(user, board, drafts).order_by(
            "period", "subgroup__name"
        )
    )
    if not drafts:
        return None
    return {"returns": drafts, "board": board}
