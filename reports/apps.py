from django.apps import AppConfig


def describe_reports(board) -> str:
    from .models import ReportRun, RunStatus

    latest = (
        ReportRun.objects.filter(board=board, status=RunStatus.SUCCEEDED)
        .order_by("-finished_at")
        .first()
    )
    if latest is None:
        return "No report exported yet"
    return f"Latest: {latest.get_kind_display()}, {latest.finished_at:%-d %B %Y}"


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        from lscb_portal.sections import BoardSection, register

        register(BoardSection("Annual report", "reports:list", describe_reports, False))
