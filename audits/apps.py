from django.apps import AppConfig


def describe_audits(board) -> str:
    """The board home's line: the latest Section 11 audit and its valid responses
    (one query)."""
    from django.db.models import Count, Q

    from .models import Section11Cycle, SubmissionStatus

    latest = (
        Section11Cycle.objects.filter(board=board)
        .annotate(
            valid=Count(
                "submissions",
                filter=Q(
                    submissions__status=SubmissionStatus.SUBMITTED,
                    submissions__exclusion="",
                ),
            )
        )
        .order_by("-year")
        .first()
    )
    if latest is None:
        return "No Section 11 audit yet"
    label = f"{latest.year}-{(latest.year + 1) % 100:02d}"
    return (
        f"Section 11 {label}: {latest.valid} valid response"
        f"{'s' if latest.valid != 1 else ''}"
    )


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Audits"

    def ready(self):
        from lscb_portal.sections import BoardSection, register

        register(BoardSection("Audits", "audits:home", describe_audits))

        # Section 11 evidence files, committed actions and challenge events
        # (block: follow-up)
        from lscb_portal.sections import AgencySection, register_agency_section

        from .follow_up import agency_follow_up_actions

        register_agency_section(
            AgencySection(
                "Section 11 follow-up actions",
                "audits/_agency_follow_up.html",
                agency_follow_up_actions,
                for_user=True,
            )
        )

        # Board home, agency page, meeting pack and annual report
        # (block: joins)
