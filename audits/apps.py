from django.apps import AppConfig


def describe_audits(board) -> str:
    """The board home's line: the open Section 11 audit's responses against the
    respondents expected (the board's active organisations), else the latest
    audit's valid responses. Two queries at most."""
    from django.db.models import Case, Count, IntegerField, Q, When
    from django.utils import timezone

    from .models import Organisation, Section11Cycle, SubmissionStatus

    today = timezone.localdate()
    submitted = Q(submissions__status=SubmissionStatus.SUBMITTED)
    cycle = (
        Section11Cycle.objects.filter(board=board)
        .annotate(
            valid=Count("submissions", filter=submitted & Q(submissions__exclusion="")),
            responded=Count(
                "submissions",
                filter=submitted & Q(submissions__organisation__active=True),
            ),
            is_open=Case(
                When(opens_on__lte=today, closes_on__gte=today, then=1),
                default=0,
                output_field=IntegerField(),
            ),
        )
        .order_by("-is_open", "-year")
        .first()
    )
    if cycle is None:
        return "No Section 11 audit yet"
    label = f"{cycle.year}-{(cycle.year + 1) % 100:02d}"
    if cycle.is_open:
        expected = Organisation.objects.filter(board=board, active=True).count()
        return (
            f"Section 11 {label} open: {cycle.responded} of {expected} "
            f"organisation{'s' if expected != 1 else ''} "
            f"{'has' if expected == 1 else 'have'} responded"
        )
    return (
        f"Section 11 {label}: {cycle.valid} valid response"
        f"{'s' if cycle.valid != 1 else ''}"
    )


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Audits"

    def ready(self):
        from lscb_portal.sections import BoardSection, register

        register(BoardSection("Audits", "audits:home", describe_audits))

        # Agency page: its follow-up actions, Section 11 answers and the
        # case-audit recommendations it owns.
        from lscb_portal.sections import AgencySection, register_agency_section

        from .follow_up import agency_follow_up_actions
        from .selectors import agency_case_audit_recommendations, agency_section_11

        register_agency_section(
            AgencySection(
                "Section 11 follow-up actions",
                "audits/_agency_follow_up.html",
                agency_follow_up_actions,
                for_user=True,
            )
        )

        register_agency_section(
            AgencySection(
                "Section 11 answers",
                "audits/_agency_section_11.html",
                agency_section_11,
                for_user=True,
            )
        )
        register_agency_section(
            AgencySection(
                "Case-audit recommendations it owns",
                "audits/_agency_recommendations.html",
                agency_case_audit_recommendations,
            )
        )
