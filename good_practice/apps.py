from django.apps import AppConfig


class GoodPracticeConfig(AppConfig):
    name = "good_practice"
    verbose_name = "Good practice"

    def ready(self):
        from lscb_portal.sections import (
            AgencySection,
            BoardSection,
            register,
            register_agency_section,
        )

        from .selectors import agency_good_practice, describe_good_practice

        register(
            BoardSection("Good practice", "good_practice:list", describe_good_practice)
        )
        register_agency_section(
            AgencySection(
                "Good practice",
                "good_practice/_agency_good_practice.html",
                agency_good_practice,
            )
        )
