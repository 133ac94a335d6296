from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        from lscb_portal import health
        from lscb_portal.sections import BoardSection, register

        from .selectors import describe_reports, describe_themes
        from .tasks import queued_too_long

        register(BoardSection("Annual report", "reports:list", describe_reports, False))
        register(
            BoardSection("Priority themes", "reports:themes", describe_themes, False)
        )
        health.register("exports", queued_too_long)
