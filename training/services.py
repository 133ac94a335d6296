"""Writes of the training app: courses, sessions, attendance (named attendees or
counts per agency), evaluations and impact follow-ups, the trainer pool,
endorsed providers and e-learning years and returns. Every rule is checked here;
pages, imports and the API call these and turn a DomainError into messages.

Rows written in bulk (attendance counts, e-learning returns) come as
(label, fields) pairs, the label naming the row in any error ("Row 3", "Item 0"):
every row is checked, and all are saved or none, with every row's error."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from lscb_portal.errors import DomainError, full_clean
from lscb_portal.tables import ImportFailed
from lscb_portal.versioning import StaleVersion, update_versioned

from .models import (
    AttendanceCount,
    Attendee,
    Course,
    DevelopmentDay,
    ElearningReturn,
    ElearningYear,
    Evaluation,
    EvaluationQuestion,
    EvaluationScore,
    ImpactFollowUp,
    LearnerFeedback,
    Provider,
    RecommendationTraining,
    ReportedYear,
    Session,
    SessionStatus,
    Trainer,
)


def _saved(instance, user, reason=""):
    full_clean(instance)
    instance._history_user = user
    if reason:
        instance._change_reason = reason
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:  # a race past full_clean's unique check
        raise DomainError("This record was saved by someone else just now.") from error
    return instance


def _same_board(board, things, what: str) -> None:
    if any(t.board_id != board.pk for t in things):
        raise DomainError(f"Choose {what} of this board.")


# Courses ------------------------------------------------------------------------


def _check_course_links(board, plan_themes, lessons, themes) -> None:
    if any(t.plan.board_id != board.pk for t in plan_themes):
        raise DomainError({"plan_themes": "Choose priorities of this board's plans."})
    if any(lesson.review.board_id != board.pk for lesson in lessons):
        raise DomainError({"lessons": "Choose lessons of this board's reviews."})
    _same_board(board, themes, "learning themes")


@transaction.atomic
def course_create(
    *,
    board,
    user,
    title: str,
    level: str,
    format: str,
    runs_from: date,
    runs_until: date | None = None,
    learning_outcomes: str = "",
    trains_trainers: bool = False,
    plan_themes=(),
    lessons=(),
    themes=(),
) -> Course:
    """A course of the programme, linked to the priorities and lessons it answers."""
    _check_course_links(board, plan_themes, lessons, themes)
    course = _saved(
        Course(
            board=board,
            title=title,
            level=level,
            format=format,
            runs_from=runs_from,
            runs_until=runs_until,
            learning_outcomes=learning_outcomes,
            trains_trainers=trains_trainers,
        ),
        user,
    )
    course.plan_themes.set(plan_themes)
    course.lessons.set(lessons)
    course.themes.set(themes)
    return course


@transaction.atomic
def course_update(
    *,
    course,
    user,
    version: int,
    changes: dict,
    plan_themes=None,
    lessons=None,
    themes=None,
) -> Course:
    """Change a course; refused if someone saved it since `version`, or if a
    session it has would fall outside its new running dates."""
    _check_course_links(course.board, plan_themes or (), lessons or (), themes or ())
    course = update_versioned(
        Course, pk=course.pk, version=version, changes=changes, user=user
    )
    outside = [s for s in course.sessions.all() if not course.runs_on(s.date)]
    if outside:
        raise DomainError(
            {
                "runs_from": f"Session of {outside[0].date:%-d %B %Y} would fall "
                "outside the running dates: move or remove it first."
            }
        )
    for field, chosen in (
        ("plan_themes", plan_themes),
        ("lessons", lessons),
        ("themes", themes),
    ):
        if chosen is not None:
            getattr(course, field).set(chosen)
    return course


# Sessions -----------------------------------------------------------------------


@transaction.atomic
def session_create(
    *,
    course,
    user,
    date: date,
    venue: str = "",
    capacity: int | None = None,
    status: str = SessionStatus.PLANNED,
    trainers=(),
    note: str = "",
) -> Session:
    """A session of a course, on a day within the course's running dates."""
    _same_board(course.board, trainers, "trainers")
    session = _saved(
        Session(
            course=course,
            date=date,
            venue=venue,
            capacity=capacity,
            status=status,
            note=note,
        ),
        user,
    )
    session.trainers.set(trainers)
    return session


@transaction.atomic
def session_update(
    *, session, user, version: int, changes: dict, trainers=None
) -> Session:
    """Change a session (its date, venue, capacity, status, trainers); refused if
    someone saved it since `version`. A cancelled session keeps no attendance."""
    if trainers is not None:
        _same_board(session.course.board, trainers, "trainers")
    session = update_versioned(
        Session, pk=session.pk, version=version, changes=changes, user=user
    )
    if session.status == SessionStatus.CANCELLED and _has_attendance(session):
        raise DomainError(
            {
                "status": "This session has attendance recorded: remove it before "
                "cancelling the session."
            }
        )
    if trainers is not None:
        session.trainers.set(trainers)
    return session


