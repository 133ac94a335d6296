"""Reads of the reports app for other pages: the board home's lines about exports
and the priority themes."""

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


def describe_themes(board) -> str:
    """The board home's line for the priority themes (one query)."""
    count = board.learning_themes.count()
    if not count:
        return "No priority themes yet."
    return (
        f"{count} theme{'s' if count != 1 else ''} followed from the reviews' "
        "lessons to the actions, indicators, audits and training."
    )
