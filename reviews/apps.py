from django.apps import AppConfig


def has_home_page() -> bool:
    """Whether reviews/urls.py names the section's home page ("reviews:home"):
    the board home and the navigation link to it only once it exists."""
    from . import urls

    return any(getattr(p, "name", None) == "home" for p in urls.urlpatterns)


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        from lscb_portal.sections import (
            AgencySection,
            BoardSection,
            DeadlineList,
            register,
            register_agency_section,
            register_deadlines,
        )

        from .selectors.overview import (
            agency_review_actions,
            describe_reviews,
            review_deadlines,
        )

        if has_home_page():
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
            DeadlineList(
                "Review deadlines", "reviews/_deadlines.html", review_deadlines
            )
        )
