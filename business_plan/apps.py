from django.apps import AppConfig


class BusinessPlanConfig(AppConfig):
    name = "business_plan"
    verbose_name = "Business plan"

    def ready(self):
        from . import search

        search.register()

        from lscb_portal.sections import (
            AgencySection,
            BoardSection,
            PagePart,
            register,
            register_agency_section,
            register_home_panel,
        )

        from .selectors import agency_actions, describe_plans

        register(BoardSection("Business plans", "business_plan:list", describe_plans))
        from . import home

        register_home_panel(
            PagePart("Business plan", "business_plan/_home_panel.html", home.home_panel)
        )

        register_agency_section(
            AgencySection(
                "Business plan actions it owns",
                "business_plan/_agency_actions.html",
                agency_actions,
            )
        )

        from subgroups import actions

        from . import returns

        actions.provider = returns
