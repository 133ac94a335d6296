from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        from . import search

        search.register()

        from accounts.two_factor import register_restricted_access
        from lscb_portal.sections import (
            AgencySection,
            BoardSection,
            PagePart,
            register,
            register_agency_section,
            register_deadlines,
        )

        from .permissions import sits_on_a_review_group
        from .selectors.overview import (
            agency_review_actions,
            describe_reviews,
            review_deadlines,
        )

        register(BoardSection("Reviews", "reviews:home", describe_reviews))
        register_agency_section(
            AgencySection(
                "Review actions it owns",
                "reviews/_agency_items.html",
                agency_review_actions,
                for_user=True,
            )
        )
        register_deadlines(
            PagePart("Review deadlines", "reviews/_deadlines.html", review_deadlines)
        )
        register_restricted_access(sits_on_a_review_group)