def _has_attendance(session) -> bool:
    return session.attendees.exists() or session.attendance_counts.exists()


def _touch(sessions, user, reason: str) -> None:
    """A change to sessions' attendance is a change to the sessions: each one's
    version moves on (an open form over it is stale) and its history says what,
    in a fixed number of queries however many sessions."""
    ids = sorted(s.pk for s in sessions)
    if not ids:
        return
    Session._base_manager.filter(pk__in=ids).update(id=F("id"))  # see lock()
    current = list(Session.objects.select_for_update().filter(pk__in=ids))
    now = timezone.now()
    for row in current:
        row.version += 1
        row.modified_at = now
    bulk_update_with_history(
        current,
        Session,
        ["version", "modified_at"],
        default_user=user,
        default_change_reason=reason,
    )
    versions = {row.pk: row.version for row in current}
    for session in sessions:
        session.version = versions[session.pk]


def _in_bulk(model, added, changed, fields, user) -> None:
    """Rows already checked, created and changed with their history in a few
    queries; a row saved by someone else meanwhile refuses them all."""
    try:
        with transaction.atomic():
            bulk_create_with_history(added, model, default_user=user)
            bulk_update_with_history(changed, model, fields, default_user=user)
    except IntegrityError as error:
        raise ImportFailed(
            [
                "Someone saved some of these figures just now: nothing was saved, "
                "try again."
            ]
        ) from error


def _check_attendance_open(session) -> None:
    if session.status == SessionStatus.CANCELLED:
        raise DomainError("This session was cancelled: it has no attendance.")


# Attendance ---------------------------------------------------------------------


@transaction.atomic
def attendee_add(
    *, session, user, name: str, agency, role: str = "", attended: bool = True
) -> Attendee:
    """A named person on a session. Over capacity is allowed (selectors.
    capacity_warning says so); the same person twice is refused."""
    _check_attendance_open(session)
    _same_board(session.course.board, [agency], "an agency")
    if session.attendance_counts.filter(agency=agency).exists():
        raise DomainError(
            {
                "agency": f"This session records a count for {agency}: change the "
                "count, or remove it before naming its attendees."
            }
        )
    attendee = _saved(
        Attendee(
            session=session,
            name=name.strip(),
            agency=agency,
            role=role.strip(),
            attended=attended,
        ),
        user,
    )
    _touch([session], user, f"Attendee added: {attendee.name}")
    return attendee


@transaction.atomic
def attendee_mark(*, attendee, user, attended: bool) -> Attendee:
    """Record whether a booked person attended."""
    _check_attendance_open(attendee.session)
    attendee.attended = attended
    _saved(attendee, user, "Attended" if attended else "Did not attend")
    _touch([attendee.session], user, f"Attendance of {attendee.name} changed")
    return attendee


@transaction.atomic
def attendee_remove(*, attendee, user) -> None:
    attendee._history_user = user
    attendee.delete()
    _touch([attendee.session], user, f"Attendee removed: {attendee.name}")


@dataclass(frozen=True)
class CountsRecorded:
    created: int
    changed: int
    removed: int


@transaction.atomic
def attendance_counts_record(
    *, board, user, rows, illustrative=False
) -> CountsRecorded:
    """Counts per (session, agency) for sessions of this board: each row's
    `session`, `agency` and `count` (0 removes a count). All rows or none."""
    errors, ready = [], []
    seen = set()
    for label, row in rows:
        session, agency, count = row["session"], row["agency"], row["count"]
        problem = _count_problem(board, session, agency, count)
        if not problem and (session.pk, agency.pk) in seen:
            problem = "this session and agency are given twice."
        if problem:
            errors.append(f"{label}: {problem}")
            continue
        seen.add((session.pk, agency.pk))
        ready.append((session, agency, count))
    if errors:
        raise ImportFailed(errors)
    named = set(
        Attendee.objects.filter(session__in={s for s, _, _ in ready}).values_list(
            "session_id", "agency_id"
        )
    )
    clashes = [
        f"{label}: {session} records named attendees for {agency}; give them by "
        "name, or remove them before giving a count."
        for (label, _), (session, agency, count) in zip(rows, ready, strict=True)
        if count and (session.pk, agency.pk) in named
    ]
    if clashes:
        raise ImportFailed(clashes)
    existing = {
        (c.session_id, c.agency_id): c
        for c in AttendanceCount.objects.filter(session__in={s for s, _, _ in ready})
    }
    added, changed, removed = [], [], 0
    for session, agency, count in ready:
        current = existing.get((session.pk, agency.pk))
        if current is None and count:
            added.append(
                AttendanceCount(
                    session=session,
                    agency=agency,
                    count=count,
                    illustrative=illustrative,
                )
            )
        elif current is not None and not count:
            current._history_user = user
            current.delete()
            removed += 1
        elif current is not None and current.count != count:
            current.count = count
            current.illustrative = illustrative
            changed.append(current)
    # Each row was checked above; in bulk, so a long file costs a few queries.
    _in_bulk(AttendanceCount, added, changed, ["count", "illustrative"], user)
    _touch({s for s, _, _ in ready}, user, "Attendance counts recorded")
    return CountsRecorded(len(added), len(changed), removed)


