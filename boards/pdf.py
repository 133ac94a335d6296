"""The boards app's sections of the annual report (see reports.sections)."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, Subquery

from lscb_portal.periods import year_bounds

from .models import GlossaryTerm, Inspection, Membership, StrategicLink
from .models.challenges import ChallengeLogEntry
from .models.inspections import RecommendationUpdate
from .models.meetings import Attendance, AttendanceStatus, Meeting, MeetingKind
from .selectors.finance import budget_for_year
from .selectors.inspections import findings_by_kind, judgement_tag
from .selectors.members import MEMBER_ROLES, ROLE_ORDER


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
    """The latest inspection begun by the year's end, with what the inspectors
    found, and every inspection the board gave updates on in the year: its
    recommendations with those updates. Left out when there is neither."""
    _, year_end = year_bounds(year)
    latest = (
        Inspection.objects.filter(board=board, start_date__lte=year_end)
        .order_by("-start_date", "-pk")
        .values("pk")[:1]
    )
    with_findings = Q(pk=Subquery(latest), findings__isnull=False)
    found = list(
        Inspection.objects.filter(
            with_findings | Q(recommendations__updates__year=year), board=board
        )
        .distinct()
        .order_by("-start_date", "-pk")
        .prefetch_related(
            "findings",
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
    if not found:
        return None
    for inspection in found:
        inspection.overall_tag = judgement_tag(inspection.overall)
        inspection.finding_groups = findings_by_kind(list(inspection.findings.all()))
    return {"inspections": found}


def glossary(board, year):
    terms = list(GlossaryTerm.objects.filter(board=board))
    return {"terms": terms} if terms else None


def governance_figures(board, year):
    """The year's meetings by kind, each agency's attendance at the meetings it
    was expected at (it had a member on the meeting's attendance record; a
    deputy counts as attending) and the challenges raised and closed. None
    without a meeting or a challenge. Three queries."""
    start, end = year_bounds(year)
    kinds = dict(MeetingKind.choices)
    meetings = (
        Meeting.objects.filter(board=board, date__range=(start, end))
        .values("kind")
        .annotate(n=Count("pk"))
    )
    counts = {row["kind"]: row["n"] for row in meetings}
    expected, attended, names = {}, {}, {}
    for row in Attendance.objects.filter(
        meeting__board=board,
        meeting__date__range=(start, end),
        membership__agency__isnull=False,
    ).values(
        "meeting_id",
        "status",
        "deputy",
        "membership__agency_id",
        "membership__agency__name",
    ):
        agency = row["membership__agency_id"]
        names[agency] = row["membership__agency__name"]
        expected.setdefault(agency, set()).add(row["meeting_id"])
        if row["status"] == AttendanceStatus.PRESENT or row["deputy"].strip():
            attended.setdefault(agency, set()).add(row["meeting_id"])
    attendance = sorted(
        (
            AgencyAttendance(names[a], len(attended.get(a, ())), len(expected[a]))
            for a in expected
        ),
        key=lambda row: row.agency.casefold(),
    )
    challenges = ChallengeLogEntry.objects.filter(board=board).aggregate(
        raised=Count("pk", filter=Q(date__range=(start, end))),
        closed=Count("pk", filter=Q(closed_on__range=(start, end))),
    )
    if not counts and not challenges["raised"] and not challenges["closed"]:
        return None
    return {
        "meetings": [(label, counts[k]) for k, label in kinds.items() if k in counts],
        "attendance": attendance,
        "challenges": challenges,
    }


@dataclass
class AgencyAttendance:
    agency: str
    attended: int
    expected: int

    @property
    def rate(self) -> str:
        share = round(100 * self.attended / self.expected)
        return f"{share}% ({self.attended} of {self.expected})"
