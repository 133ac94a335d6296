"""Reads of the subgroups app for other pages: the board home's and the agency
page's lines about subgroups and the Reporting Planner."""

from .models import ReportingPlanItem, Subgroup


def describe_subgroups(board) -> str:
    count = Subgroup.objects.filter(board=board, active=True).count()
    return f"{count} active group{'s' if count != 1 else ''}"


def agency_subgroups(agency) -> dict:
    return {"subgroups": list(agency.subgroups.select_related("board"))}


def describe_planner(board) -> str:
    count = ReportingPlanItem.objects.filter(board=board).count()
    return f"{count} report{'s' if count != 1 else ''} planned"
