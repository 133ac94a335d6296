from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Indicators"

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

        from .selectors import agency_indicators, describe_indicators

        register(BoardSection("Indicators", "indicators:home", describe_indicators))
        from . import home

        register_home_panel(
            PagePart(
                "Indicator scorecard", "indicators/_home_panel.html", home.home_panel
            )
        )
        register_agency_section(
            AgencySection(
                "Indicators it owns",
                "indicators/_agency_indicators.html",
                agency_indicators,
            )
        )
