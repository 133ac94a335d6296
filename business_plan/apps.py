from django.apps import AppConfig


def describe_plans(board) -> str:
    from .models import BusinessPlan, PlanStatus

    plans = list(BusinessPlan.objects.filter(board=board).only("title", "status"))
    active = [p.title for p in plans if p.status == PlanStatus.ACTIVE]
    if not plans:
        return "No plan yet"
    text = f"{len(plans)} plan{'s' if len(plans) != 1 else ''}"
    return f"{text}; active: {', '.join(active)}" if active else text


class BusinessPlanConfig(AppConfig):
    name = "business_plan"
    verbose_name = "Business plan"

    def ready(self):
        from lscb_portal.sections import BoardSection, register

        register(BoardSection("Business plans", "business_plan:list", describe_plans))

        from lscb_portal.sections import AgencySection, register_agency_section

        from .selectors import agency_actions

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
