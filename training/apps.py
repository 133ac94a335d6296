from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Training"

    def ready(self):
        # ---- board home and agency page ----
        # ---- end board home and agency page ----
        # ---- daily reminders ----
        # Endorsements due review, where the board home and the planner list
        # what is due (an e-mailed reminder would need a sent-once record).
        from lscb_portal.sections import DeadlineList, register_deadlines

        from .reminders import endorsement_reviews_due

        register_deadlines(
            DeadlineList(
                "Endorsements due review",
                "training/provider_reviews_due.html",
                endorsement_reviews_due,
            )
        )
        # ---- end daily reminders ----
        return None
