from django.apps import AppConfig


def describe_subgroups(board) -> str:
    from .models import Subgroup

    count = Subgroup.objects.filter(board=board, active=True).count()
    return f"{count} active group{'s' if count != 1 else ''}"


def agency_subgroups(agency) -> dict:
    return {"subgroups": list(agency.subgroups.select_related("board"))}


def describe_planner(board) -> str:
    from .models import ReportingPlanItem

    count = ReportingPlanItem.objects.filter(board=board).count()
    return f"{count} report{'s' if count != 1 else ''} planned"


class SubgroupsConfig(AppConfig):
    name = "subgroups"
    verbose_name = "Subgroups"

    def ready(self):
        from lscb_portal.sections import BoardSection, register

        register(BoardSection("Subgroups", "subgroups:list", describe_subgroups))
        register(
            BoardSection("Reporting planner", "subgroups:planner", describe_planner)
        )

        from lscb_portal.sections import AgencySection, register_agency_section

        register_agency_section(
            AgencySection(
                "Subgroups it sits on",
                "subgroups/_agency_subgroups.html",
                agency_subgroups,
            )
        )
