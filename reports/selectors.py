"""Reads of the reports app for other pages: the board home's line about exports."""

from .models import ReportRun, RunStatus


def describe_reports(board) -> str:
    latest = (
        ReportRun.objects.filter(board=board, status=RunStatus.SUCCEEDED)
        .order_by("-finished_at")
        .first()
    )
    if latest is None:
        return "No report exported yet"
    return f"Latest: {latest.get_kind_display()}, {latest.finished_at:%-d %B %Y}"
