"""The training app's part of the demo data: the 2016-17 programme of the annual
report (texts and figures in data.py, with what is printed and what is
illustrative), its trainer pool and provider, e-learning returns and feedback.

Every write goes through training.services. Idempotent: what exists is left
alone (a course by title, a session by course and date, a session's attendance
once it has any), so a second load changes nothing."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from boards.models import Agency, Board, Membership, Recommendation, Role
from reviews.models import LearningTheme

from .. import services
from ..models import (
    Course,
    DevelopmentDay,
    ElearningYear,
    EvaluationQuestion,
    Provider,
    ReportedYear,
    Session,
    SessionStatus,
    Trainer,
)
from . import data

SPLIT_WEIGHTS = (4, 3, 2, 1)  # an illustrative session's four agencies


def split(total: int, parts: int) -> list[int]:
    """`total` in `parts` near-equal shares, the first ones taking the remainder."""
    share, left = divmod(total, parts)
    return [share + (n < left) for n in range(parts)]


def agency_shares(count: int) -> list[int]:
    """A session's count split 4:3:2:1 (remainder to the first): illustrative."""
    shares = [count * w // sum(SPLIT_WEIGHTS) for w in SPLIT_WEIGHTS]
    shares[0] += count - sum(shares)
    return shares


@transaction.atomic
def load() -> None:
    board = Board.objects.get(slug="cumbria")
    membership = (
        Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    user = membership.user
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    themes = {t.slug: t for t in LearningTheme.objects.filter(board=board)}
    courses = _courses(board, user, themes)
    trainers = _pool(board, user, courses, agencies)
    _sessions(board, user, courses, agencies, trainers)
    _development_days(board, user, trainers)
    _planned(board, user, themes)
    _provider(board, user)
    _evaluation(board, user, courses)
    _elearning(board, user, agencies)
    _recommendation_tables(board, user, themes)
    for year, attendances in data.REPORTED_YEARS.items():
        if not ReportedYear.objects.filter(board=board, year=year).exists():
            services.reported_year_set(
                board=board, user=user, year=year, attendances=attendances
            )


def _course(board, user, themes, *, title, level, format, slugs, **fields) -> Course:
    found = Course.objects.filter(board=board, title=title).first()
    return found or services.course_create(
        board=board,
        user=user,
        title=title,
        level=level,
        format=format,
        themes=[themes[s] for s in slugs],
        **fields,
    )


def _courses(board, user, themes) -> dict[str, Course]:
    courses = {}
    for title, level, format, slugs, _, dates in data.COURSES:
        courses[title] = _course(
            board,
            user,
            themes,
            title=title,
            level=level,
            format=format,
            slugs=slugs,
            runs_from=data.COURSES_START,
            runs_until=data._d(dates[-1]) if title in data.ONE_OFF else None,
            trains_trainers=title in (data.TRAIN_THE_TRAINER, data.ADVANCED_TRAINERS),
        )
    return courses


def _session(course, user, day, **fields) -> Session:
    found = Session.objects.filter(course=course, date=day).first()
    return found or services.session_create(
        course=course, user=user, date=day, **fields
    )


def _pool(board, user, courses, agencies) -> list[Trainer]:
    """The 25 trained by the 2 day course: named attendees of its sessions, then
    trainers of the pool with their agreement signed two weeks later."""
    course = courses[data.TRAIN_THE_TRAINER]
    dates = next(c[5] for c in data.COURSES if c[0] == data.TRAIN_THE_TRAINER)
    names = iter(enumerate(data.TRAINER_NAMES))
    trainers = []
    for n, (day, size) in enumerate(zip(dates, data.TRAINERS_PER_SESSION, strict=True)):
        session = _session(
            course,
            user,
            data._d(day),
            venue=data.VENUES[n % len(data.VENUES)],
            capacity=12,
            status=SessionStatus.HELD,
        )
        fresh = not session.attendees.exists()
        for _ in range(size):
            index, name = next(names)
            agency = agencies[data.TRAINER_AGENCIES[index % len(data.TRAINER_AGENCIES)]]
            if fresh:
                services.attendee_add(
                    session=session, user=user, name=name, agency=agency
                )
            trainer = Trainer.objects.filter(board=board, name=name).first()
            trainers.append(
                trainer
                or services.trainer_create(
                    board=board,
                    user=user,
                    name=name,
                    agency=agency,
                    agreement_signed_on=session.date
                    + timedelta(days=data.AGREEMENT_SIGNED_DAYS_AFTER),
                    trained_at=session,
                )
            )
    return trainers


def _sessions(board, user, courses, agencies, trainers) -> None:
    """Every other 2016-17 session, held, with its share of the printed total
    split across four of the board's agencies (illustrative)."""
    names = sorted(agencies)
    for c, (title, _, _, _, total, dates) in enumerate(data.COURSES):
        if title == data.TRAIN_THE_TRAINER:
            continue
        rows = []
        for s, (day, count) in enumerate(
            zip(dates, split(total, len(dates)), strict=True)
        ):
            day = data._d(day)
            pool = [t for t in trainers if t.trained_at.date < day]
            session = _session(
                courses[title],
                user,
                day,
                venue=data.VENUES[(c + s) % len(data.VENUES)],
                status=SessionStatus.HELD,
                trainers=pool[(c + s) % len(pool) :][:2] if pool else (),
            )
            if session.attendees.exists() or session.attendance_counts.exists():
                continue
            start = (c * 5 + s * 3) % len(names)
            for n, share in enumerate(agency_shares(count)):
                if share:
                    agency = agencies[names[(start + n) % len(names)]]
                    rows.append(
                        (
                            f"{title}, {day}",
                            {"session": session, "agency": agency, "count": share},
                        )
                    )
        if rows:
            services.attendance_counts_record(
                board=board, user=user, rows=rows, illustrative=True
            )
    title, day = data.HELD_WITHOUT_ATTENDANCE
    _session(
        courses[title],
        user,
        data._d(day),
        venue=data.VENUES[0],
        status=SessionStatus.HELD,
        note="Illustrative: the register has not been returned yet.",
    )


def _development_days(board, user, trainers) -> None:
    for day, title in data.DEVELOPMENT_DAYS:
        day = data._d(day)
        if not DevelopmentDay.objects.filter(board=board, date=day).exists():
            came = [t for t in trainers if t.trained_at.date < day]
            services.development_day_record(
                board=board, user=user, date=day, title=title, trainers=came[::2]
            )


def _planned(board, user, themes) -> None:
    """The 2017-18 programme's first sessions, days after the load date: left
    alone once any planned session exists."""
    for title, level, format, slugs, runs_from in data.PLANNED_COURSES:
        _course(
            board,
            user,
            themes,
            title=title,
            level=level,
            format=format,
            slugs=slugs,
            runs_from=data._d(runs_from),
        )
    if Session.objects.filter(
        course__board=board, status=SessionStatus.PLANNED
    ).exists():
        return
    today = timezone.localdate()
    for n, (title, days, capacity) in enumerate(data.PLANNED_SESSIONS):
        services.session_create(
            course=Course.objects.get(board=board, title=title),
            user=user,
            date=today + timedelta(days=days),
            venue=data.VENUES[n % len(data.VENUES)],
            capacity=capacity,
        )


def _provider(board, user) -> None:
    if not Provider.objects.filter(board=board, name=data.PROVIDER["name"]).exists():
        services.provider_create(board=board, user=user, **data.PROVIDER)


def _evaluation(board, user, courses) -> None:
    for text in data.QUESTIONS:
        if not EvaluationQuestion.objects.filter(board=board, text=text).exists():
            services.question_create(board=board, user=user, text=text)
    questions = list(EvaluationQuestion.objects.filter(board=board))
    for title, day, forms in data.EVALUATIONS:
        session = Session.objects.get(course=courses[title], date=data._d(day))
        if session.evaluations.exists():
            continue
        for scores, comments in forms:
            services.evaluation_record(
                session=session,
                user=user,
                scores=dict(zip(questions, scores, strict=True)),
                comments=comments,
            )
    follow = data.IMPACT_FOLLOW_UP
    session = Session.objects.get(
        course=courses[follow["course"]], date=data._d(follow["session_date"])
    )
    if not session.impact_follow_ups.exists():
        services.impact_follow_up_record(
            session=session,
            user=user,
            followed_up_on=follow["followed_up_on"],
            sampled=follow["sampled"],
            practice_changed=follow["practice_changed"],
            examples=follow["examples"],
        )


def _elearning(board, user, agencies) -> None:
    for year, (allocated, passed) in data.ELEARNING_REPORTED.items():
        current = ElearningYear.objects.filter(board=board, year=year).first()
        if current is None or (
            current.reported_allocated,
            current.reported_passed,
        ) != (allocated, passed):
            services.elearning_year_set(
                board=board,
                user=user,
                year=year,
                reported_allocated=allocated,
                reported_passed=passed,
            )
    year = ElearningYear.objects.get(board=board, year=data.YEAR)
    if not year.returns.exists():
        services.elearning_returns_record(
            board=board,
            user=user,
            year=data.YEAR,
            rows=[
                (
                    department,
                    {
                        "department": department,
                        "agency": agencies.get(
                            data.DEPARTMENT_AGENCY.get(department, "")
                        ),
                        "allocated": allocated,
                        "passed": passed,
                    },
                )
                for department, passed, allocated in data.ELEARNING_2016
            ],
        )
    if not year.feedback.exists():
        services.learner_feedback_set(
            board=board, user=user, year=data.YEAR, rows=data.LEARNER_FEEDBACK_2016
        )


def _recommendation_tables(board, user, themes) -> None:
    """Recommendations 1 and 6 print the year's training tables (section 17)."""
    for number, slug, caption in data.RECOMMENDATION_TABLES:
        recommendation = (
            Recommendation.objects.filter(
                inspection__board=board,
                inspection__body=data.INSPECTION_BODY,
                number=number,
            )
            .select_related("training_table")
            .first()
        )
        if recommendation is None:
            continue
        theme = themes[slug] if slug else None
        current = getattr(recommendation, "training_table", None)
        if current is None or (current.theme, current.caption) != (theme, caption):
            services.recommendation_training_set(
                recommendation=recommendation, user=user, theme=theme, caption=caption
            )
