"""The boards app's sections of the annual report (see reports.sections)."""

from django.db.models import Prefetch, Q

from .models import GlossaryTerm, Inspection, Membership, StrategicLink
from .models.inspections import RecommendationUpdate
from .selectors.finance import budget_for_year
from .selectors.members import MEMBER_ROLES, ROLE_ORDER, year_bounds


def members(board, year):
    """Who sat on the board at any time in the year, by role then agency."""
    start, end = year_bounds(year)
    rows = list(
        Membership.objects.filter(board=board, role__in=MEMBER_ROLES)
        .filter(Q(member_from__isnull=True) | Q(member_from__lte=end))
        .filter(Q(member_to__isnull=True) | Q(member_to__gte=start))
        .select_related("user", "agency")
    )
    if not rows:
        return None
    rows.sort(
        key=lambda m: (
            ROLE_ORDER.get(m.role, 99),
            (m.agency.name if m.agency_id else "").casefold(),
            (m.position or "").casefold(),
            m.user.full_name.casefold(),
        )
    )
    return {"members": rows}


def strategic_links(board, year):
    links = list(StrategicLink.objects.filter(board=board))
    return {"links": links} if links else None


def budget(board, year):
    result = budget_for_year(board, year, [year])
    return None if result.is_empty else {"budget": result}


def inspections(board, year):
    """Recommendations with the updates given in the year, by inspection."""
    updates = RecommendationUpdate.objects.filter(
        recommendation__inspection__board=board
    )
    if not updates.filter(year=year).exists():
        return None
    found = list(
        Inspection.objects.filter(board=board, recommendations__updates__year=year)
        .distinct()
        .prefetch_related(
            "recommendations",
            Prefetch(
                "recommendations__updates",
                queryset=RecommendationUpdate.objects.filter(year=year).order_by(
                    "date", "pk"
                ),
                to_attr="year_updates",
            ),
        )
    )
    return {"inspections": found}


def glossary(board, year):
    terms = list(GlossaryTerm.objects.filter(board=board))
    return {"terms": terms} if terms else None
