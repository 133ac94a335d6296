from django.apps import AppConfig


def describe_indicators(board) -> str:
    from .models import Indicator

    count = Indicator.objects.filter(board=board).count()
    return f"{count} indicator{'s' if count != 1 else ''}"


def agency_indicators(agency) -> dict:
    from .models import Indicator

    found = Indicator.objects.filter(owning_agency=agency).select_related("board")
    return {"indicators": list(found)}


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Indicators"

    def ready(self):
        from lscb_portal.sections import (
            AgencySection,
            BoardSection,
            register,
            register_agency_section,
        )

        register(BoardSection("Indicators", "indicators:home", describe_indicators))
        register_agency_section(
            AgencySection(
                "Indicators it owns",
                "indicators/_agency_indicators.html",
                agency_indicators,
            )
        )
