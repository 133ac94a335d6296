from django.apps import AppConfig


class LscbPortalConfig(AppConfig):
    name = "lscb_portal"
    verbose_name = "LSCB portal"

    def ready(self):
        from . import checks  # noqa: F401  (registers them)
