from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        from accounts.two_factor import register_restricted_access

        from .permissions import sits_on_a_review_group

        register_restricted_access(sits_on_a_review_group)
