"""Reads of the training app: attendance totals (per session, course, level,
agency, theme and year), e-learning figures and the trainer pool, each in a
constant number of queries.

A named attendee who attended counts one; an attendance count counts its number.
Every total below adds the two the same way (`with_attendance`)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from lscb_portal.memo import once_per_build
from lscb_portal.periods import reporting_year_start, year_bounds

from .models import (
    AttendanceCount,
    Attendee,
    Course,
    ElearningReturn,
    ElearningYear,
    Endorsement,
    Level,
    Provider,
    ReportedYear,
    Session,
    SessionStatus,
    Trainer,
    completion_rate,
)

# An endorsement is flagged for review this long before it expires.
ENDORSEMENT_REVIEW_DAYS = 60


def _grouped_sum(queryset, value) -> Subquery:
    return Coalesce(
        Subquery(
            queryset.values("session").annotate(n=value).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def with_attendance(sessions):
    """Sessions annotated with `named` (attendees who attended), `counted` (the
    sum of counts per agency) and `attendance` (the two added)."""
    return sessions.annotate(
        named=_grouped_sum(
            Attendee.objects.filter(session=OuterRef("pk"), attended=True),
            Count("pk"),
        ),
        counted=_grouped_sum(
            AttendanceCount.objects.filter(session=OuterRef("pk")), Sum("count")
        ),
    ).annotate(attendance=F("named") + F("counted"))


def sessions_in_year(board, year: int):
    start, end = year_bounds(year)
    return Session.objects.filter(course__board=board, date__range=(start, end))


def latest_year(board, today: date | None = None) -> int | None:
    """The latest reporting year with held sessions or e-learning figures, so
    pages open on data rather than on an empty year."""
    last = (
        Session.objects.filter(course__board=board, status=SessionStatus.HELD)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    years = [reporting_year_start(last)] if last else []
    elearning = (
        ElearningYear.objects.filter(board=board)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if elearning is not None:
        years.append(elearning)
    return max(years) if years else None


def capacity_warning(session) -> str:
    """A warning (not a refusal) when attendance passes the session's capacity."""
    if not session.capacity:
        return ""
    total = with_attendance(Session.objects.filter(pk=session.pk)).get().attendance
    if total <= session.capacity:
        return ""
    return (
        f"{total} attended, more than the {session.capacity} places: check the "
        "figures, or the capacity."
    )


# Totals -------------------------------------------------------------------------


@dataclass
class YearTotal:
    year: int
    attendances: int
    reported: bool  # a reported total, not the sum of recorded sessions


def year_totals(board) -> list[YearTotal]:
    """Attendances per reporting year, oldest first: the recorded sessions' sum,
    or the reported total for a year without sessions. A year of planned
    sessions only is not a year of training yet, so it is left out."""
    by_year, held = defaultdict(int), set()
    for day, status, attendance in with_attendance(
        Session.objects.filter(course__board=board)
    ).values_list("date", "status", "attendance"):
        year = reporting_year_start(day)
        by_year[year] += attendance
        if status == SessionStatus.HELD:
            held.add(year)
    totals = {y: YearTotal(y, n, False) for y, n in by_year.items() if n or y in held}
    for reported in ReportedYear.objects.filter(board=board):
        totals.setdefault(
            reported.year, YearTotal(reported.year, reported.attendances, True)
        )
    return [totals[y] for y in sorted(totals)]


def year_total(board, year: int) -> YearTotal | None:
    return next((t for t in year_totals(board) if t.year == year), None)


@dataclass
class CourseTotal:
    course: Course
    sessions: int
    attendances: int


@once_per_build  # the training, inspections and theme sections all print it
def course_totals(board, year: int) -> list[CourseTotal]:
    """Each course with sessions in the year: sessions held and attendances, in
    the programme's order (title)."""
    rows = defaultdict(lambda: [0, 0])
    courses = {}
    for session in with_attendance(sessions_in_year(board, year)).select_related(
        "course"
    ):
        courses[session.course_id] = session.course
        row = rows[session.course_id]
        row[0] += session.status == SessionStatus.HELD
        row[1] += session.attendance
    return sorted(
        (CourseTotal(courses[pk], *row) for pk, row in rows.items()),
        key=lambda t: (t.course.title.lower(), t.course.pk),
    )


def level_totals(board, year: int) -> list[tuple[str, int]]:
    """(level label, attendances) for the three levels, in level order."""
    totals = defaultdict(int)
    for total in course_totals(board, year):
        totals[total.course.level] += total.attendances
    return [(label, totals[value]) for value, label in Level.choices]


@dataclass
class AgencyTotal:
    agency_id: int
    name: str
    attendances: int
    illustrative: bool  # includes counts that split a seed total illustratively


def agency_totals(board, year: int, agency_ids=None) -> list[AgencyTotal]:
    """Attendances per agency in the year, most first."""
    sessions = sessions_in_year(board, year)
    named = Attendee.objects.filter(session__in=sessions, attended=True)
    counts = AttendanceCount.objects.filter(session__in=sessions)
    if agency_ids is not None:
        named, counts = (
            named.filter(agency__in=agency_ids),
            counts.filter(agency__in=agency_ids),
        )
    totals: dict[int, AgencyTotal] = {}
    for pk, name, n in named.values_list("agency", "agency__name").annotate(
        n=Count("pk")
    ):
        totals[pk] = AgencyTotal(pk, name, n, False)
    for pk, name, n, illustrative in counts.values_list(
        "agency", "agency__name"
    ).annotate(n=Sum("count"), illustrative=Count("pk", filter=Q(illustrative=True))):
        total = totals.setdefault(pk, AgencyTotal(pk, name, 0, False))
        total.attendances += n
        total.illustrative = total.illustrative or bool(illustrative)
    return sorted(totals.values(), key=lambda t: (-t.attendances, t.name))