def _count_problem(board, session, agency, count) -> str:
    if session.course.board_id != board.pk or agency.board_id != board.pk:
        return "choose a session and an agency of this board."
    if count is None or count < 0:
        return "a count cannot be negative."
    if session.status == SessionStatus.CANCELLED:
        return f"{session} was cancelled: it has no attendance."
    return ""


# Evaluation and impact ----------------------------------------------------------


def _check_held(session) -> None:
    if session.status != SessionStatus.HELD:
        raise DomainError("Only a session that was held can be evaluated.")


@transaction.atomic
def evaluation_record(*, session, user, scores: dict, comments: str = "") -> Evaluation:
    """One attendee's form: {question: score 1-5} for the board's set questions
    (each at most once) and comments."""
    _check_held(session)
    board = session.course.board
    errors = {}
    for question, score in scores.items():
        if question.board_id != board.pk:
            raise DomainError("Choose questions of this board.")
        if score is None or not 1 <= score <= 5:
            errors[f"q{question.number}"] = (
                f"Question {question.number}: a score must be from 1 to 5."
            )
    if not scores:
        errors["scores"] = "Give a score for at least one question."
    if errors:
        raise DomainError(errors)
    evaluation = _saved(
        Evaluation(session=session, comments=comments.strip(), recorded_by=user), user
    )
    for question, score in scores.items():
        _saved(
            EvaluationScore(evaluation=evaluation, question=question, score=score),
            user,
        )
    return evaluation


def question_create(*, board, user, text: str) -> EvaluationQuestion:
    """A set question, numbered after the board's others."""
    last = board.training_questions.order_by("-number").first()
    return _saved(
        EvaluationQuestion(
            board=board, number=(last.number + 1) if last else 1, text=text
        ),
        user,
    )


def impact_follow_up_record(
    *,
    session,
    user,
    followed_up_on: date,
    sampled: int,
    practice_changed: int,
    examples: str = "",
) -> ImpactFollowUp:
    """Months after a held session: a sample asked whether practice changed."""
    _check_held(session)
    return _saved(
        ImpactFollowUp(
            session=session,
            followed_up_on=followed_up_on,
            sampled=sampled,
            practice_changed=practice_changed,
            examples=examples.strip(),
        ),
        user,
    )


# Trainer pool -------------------------------------------------------------------


def trainer_create(
    *,
    board,
    user,
    name: str,
    agency,
    agreement_signed_on: date | None = None,
    trained_at=None,
) -> Trainer:
    """A volunteer trainer joins the pool, from a train-the-trainer session or not."""
    _same_board(board, [agency], "an agency")
    if trained_at is not None and (
        trained_at.course.board_id != board.pk or not trained_at.course.trains_trainers
    ):
        raise DomainError(
            {"trained_at": "Choose a train-the-trainer session of this board."}
        )
    return _saved(
        Trainer(
            board=board,
            name=name.strip(),
            agency=agency,
            agreement_signed_on=agreement_signed_on,
            trained_at=trained_at,
        ),
        user,
    )


def trainer_update(*, trainer, user, version: int, changes: dict) -> Trainer:
    return update_versioned(
        Trainer, pk=trainer.pk, version=version, changes=changes, user=user
    )


@transaction.atomic
def development_day_record(
    *, board, user, date: date, title: str, trainers=()
) -> DevelopmentDay:
    """A development event of the pool and the trainers who attended it."""
    _same_board(board, trainers, "trainers")
    day = _saved(DevelopmentDay(board=board, date=date, title=title), user)
    day.trainers.set(trainers)
    return day


# Providers ----------------------------------------------------------------------


def provider_create(*, board, user, **fields) -> Provider:
    """An external provider: its self-assessment, then a decision (an
    endorsement has an expiry, reviewed before it lapses)."""
    return _saved(Provider(board=board, **fields), user)


def provider_update(*, provider, user, version: int, changes: dict) -> Provider:
    return update_versioned(
        Provider, pk=provider.pk, version=version, changes=changes, user=user
    )


# E-learning ---------------------------------------------------------------------


