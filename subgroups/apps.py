from django.apps import AppConfig


class SubgroupsConfig(AppConfig):
    name = "subgroups"
    verbose_name = "Subgroups"

    def ready(self):
        from . import search

        search.register()

        from lscb_portal.sections import (
            AgencySection,
            BoardSection,
            PagePart,
            register,
            register_agency_section,
            register_deadlines,
        )

        from .selectors import (
            agency_subgroups,
            describe_planner,
            describe_subgroups,
            returns_to_finish,
        )

        register(BoardSection("Subgroups", "subgroups:list", describe_subgroups))
        register(
            BoardSection("Reporting planner", "subgroups:planner", describe_planner)
        )

        register_deadlines(
            PagePart(
                "Returns to finish",
                "subgroups/_returns_to_finish.html",
                returns_to_finish,
            )
        )
        register_agency_section(
            AgencySection(
                "Subgroups it sits on",
                "subgroups/_agency_subgroups.html",
                agency_subgroups,
            )
        )