@dataclass
class ThemeTotal:
    theme: object
    courses: list[CourseTotal]

    @property
    def attendances(self) -> int:
        return sum(c.attendances for c in self.courses)


def theme_total(board, year: int, theme) -> ThemeTotal:
    """The courses on a learning theme with their attendances in the year (the
    domestic abuse courses of inspection recommendation 1)."""
    on_theme = set(theme.training_courses.values_list("pk", flat=True))
    return ThemeTotal(
        theme, [t for t in course_totals(board, year) if t.course.pk in on_theme]
    )


# E-learning ---------------------------------------------------------------------


@dataclass
class ElearningSummary:
    """A membership year's e-learning: the headline (the provider's reported
    totals where given, else the departments' sums) and the departments' sums
    beside it, so a disagreement is shown, not hidden."""

    elearning_year: ElearningYear
    returns: list = field(default_factory=list)
    feedback: list = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.elearning_year.year

    @property
    def cells_allocated(self) -> int:
        return sum(r.allocated for r in self.returns)

    @property
    def cells_passed(self) -> int:
        return sum(r.passed for r in self.returns)

    @property
    def allocated(self) -> int:
        reported = self.elearning_year.reported_allocated
        return self.cells_allocated if reported is None else reported

    @property
    def passed(self) -> int:
        reported = self.elearning_year.reported_passed
        return self.cells_passed if reported is None else reported

    @property
    def rate(self) -> int | None:
        return completion_rate(self.passed, self.allocated)

    @property
    def cells_rate(self) -> int | None:
        return completion_rate(self.cells_passed, self.cells_allocated)

    @property
    def disagrees(self) -> bool:
        """The reported totals differ from the sum of the departments' returns."""
        return bool(self.returns) and (
            (self.allocated, self.passed) != (self.cells_allocated, self.cells_passed)
        )

    @property
    def allocated_difference(self) -> int:
        return self.allocated - self.cells_allocated

    @property
    def passed_difference(self) -> int:
        return self.passed - self.cells_passed


def elearning_summaries(board, year: int | None = None) -> list[ElearningSummary]:
    """The board's e-learning years (or the one asked for), newest first, with
    their returns and feedback, in a fixed number of queries."""
    years = ElearningYear.objects.filter(board=board)
    if year is not None:
        years = years.filter(year=year)
    return [
        ElearningSummary(y, list(y.returns.all()), list(y.feedback.all()))
        for y in years.prefetch_related("feedback", "returns__agency")
    ]


def elearning_summary(board, year: int) -> ElearningSummary | None:
    return next(iter(elearning_summaries(board, year)), None)


def agency_elearning(board, agency, year: int) -> tuple[int, int, int | None] | None:
    """(allocated, passed, rate) of the departments returned under an agency."""
    found = ElearningReturn.objects.filter(
        elearning_year__board=board, elearning_year__year=year, agency=agency
    ).aggregate(allocated=Sum("allocated"), passed=Sum("passed"))
    if found["allocated"] is None:
        return None
    return (
        found["allocated"],
        found["passed"],
        completion_rate(found["passed"], found["allocated"]),
    )


# Trainer pool and providers -----------------------------------------------------


def trainer_pool(board):
    """Trainers with their development days attended and sessions delivered."""
    return (
        Trainer.objects.filter(board=board)
        .select_related("agency", "trained_at__course")
        .annotate(
            development_days_attended=Count("development_days", distinct=True),
            sessions_delivered=Count(
                "sessions",
                filter=Q(sessions__status=SessionStatus.HELD),
                distinct=True,
            ),
        )
    )


def trained_in_year(board, year: int) -> int:
    """Trainers brought into the pool by train-the-trainer sessions in the year
    (25 in 2016-17)."""
    start, end = year_bounds(year)
    return Trainer.objects.filter(
        board=board, trained_at__date__range=(start, end)
    ).count()


def endorsements_due_review(board, today: date):
    """Endorsed providers whose endorsement expires within the review window or
    has expired."""
    return Provider.objects.filter(
        board=board,
        decision=Endorsement.ENDORSED,
        expires_on__lte=today + timedelta(days=ENDORSEMENT_REVIEW_DAYS),
    )


# Board home ---------------------------------------------------------------------


def upcoming_sessions(board, today: date, limit: int = 5):
    return (
        Session.objects.filter(
            course__board=board, status=SessionStatus.PLANNED, date__gte=today
        )
        .select_related("course")
        .order_by("date", "pk")[:limit]
    )


def held_without_attendance(board):
    """Held sessions with neither attendees nor counts recorded."""
    return (
        Session.objects.filter(course__board=board, status=SessionStatus.HELD)
        .filter(attendees__isnull=True, attendance_counts__isnull=True)
        .select_related("course")
        .order_by("-date", "pk")
    )
