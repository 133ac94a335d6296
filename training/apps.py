from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Training"

    def ready(self):
        # ---- board home and agency page ----
        # ---- end board home and agency page ----
        # ---- daily reminders ----
        # ---- end daily reminders ----
        return None
