from django.apps import AppConfig


class LscbPortalConfig(AppConfig):
    name = "lscb_portal"
    verbose_name = "LSCB portal"
