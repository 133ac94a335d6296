"""Reads for the members directory: memberships, attendance rates by member and by
agency over a reporting year, a member's declarations and attendance."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from lscb_portal.periods import reporting_year_start, year_bounds, year_label

from ..models import (
    Agency,
    Attendance,
    AttendanceStatus,
    Declaration,
    Meeting,
    Membership,
    Role,
)

# The roles that sit at the board's meetings: their attendance is recorded.
MEMBER_ROLES = (
    Role.CHAIR,
    Role.VICE_CHAIR,
    Role.BOARD_MEMBER,
    Role.LAY_MEMBER,
    Role.OBSERVER,
)
ROLE_ORDER = {value: index for index, value in enumerate(Role.values)}


@dataclass
class Rate:
    """How often a member (or an agency's members) attended, out of the meetings
    recorded for them."""

    attended: int
    recorded: int

    @property
    def percent(self) -> int | None:
        if not self.recorded:
            return None
        return round(100 * self.attended / self.recorded)

    def __str__(self):
        if not self.recorded:
            return "No meetings recorded"
        return f"{self.percent}% ({self.attended} of {self.recorded})"


def directory_years(board) -> tuple[list[tuple[int, str]], int]:
    """Reporting years from the board's first meeting to its last (or this year),
    newest first, and the one to open on: the latest year up to this one that has
    a meeting, so the directory opens on attendance rather than an empty year.
    One query."""
    today = timezone.localdate()
    span = Meeting.objects.filter(board=board).aggregate(
        first=Min("date"),
        last=Max("date"),
        last_held=Max("date", filter=Q(date__lte=today)),
    )
    this_year = reporting_year_start(today)
    first = reporting_year_start(span["first"]) if span["first"] else this_year
    last = max(reporting_year_start(span["last"]) if span["last"] else 0, this_year)
    latest = reporting_year_start(span["last_held"]) if span["last_held"] else this_year
    choices = [(year, year_label(year)) for year in range(last, first - 1, -1)]
    return choices, latest


def chosen_year(value, choices, default: int) -> int:
    """The year asked for in ?year=, or the default if it is missing or not one of
    the choices."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if year in dict(choices) else default


def _attendance_in_year(board, year_start: int):
    first, last = year_bounds(year_start)
    return Attendance.objects.filter(
        membership__board=board, meeting__date__range=(first, last)
    )


PRESENT = Q(status=AttendanceStatus.PRESENT)
DEPUTISED = Q(status=AttendanceStatus.APOLOGIES) & ~Q(deputy="")


def member_rates(board, year_start: int) -> dict[int, Rate]:
    """Membership id -> its member rate: present / meetings recorded. Apologies
    count against the member even when a deputy came. One query."""
    rows = (
        _attendance_in_year(board, year_start)
        .values("membership_id")
        .annotate(recorded=Count("id"), present=Count("id", filter=PRESENT))
    )
    return {r["membership_id"]: Rate(r["present"], r["recorded"]) for r in rows}


def agency_rates(board, year_start: int) -> list[tuple[Agency, Rate]]:
    """Each agency with a member's attendance recorded in the year, and its rate:
    places filled (the member present, or a deputy in their place) / places
    recorded. Members without an agency are left out. Two queries."""
    rows = (
        _attendance_in_year(board, year_start)
        .filter(membership__agency__isnull=False)
        .values("membership__agency_id")
        .annotate(
            recorded=Count("id"),
            filled=Count("id", filter=PRESENT | DEPUTISED),
        )
    )
    rates = {r["membership__agency_id"]: Rate(r["filled"], r["recorded"]) for r in rows}
    agencies = Agency.objects.filter(board=board, pk__in=list(rates)).order_by("name")
    return [(agency, rates[agency.pk]) for agency in agencies]


def directory(board, year_start: int) -> list[tuple[Membership, Rate]]:
    """Every membership of the board, by role then agency, with its member rate.
    Two queries whatever the board's size."""
    rates = member_rates(board, year_start)
    members = list(
        Membership.objects.filter(board=board).select_related("user", "agency")
    )
    members.sort(
        key=lambda m: (
            ROLE_ORDER.get(m.role, 99),
            m.agency.name if m.agency_id else "",
            m.position,
            str(m.user),
        )
    )
    return [(m, rates.get(m.pk, Rate(0, 0))) for m in members]


def current_members(board, on: date):
    """The memberships whose attendance is recorded at a meeting on that day: the
    roles at the table, in post on the day."""
    return (
        Membership.objects.filter(board=board, role__in=MEMBER_ROLES)
        .filter(Q(member_from__isnull=True) | Q(member_from__lte=on))
        .filter(Q(member_to__isnull=True) | Q(member_to__gte=on))
        .select_related("user", "agency")
        .order_by("agency__name", "position", "user__full_name", "pk")
    )


def member_label(membership) -> str:
    """How a member is named on pages and in choices: by name, position and
    agency."""
    who = membership.person
    if membership.agency_id:
        return f"{who} ({membership.agency.short_name or membership.agency.name})"
    return who


def member_declarations(membership) -> list[Declaration]:
    return list(
        membership.declarations.select_related("agenda_item__meeting").order_by(
            "-declared_on", "-pk"
        )
    )


def member_attendance(membership, limit: int = 50) -> list[Attendance]:
    """The member's attendance records, newest first."""
    return list(
        membership.attendance.select_related("meeting").order_by("-meeting__date")[
            :limit
        ]
    )