@transaction.atomic
def elearning_year_set(
    *,
    board,
    user,
    year: int,
    reported_allocated: int | None = None,
    reported_passed: int | None = None,
    version: int | None = None,
) -> ElearningYear:
    """The provider's totals for a membership year, created on first use."""
    current = ElearningYear.objects.filter(board=board, year=year).first()
    if current is None:
        return _saved(
            ElearningYear(
                board=board,
                year=year,
                reported_allocated=reported_allocated,
                reported_passed=reported_passed,
            ),
            user,
        )
    if version is not None and version != current.version:
        raise StaleVersion(current)
    return update_versioned(
        ElearningYear,
        pk=current.pk,
        version=current.version,
        changes={
            "reported_allocated": reported_allocated,
            "reported_passed": reported_passed,
        },
        user=user,
    )


def _elearning_year(board, user, year) -> ElearningYear:
    found = ElearningYear.objects.filter(board=board, year=year).first()
    return found or _saved(ElearningYear(board=board, year=year), user)


@dataclass(frozen=True)
class ReturnsRecorded:
    created: int
    changed: int


@transaction.atomic
def elearning_returns_record(*, board, user, year: int, rows) -> ReturnsRecorded:
    """Returns by department for a year: each row's `department`, `agency`
    (or None), `allocated` and `passed`; a department already returned is
    replaced. All rows or none."""
    errors, ready, seen = [], [], set()
    for label, row in rows:
        department = (row.get("department") or "").strip()
        allocated, passed, agency = (
            row.get("allocated"),
            row.get("passed"),
            row.get("agency"),
        )
        if not department:
            problem = "enter the department."
        elif len(department) > 200:
            problem = "the department can be at most 200 characters."
        elif allocated is None or passed is None or allocated < 0 or passed < 0:
            problem = "allocated and passed must be 0 or more."
        elif passed > allocated:
            problem = f"{passed} passed is more than the {allocated} allocated."
        elif agency is not None and agency.board_id != board.pk:
            problem = "choose an agency of this board."
        elif department.lower() in seen:
            problem = f"{department} is given twice."
        else:
            problem = ""
        if problem:
            errors.append(f"{label}: {problem}")
            continue
        seen.add(department.lower())
        ready.append((department, agency, allocated, passed))
    if errors:
        raise ImportFailed(errors)
    elearning_year = _elearning_year(board, user, year)
    existing = {r.department.lower(): r for r in elearning_year.returns.all()}
    added, changed = [], []
    for department, agency, allocated, passed in ready:
        current = existing.get(department.lower())
        if current is None:
            added.append(
                ElearningReturn(
                    elearning_year=elearning_year,
                    department=department,
                    agency=agency,
                    allocated=allocated,
                    passed=passed,
                )
            )
        elif (current.agency_id, current.allocated, current.passed) != (
            agency.pk if agency else None,
            allocated,
            passed,
        ):
            current.agency, current.allocated, current.passed = (
                agency,
                allocated,
                passed,
            )
            changed.append(current)
    _in_bulk(ElearningReturn, added, changed, ["agency", "allocated", "passed"], user)
    return ReturnsRecorded(len(added), len(changed))


@transaction.atomic
def learner_feedback_set(*, board, user, year: int, rows) -> ElearningYear:
    """The year's learner-feedback percentages, replacing those given before:
    rows of (statement, percent) in printed order."""
    errors = [
        f"Line {n}: a percentage is from 0 to 100."
        for n, (_, percent) in enumerate(rows, start=1)
        if percent is None or not 0 <= percent <= 100
    ]
    errors += [
        f"Line {n}: enter the statement."
        for n, (text, _) in enumerate(rows, start=1)
        if not (text or "").strip()
    ]
    if errors:
        raise ImportFailed(errors)
    elearning_year = _elearning_year(board, user, year)
    for old in elearning_year.feedback.all():
        old._history_user = user
        old.delete()
    for number, (statement, percent) in enumerate(rows, start=1):
        _saved(
            LearnerFeedback(
                elearning_year=elearning_year,
                number=number,
                statement=statement.strip(),
                percent=percent,
            ),
            user,
        )
    return elearning_year


def reported_year_set(*, board, user, year: int, attendances: int) -> ReportedYear:
    """A year's attendance total as reported, for a year without sessions."""
    current = ReportedYear.objects.filter(board=board, year=year).first()
    if current is None:
        current = ReportedYear(board=board, year=year)
    if attendances is None or attendances < 0:
        raise DomainError({"attendances": "Attendances cannot be negative."})
    current.attendances = attendances
    return _saved(current, user)


def recommendation_training_set(
    *, recommendation, user, theme=None, caption: str = ""
) -> RecommendationTraining:
    """The recommendation's update prints the year's training table: the courses
    on `theme`, or every course."""
    current = RecommendationTraining.objects.filter(
        recommendation=recommendation
    ).first() or RecommendationTraining(recommendation=recommendation)
    current.theme, current.caption = theme, caption.strip()
    return _saved(current, user)
