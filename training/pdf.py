"""The training app's parts of the annual report (see reports.sections): section
20, learning and improvement, and the training tables printed under inspection
recommendations' updates (section 17)."""

from django.db.models import Exists, Q

from boards.models import Board
from lscb_portal.periods import year_bounds, year_label

from . import selectors
from .models import (
    DevelopmentDay,
    ElearningYear,
    Endorsement,
    Level,
    Provider,
    RecommendationTraining,
    Session,
)


def _change(now: int, before: int) -> str:
    if now > before:
        return f"up {now - before:,}"
    if now < before:
        return f"down {before - now:,}"
    return "the same"


def _has_training(board, year, start, end) -> bool:
    """Sessions or e-learning figures in the year, in one query (most boards'
    reports ask it of a year without training)."""
    return Board.objects.filter(
        Q(pk=board.pk)
        & (
            Exists(
                Session.objects.filter(course__board=board, date__range=(start, end))
            )
            | Exists(ElearningYear.objects.filter(board=board, year=year))
        )
    ).exists()


def learning_and_improvement(board, year):
    """The year's learning-event table (courses and the grand total), totals by
    level and year on year, e-learning by department (the departments' sums and
    the provider's reported totals, with the difference), learner feedback and
    the trainer pool. None when the year has neither sessions nor e-learning."""
    start, end = year_bounds(year)
    if not _has_training(board, year, start, end):
        return None
    courses = selectors.course_totals(board, year)
    elearning = {s.year: s for s in selectors.elearning_summaries(board)}
    now = elearning.get(year)
    totals = {t.year: t for t in selectors.year_totals(board)}
    this_year, last_year = totals.get(year), totals.get(year - 1)
    levels = dict(Level.choices)
    before = elearning.get(year - 1)
    return {
        "year_label": year_label(year),
        "previous_label": year_label(year - 1),
        "courses": [
            {
                "title": t.course.title,
                "level": levels[t.course.level],
                "sessions": t.sessions,
                "attendances": t.attendances,
            }
            for t in courses
        ],
        "grand_total": sum(t.attendances for t in courses),
        "levels": selectors.level_totals(board, year) if courses else [],
        "this_year": this_year,
        "last_year": last_year,
        "change": _change(this_year.attendances, last_year.attendances)
        if this_year and last_year
        else "",
        "elearning": now,
        "elearning_before": before,
        "trained": selectors.trained_in_year(board, year),
        "pool": selectors.trainer_pool(board).filter(active=True).count(),
        "development_days": list(
            DevelopmentDay.objects.filter(board=board, date__range=(start, end))
        ),
        "endorsed": list(
            Provider.objects.filter(
                board=board,
                decision=Endorsement.ENDORSED,
                decided_on__range=(start, end),
            )
        ),
    }


def recommendation_tables(board, year) -> dict[int, dict]:
    """{recommendation id: its training table for the year}: the courses (on the
    recommendation's theme, or all) with their attendances and the total, for
    each recommendation whose update prints one."""
    links = list(
        RecommendationTraining.objects.filter(
            recommendation__inspection__board=board
        ).select_related("theme")
    )
    if not links:
        return {}
    courses = selectors.course_totals(board, year)
    on_theme = {
        theme.pk: set(theme.training_courses.values_list("pk", flat=True))
        for theme in {link.theme for link in links if link.theme}
    }
    tables = {}
    for link in links:
        rows = [
            {"title": t.course.title, "attendances": t.attendances}
            for t in courses
            if link.theme is None or t.course.pk in on_theme[link.theme.pk]
        ]
        if rows:
            tables[link.recommendation_id] = {
                "caption": f"{link.caption or 'Training'}, {year_label(year)}",
                "rows": rows,
                "total": sum(r["attendances"] for r in rows),
                "total_label": "Total" if link.theme else "Grand Total",
            }
    return tables


def training_pack(board, meeting_date):
    """The meeting pack's training report: the reporting year of the meeting as
    section 20 prints it (or the year before, when this one has no training yet),
    with the sessions planned after the meeting and those held by then without
    attendance recorded. None without training in either year."""
    from lscb_portal.periods import reporting_year_start

    year = reporting_year_start(meeting_date)
    context = learning_and_improvement(board, year) or learning_and_improvement(
        board, year - 1
    )
    if context is None:
        return None
    context["upcoming"] = list(selectors.upcoming_sessions(board, meeting_date))
    context["unrecorded"] = list(
        selectors.held_without_attendance(board).filter(date__lte=meeting_date)[:10]
    )
    return context
