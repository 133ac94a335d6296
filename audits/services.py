"""Writes of the audits app: Section 11 cycles (their standards copied forward),
submissions (started from the organisation's previous answers, answered, submitted,
accepted late, excluded). Every rule is checked here; pages, imports and the API
call these and turn a DomainError into messages."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from lscb_portal.errors import AlreadyRecorded, DomainError, full_clean
from lscb_portal.files import upload_name, upload_refusal
from lscb_portal.rag import Rag, entry_errors
from lscb_portal.tables import ImportFailed, read_table
from lscb_portal.versioning import StaleVersion, lock, update_versioned

from .models import (
    CHALLENGE_TITLE,
    INVALID_GRADING,
    ActionProgress,
    ActionStatus,
    Answer,
    CaseAudit,
    CaseAuditGrading,
    CaseAuditRecommendation,
    ChallengeEvent,
    ChallengeParticipant,
    CommittedAction,
    EvidenceFile,
    Grading,
    Organisation,
    Question,
    Rating,
    RecommendationStatus,
    Section11Cycle,
    Sector,
    StaffSurvey,
    Standard,
    Submission,
    SubmissionStatus,
    SurveyOption,
    SurveyQuestion,
)


def _saved(instance, user):
    full_clean(instance)
    instance._history_user = user
    instance.save()
    return instance


# Cycles ---------------------------------------------------------------------------


@transaction.atomic
def cycle_create(
    *, board, user, year: int, opens_on: date, closes_on: date
) -> Section11Cycle:
    """A year's audit, its standards and questions copied from the board's latest
    earlier cycle (edit them before it opens)."""
    cycle = _saved(
        Section11Cycle(board=board, year=year, opens_on=opens_on, closes_on=closes_on),
        user,
    )
    previous = (
        Section11Cycle.objects.filter(board=board, year__lt=year)
        .order_by("-year")
        .first()
    )
    if previous:
        for standard in previous.standards.prefetch_related("questions"):
            copy = _saved(
                Standard(
                    cycle=cycle,
                    number=standard.number,
                    title=standard.title,
                    text=standard.text,
                ),
                user,
            )
            Question.objects.bulk_create(
                Question(standard=copy, number=q.number, text=q.text)
                for q in standard.questions.all()
            )
    return cycle


def _check_editable(cycle: Section11Cycle) -> None:
    if cycle.opens_on <= timezone.localdate():
        raise DomainError(
            "The audit has opened: its standards and questions can no longer change."
        )


def standard_add(*, cycle, user, number: int, title: str, text: str = "") -> Standard:
    _check_editable(cycle)
    return _saved(Standard(cycle=cycle, number=number, title=title, text=text), user)


def question_add(*, standard, user, number: int, text: str) -> Question:
    _check_editable(standard.cycle)
    return _saved(Question(standard=standard, number=number, text=text), user)


# Submissions ----------------------------------------------------------------------


def _previous_answers(cycle, organisation) -> dict[tuple[int, int], Answer]:
    """The organisation's answers in its latest earlier submission, by the
    (standard, question) numbers they answered."""
    previous = (
        Submission.objects.filter(organisation=organisation, cycle__year__lt=cycle.year)
        .order_by("-cycle__year")
        .first()
    )
    if previous is None:
        return {}
    return {
        (a.question.standard.number, a.question.number): a
        for a in previous.answers.select_related("question__standard")
    }


@transaction.atomic
def submission_start(*, cycle, organisation, user) -> Submission:
    """A draft submission for the organisation, its answers and evidence carried
    forward from its previous submission (marked so until confirmed). A second one
    for the same organisation and cycle is refused, naming the first."""
    if organisation.board_id != cycle.board_id:
        raise DomainError({"organisation": "Choose an organisation of this board."})
    existing = Submission.objects.filter(cycle=cycle, organisation=organisation).first()
    if existing:
        raise AlreadyRecorded(
            f"{organisation} has already started its submission for this audit.",
            existing=existing,
        )
    submission = Submission(cycle=cycle, organisation=organisation)
    submission._history_user = user
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:  # a second click that got here first
        raise AlreadyRecorded(
            f"{organisation} has already started its submission for this audit.",
            existing=Submission.objects.get(cycle=cycle, organisation=organisation),
        ) from None
    previous = _previous_answers(cycle, organisation)
    questions = Question.objects.filter(standard__cycle=cycle).select_related(
        "standard"
    )
    Answer.objects.bulk_create(
        Answer(
            submission=submission,
            question=q,
            rating=old.rating,
            evidence=old.evidence,
            carried_forward=True,
        )
        for q in questions
        if (old := previous.get((q.standard.number, q.number)))
    )
    actions_carry_forward(submission=submission, user=user)
    return submission


def _locked_draft(submission, version: int | None) -> Submission:
    current = lock(Submission, pk=submission.pk)
    if version is not None and current.version != version:
        raise StaleVersion(current)
    if current.status != SubmissionStatus.DRAFT:
        raise DomainError(
            "This submission has been submitted: it can no longer change."
        )
    return current


def _touch(submission, user, reason: str) -> None:
    submission.version += 1
    submission._history_user = user
    submission._change_reason = reason
    submission.save()


@transaction.atomic
def answer_record(
    *,
    submission,
    user,
    question,
    rating: str,
    evidence: str = "",
    version: int | None = None,
) -> Answer:
    """Answer (or confirm a carried-forward answer to) one question of the
    submission's cycle."""
    current = _locked_draft(submission, version)
    if question.standard.cycle_id != current.cycle_id:
        raise DomainError({"question": "This question is not part of this audit."})
    if rating not in Rating.values:
        raise DomainError(
            {"rating": "Choose fully met, partially met, not met or not applicable."}
        )
    answer = Answer.objects.filter(submission=current, question=question).first()
    answer = answer or Answer(submission=current, question=question)
    answer.rating = rating
    answer.evidence = evidence.strip()
    answer.carried_forward = False
    _saved(answer, user)
    _touch(current, user, f"Answered {question.code}")
    return answer


@transaction.atomic
def submission_submit(
    *,
    submission,
    user,
    version: int | None = None,
    late_reason: str = "",
    may_accept_late: bool = False,
) -> Submission:
    """Submit a complete submission: every question answered and no carried-forward
    answer left unconfirmed. After the close date only the business team
    (`may_accept_late`) may accept one, with a reason."""
    current = _locked_draft(submission, version)
    questions = Question.objects.filter(standard__cycle=current.cycle_id).count()
    answers = current.answers.all()
    answered = sum(1 for a in answers if not a.carried_forward)
    carried = sum(1 for a in answers if a.carried_forward)
    if carried:
        raise DomainError(
            f"Confirm or change the {carried} answer{'s' if carried != 1 else ''} "
            "carried forward from last year before submitting."
        )
    if answered < questions:
        missing = questions - answered
        raise DomainError(
            f"Answer the {missing} question{'s' if missing != 1 else ''} still "
            "unanswered before submitting."
        )
    if timezone.localdate() > current.cycle.closes_on:
        if not may_accept_late:
            raise DomainError(
                f"The audit closed on {current.cycle.closes_on:%-d %B %Y}: ask the "
                "business team to accept a late submission."
            )
        if not late_reason.strip():
            raise DomainError(
                {
                    "late_reason": "Enter why a submission after the close date is "
                    "accepted."
                }
            )
        current.late_reason = late_reason.strip()[:500]
    current.status = SubmissionStatus.SUBMITTED
    current.submitted_at = timezone.now()
    current.submitted_by = user
    _touch(current, user, "Submitted")
    return current


@transaction.atomic
def submission_exclude(
    *, submission, user, exclusion: str, reason: str, version: int | None = None
) -> Submission:
    """Leave a partial or duplicate response out of the results, with a reason."""
    current = lock(Submission, pk=submission.pk)
    if version is not None and current.version != version:
        raise StaleVersion(current)
    if exclusion not in ("partial", "duplicate"):
        raise DomainError({"exclusion": "Choose partial or duplicate."})
    if not reason.strip():
        raise DomainError({"reason": "Enter why the submission is excluded."})
    current.exclusion = exclusion
    current.exclusion_reason = reason.strip()[:500]
    full_clean(current)
    _touch(current, user, f"Excluded: {current.get_exclusion_display()}")
    return current


# Case audits ----------------------------------------------------------------------


def _check_case_audit_links(board, *, group=None, themes=()) -> None:
    if group is not None and group.board_id != board.pk:
        raise DomainError({"group": "Choose one of this board's groups."})
    if any(t.board_id != board.pk for t in themes or ()):
        raise DomainError({"themes": "Choose learning themes of this board."})


def _too_many_gradings(count: int, cases: int) -> DomainError:
    return DomainError(
        {
            "cases_audited": f"You recorded {count} grading{pluralize(count)} for "
            f"{cases} case{pluralize(cases)} audited: the cases audited cannot be "
            "fewer than the gradings."
        }
    )


def pluralize(n: int) -> str:
    return "" if n == 1 else "s"


@transaction.atomic
def case_audit_create(
    *,
    board,
    user,
    theme: str,
    audited_on: date,
    cases_audited: int,
    group=None,
    good_practice: str = "",
    areas_for_improvement: str = "",
    themes=(),
) -> CaseAudit:
    """A themed multi-agency case audit, before its gradings and recommendations."""
    _check_case_audit_links(board, group=group, themes=themes)
    audit = _saved(
        CaseAudit(
            board=board,
            theme=theme,
            group=group,
            audited_on=audited_on,
            cases_audited=cases_audited,
            good_practice=good_practice,
            areas_for_improvement=areas_for_improvement,
        ),
        user,
    )
    audit.themes.set(themes)
    return audit


@transaction.atomic
def case_audit_update(*, audit, user, version: int, changes: dict) -> CaseAudit:
    """Change an audit's details (and, when `changes` has them, its learning
    themes); refused if someone saved it since `version`, or if it would have fewer
    cases than gradings."""
    changes = dict(changes)
    themes = changes.pop("themes", None)
    _check_case_audit_links(audit.board, group=changes.get("group"), themes=themes)
    audit = update_versioned(
        CaseAudit, pk=audit.pk, version=version, changes=changes, user=user
    )
    if themes is not None:
        audit.themes.set(themes)
    count = audit.gradings.count()
    if count > audit.cases_audited:
        raise _too_many_gradings(count, audit.cases_audited)
    return audit


@transaction.atomic
def grading_record(*, audit, user, case: str, grading: str) -> CaseAuditGrading:
    """The overall grading of one audited case; no more gradings than cases."""
    if grading not in Grading.values:
        raise DomainError({"grading": INVALID_GRADING})
    audit = lock(CaseAudit, pk=audit.pk)
    count = audit.gradings.count() + 1
    if count > audit.cases_audited:
        error = _too_many_gradings(count, audit.cases_audited)
        raise DomainError({"grading": error.message_dict["cases_audited"]})
    existing = audit.gradings.filter(case=case).first()
    if existing:
        raise AlreadyRecorded(
            f"{case} already has a grading: {existing.get_grading_display()}.",
            existing,
        )
    return _saved(CaseAuditGrading(audit=audit, case=case, grading=grading), user)


@transaction.atomic
def recommendation_create(
    *,
    audit,
    user,
    number: int,
    text: str,
    owner_agency,
    due_date: date,
    business_plan_action=None,
) -> CaseAuditRecommendation:
    """A recommendation of the audit, owned by one of the board's agencies."""
    if owner_agency.board_id != audit.board_id:
        raise DomainError({"owner_agency": "Choose one of this board's agencies."})
    if (
        business_plan_action is not None
        and business_plan_action.plan.board_id != audit.board_id
    ):
        raise DomainError(
            {"business_plan_action": "Choose an action of this board's plans."}
        )
    return _saved(
        CaseAuditRecommendation(
            audit=audit,
            number=number,
            text=text,
            owner_agency=owner_agency,
            due_date=due_date,
            business_plan_action=business_plan_action,
        ),
        user,
    )


EVIDENCE_NEEDED = "Describe the evidence that the recommendation is complete."


@transaction.atomic
def recommendation_record_progress(
    *, recommendation, user, version: int, status: str, rag: str, evidence: str = ""
) -> CaseAuditRecommendation:
    """Where a recommendation stands: its status and RAG; complete needs evidence
    (and makes the RAG "Complete")."""
    errors = {}
    if status not in RecommendationStatus.values:
        errors["status"] = "Choose not started, in progress or complete."
    if rag not in (*Rag.values, ""):
        errors["rag"] = "Choose Red, Amber, Green or Complete."
    if status == RecommendationStatus.COMPLETE and not evidence.strip():
        errors["evidence"] = EVIDENCE_NEEDED
    if errors:
        raise DomainError(errors)
    if status == RecommendationStatus.COMPLETE:
        rag = Rag.COMPLETE
    elif rag == Rag.COMPLETE:
        raise DomainError(
            {"rag": "Only a complete recommendation can be rated Complete."}
        )
    return update_versioned(
        CaseAuditRecommendation,
        pk=recommendation.pk,
        version=version,
        changes={"status": status, "rag": rag, "evidence": evidence.strip()},
        user=user,
    )


# Organisations --------------------------------------------------------------------


def organisation_create(
    *, board, user, name: str, sector: str, agency=None, active: bool = True
) -> Organisation:
    """A respondent on the board's list: a board agency or an organisation outside
    the board."""
    if agency is not None and agency.board_id != board.pk:
        raise DomainError({"agency": "Choose an agency of this board."})
    return _saved(
        Organisation(
            board=board,
            name=name.strip(),
            sector=sector,
            agency=agency,
            active=active,
        ),
        user,
    )


def organisation_update(
    *, organisation, user, name: str, sector: str, agency=None, active: bool = True
) -> Organisation:
    if agency is not None and agency.board_id != organisation.board_id:
        raise DomainError({"agency": "Choose an agency of this board."})
    organisation.name = name.strip()
    organisation.sector = sector
    organisation.agency = agency
    organisation.active = active
    return _saved(organisation, user)


# Staff survey -----------------------------------------------------------------


SURVEY_IMPORT_COLUMNS = [
    "question_number",
    "question",
    "answer",
    "responses",
    "repeat_of",
]
SURVEY_TOTAL_ROWS = ("answered", "skipped")
MAX_SURVEY_IMPORT_ROWS = 2000


def survey_create(
    *, board, user, year: int, opened_on: date, closed_on: date, respondents: int
) -> StaffSurvey:
    """A year's staff survey, before its questions are added or imported."""
    return _saved(
        StaffSurvey(
            board=board,
            year=year,
            opened_on=opened_on,
            closed_on=closed_on,
            respondents=respondents,
        ),
        user,
    )


@transaction.atomic
def survey_update(*, survey, user, version: int, changes: dict) -> StaffSurvey:
    """Change a survey's dates or respondents; refused if someone saved it since
    `version`, or if its questions' answered and skipped would no longer add up
    to its respondents."""
    survey = update_versioned(
        StaffSurvey, pk=survey.pk, version=version, changes=changes, user=user
    )
    respondents = survey.respondents
    wrong = [q for q in survey.questions.all() if q.answered + q.skipped != respondents]
    if wrong:
        first = wrong[0]
        raise DomainError(
            {
                "respondents": f"{len(wrong)} question{pluralize(len(wrong))} "
                f"would not add up: “{first}” was answered by {first.answered} and "
                f"skipped by {first.skipped}, {first.answered + first.skipped} in "
                f"all, not {survey.respondents}."
            }
        )
    return survey


def survey_question_problems(
    survey,
    *,
    number: str,
    answered: int,
    skipped: int,
    options: list[tuple[str, int]],
    repeat_of=None,
    numbers_taken=(),
) -> dict[str, str]:
    """What is wrong with a question for the survey, by field: counts below 0,
    options that do not add up to the answered total, answered and skipped that do
    not add up to the survey's respondents, a repeat of a question that is not of
    an earlier survey of the board, a number the survey already has."""
    problems = {}
    counts = [count for _, count in options]
    if not options:
        problems["options"] = "Enter at least one answer option and its count."
    elif any(not answer.strip() for answer, _ in options):
        problems["options"] = "Every answer option needs its answer text."
    elif len({answer.strip().lower() for answer, _ in options}) < len(options):
        problems["options"] = "Each answer option can appear only once."
    if answered < 0 or skipped < 0 or any(c < 0 for c in counts):
        problems["answered"] = "Counts cannot be negative."
        return problems
    if options and sum(counts) != answered:
        problems.setdefault(
            "options",
            f"The options' counts add up to {sum(counts)}, not the {answered} who "
            "answered the question.",
        )
    if answered + skipped != survey.respondents:
        problems["skipped"] = (
            f"{answered} answered and {skipped} skipped make "
            f"{answered + skipped}, not the survey's {survey.respondents} "
            "respondents."
        )
    if repeat_of is not None and (
        repeat_of.survey.board_id != survey.board_id
        or repeat_of.survey.year >= survey.year
    ):
        problems["repeat_of"] = (
            "Choose the same question in an earlier survey of this board."
        )
    if number and number.lower() in {n.lower() for n in numbers_taken}:
        problems["number"] = f"This survey already has a question {number}."
    return problems


def _numbers_taken(survey) -> list[str]:
    return [n for n in survey.questions.values_list("number", flat=True) if n]


def _add_question(
    survey, user, position, *, number, text, answered, skipped, options, repeat_of
) -> SurveyQuestion:
    question = _saved(
        SurveyQuestion(
            survey=survey,
            position=position,
            number=number,
            text=text,
            answered=answered,
            skipped=skipped,
            repeat_of=repeat_of,
        ),
        user,
    )
    bulk_create_with_history(
        [
            SurveyOption(question=question, position=i, answer=answer, count=count)
            for i, (answer, count) in enumerate(options, start=1)
        ],
        SurveyOption,
        default_user=user,
    )
    return question


@transaction.atomic
def survey_question_add(
    *,
    survey,
    user,
    number: str = "",
    text: str,
    answered: int,
    skipped: int,
    options: list[tuple[str, int]],
    repeat_of=None,
) -> SurveyQuestion:
    """A question at the end of the survey, with its answer options in order.
    Refused, nothing saved, unless its counts add up (see
    survey_question_problems)."""
    survey = lock(StaffSurvey, pk=survey.pk)
    number = number.strip()
    options = [(answer.strip(), count) for answer, count in options]
    problems = survey_question_problems(
        survey,
        number=number,
        answered=answered,
        skipped=skipped,
        options=options,
        repeat_of=repeat_of,
        numbers_taken=_numbers_taken(survey),
    )
    if not text.strip():
        problems["text"] = "Enter the question."
    if problems:
        raise DomainError(problems)
    position = (survey.questions.aggregate(last=Max("position"))["last"] or 0) + 1
    return _add_question(
        survey,
        user,
        position,
        number=number,
        text=text.strip(),
        answered=answered,
        skipped=skipped,
        options=options,
        repeat_of=repeat_of,
    )


def _whole_number(text: str) -> int | None:
    """ "160" (or "160.0" from a spreadsheet) as 160; None if not a whole number."""
    try:
        value = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        return None
    if not value.is_finite() or value != value.to_integral_value():
        return None
    return int(value)


@dataclass
class _ImportedQuestion:
    line: int
    number: str
    text: str
    options: list = field(default_factory=list)
    totals: dict = field(default_factory=dict)  # "answered"/"skipped" → count
    repeat_key: str = ""


def _earlier_questions(survey) -> list[SurveyQuestion]:
    """The board's questions of earlier surveys, the latest survey first."""
    return list(
        SurveyQuestion.objects.filter(
            survey__board=survey.board_id, survey__year__lt=survey.year
        )
        .select_related("survey")
        .order_by("-survey__year", "position")
    )


def _find_repeat(earlier, key: str):
    key = key.strip().lower()
    for q in earlier:
        if q.number.lower() == key or q.text.strip().lower() == key:
            return q
    return None


def _survey_header(table) -> list[str]:
    if not table or not any(table[0]):
        raise ImportFailed(["The file is empty."])
    header = [cell.strip().lower() for cell in table[0]]
    unknown = [h for h in header if h and h not in SURVEY_IMPORT_COLUMNS]
    missing = [c for c in ("question", "answer", "responses") if c not in header]
    errors = []
    if unknown:
        errors.append(
            f"Unknown column: {', '.join(unknown)}. The columns are: "
            f"{', '.join(SURVEY_IMPORT_COLUMNS)}."
        )
    if missing:
        errors.append(f"Missing column: {', '.join(missing)}.")
    if errors:
        raise ImportFailed(errors)
    return header


def _read_survey_rows(table, header, errors) -> list[_ImportedQuestion]:
    """The questions of the rows, in order: a row with a blank question (and
    number) goes on with the question above it."""
    questions: list[_ImportedQuestion] = []
    seen: dict[tuple[str, str], int] = {}
    current = None
    for line, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue
        values = dict(zip(header, [*cells, *[""] * len(header)], strict=False))
        number = values.get("question_number", "").strip()
        text = values.get("question", "").strip()
        if number or text:
            key = (number.lower(), text.lower())
            if current is None or key != (current.number.lower(), current.text.lower()):
                if key in seen:
                    errors.append(
                        f"Row {line}: this question is also in row {seen[key]}: keep "
                        "a question's rows together."
                    )
                    current = None
                    continue
                if not text:
                    errors.append(f"Row {line}: enter the question.")
                    current = None
                    continue
                seen[key] = line
                current = _ImportedQuestion(line, number, text)
                questions.append(current)
        elif current is None:
            errors.append(f"Row {line}: enter the question this answer belongs to.")
            continue
        if values.get("repeat_of", "").strip() and not current.repeat_key:
            current.repeat_key = values["repeat_of"].strip()
        answer = values.get("answer", "").strip()
        raw = values.get("responses", "").strip()
        count = _whole_number(raw)
        if not answer:
            errors.append(f"Row {line}: enter the answer.")
        elif count is None:
            errors.append(f"Row {line}: responses “{raw}” is not a whole number.")
        elif count < 0:
            errors.append(f"Row {line}: responses cannot be negative ({count}).")
        elif answer.lower() in SURVEY_TOTAL_ROWS:
            if answer.lower() in current.totals:
                errors.append(f"Row {line}: the question has a second {answer} row.")
            current.totals[answer.lower()] = count
        else:
            current.options.append((answer, count))
        if len(errors) > 200:
            break
    return questions


@transaction.atomic
def survey_import(
    *, survey, upload, user, max_rows: int = MAX_SURVEY_IMPORT_ROWS
) -> int:
    """A survey's questions from the survey tool's summary export (CSV or XLSX;
    the format is on the import page): every question or none, with
    row-numbered errors. Returns how many questions were imported."""
    table = read_table(upload)
    header = _survey_header(table)
    if len(table) - 1 > max_rows:
        raise ImportFailed([f"The file has more than {max_rows} rows."])
    survey = lock(StaffSurvey, pk=survey.pk)
    errors: list[str] = []
    questions = _read_survey_rows(table, header, errors)
    if not questions and not errors:
        raise ImportFailed(["The file has no questions."])
    earlier = _earlier_questions(survey)
    taken = _numbers_taken(survey)
    ready = []
    for q in questions:
        label = f"Row {q.line} ({q.number or q.text[:40]})"
        missing = [t.capitalize() for t in SURVEY_TOTAL_ROWS if t not in q.totals]
        if missing:
            errors.append(
                f"{label}: the question has no {' or '.join(missing)} row: add a "
                "row with the answer “Answered” (or “Skipped”) and its count."
            )
            continue
        repeat_of = _find_repeat(earlier, q.repeat_key) if q.repeat_key else None
        problems = survey_question_problems(
            survey,
            number=q.number,
            answered=q.totals["answered"],
            skipped=q.totals["skipped"],
            options=q.options,
            numbers_taken=taken,
        )
        if q.repeat_key and repeat_of is None:
            problems["repeat_of"] = (
                f"repeat_of “{q.repeat_key}” is not the number or text of a "
                "question in an earlier survey of this board."
            )
        if problems:
            errors.append(f"{label}: {' '.join(problems.values())}")
            continue
        if q.number:
            taken.append(q.number)
        ready.append((q, repeat_of))
    if errors:
        raise ImportFailed(errors)
    position = survey.questions.aggregate(last=Max("position"))["last"] or 0
    for q, repeat_of in ready:
        position += 1
        _add_question(
            survey,
            user,
            position,
            number=q.number,
            text=q.text[:2000],
            answered=q.totals["answered"],
            skipped=q.totals["skipped"],
            options=[(answer[:300], count) for answer, count in q.options],
            repeat_of=repeat_of,
        )
    return len(ready)


# Section 11 evidence files, committed actions and challenge events ------------


def _cycle_standard(submission, standard) -> None:
    if standard is not None and standard.cycle_id != submission.cycle_id:
        raise DomainError({"standard": "Choose one of this audit's standards."})


@transaction.atomic
def evidence_file_add(*, submission, user, upload, standard=None) -> EvidenceFile:
    """Attach a file of evidence to a draft submission, for one of its standards
    or the whole submission: refused if too big or not an allowed type."""
    current = _locked_draft(submission, None)
    _cycle_standard(current, standard)
    refusal = upload_refusal(upload)
    if refusal:
        raise DomainError({"file": refusal})
    evidence = _saved(
        EvidenceFile(
            submission=current,
            standard=standard,
            file=upload,
            name=upload_name(upload),
            size=upload.size,
            uploaded_by=user,
        ),
        user,
    )
    _touch(current, user, f"Evidence file added: {evidence.name}")
    return evidence


@transaction.atomic
def evidence_file_remove(*, evidence_file, user) -> EvidenceFile:
    """Take a file off a draft submission; its row and history stay."""
    current = _locked_draft(evidence_file.submission, None)
    evidence_file.removed_at = timezone.now()
    evidence_file._history_user = user
    evidence_file._change_reason = "Removed"
    evidence_file.save()
    _touch(current, user, f"Evidence file removed: {evidence_file.name}")
    return evidence_file


@transaction.atomic
def action_add(
    *, submission, user, text: str, owner: str, due_date: date, standard=None
) -> CommittedAction:
    """An action the organisation commits to in its draft submission."""
    current = _locked_draft(submission, None)
    _cycle_standard(current, standard)
    last = current.actions.aggregate(last=Max("number"))["last"] or 0
    action = _saved(
        CommittedAction(
            submission=current,
            number=last + 1,
            text=text.strip(),
            standard=standard,
            owner=owner.strip(),
            due_date=due_date,
        ),
        user,
    )
    _touch(current, user, f"Action {action.number} added")
    return action


@transaction.atomic
def action_change(
    *,
    action,
    user,
    version: int,
    text: str,
    owner: str,
    due_date: date,
    standard=None,
) -> CommittedAction:
    """Change an action of a draft submission; saving a carried-forward one
    confirms it."""
    submission = _locked_draft(action.submission, None)
    _cycle_standard(submission, standard)
    changed = update_versioned(
        CommittedAction,
        pk=action.pk,
        version=version,
        changes={
            "text": text.strip(),
            "owner": owner.strip(),
            "due_date": due_date,
            "standard": standard,
            "carried_forward": False,
        },
        user=user,
    )
    _touch(submission, user, f"Action {changed.number} confirmed")
    return changed


@transaction.atomic
def action_remove(*, action, user) -> None:
    """Take an action off a draft submission (a carried-forward one stays on the
    earlier submission's follow-up list)."""
    submission = _locked_draft(action.submission, None)
    action._history_user = user
    action.delete()
    _touch(submission, user, f"Action {action.number} removed")


def actions_carry_forward(*, submission, user) -> int:
    """Copy the open actions of the organisation's previous submission into a
    new one, marked carried forward until confirmed; how many were copied."""
    previous = (
        Submission.objects.filter(
            organisation=submission.organisation_id,
            cycle__year__lt=submission.cycle.year,
        )
        .order_by("-cycle__year")
        .first()
    )
    if previous is None:
        return 0
    standards = {s.number: s for s in submission.cycle.standards.all()}
    copies = [
        CommittedAction(
            submission=submission,
            number=number,
            text=old.text,
            standard=standards.get(old.standard.number) if old.standard else None,
            owner=old.owner,
            due_date=old.due_date,
            status=old.status,
            rag=old.rag,
            carried_forward=True,
            carried_from=old,
        )
        for number, old in enumerate(
            previous.actions.open().select_related("standard").order_by("number"),
            start=1,
        )
    ]
    for copy in copies:
        _saved(copy, user)
    return len(copies)


@transaction.atomic
def submission_send(
    *,
    submission,
    user,
    version: int | None = None,
    late_reason: str = "",
    may_accept_late: bool = False,
) -> Submission:
    """Submit (as submission_submit), refused while an action carried forward
    from last year is unconfirmed (checked after the answers, and undone with
    the submit when it fails)."""
    sent = submission_submit(
        submission=submission,
        user=user,
        version=version,
        late_reason=late_reason,
        may_accept_late=may_accept_late,
    )
    carried = sent.actions.filter(carried_forward=True).count()
    if carried:
        raise DomainError(
            f"Confirm, change or remove the {carried} action"
            f"{pluralize(carried)} carried forward from last year before "
            "submitting."
        )
    return sent


@transaction.atomic
def action_record_progress(
    *, action, user, version: int, status: str, rag: str, note: str = ""
) -> CommittedAction:
    """Progress on a follow-up action: an update (kept, never edited) and the
    action's status and RAG. "No update required" ("") leaves the RAG as it was;
    complete makes it Complete; red or amber needs a note."""
    current = lock(CommittedAction, pk=action.pk)
    if current.version != version:
        raise StaleVersion(current)
    if current.submission.status != SubmissionStatus.SUBMITTED:
        raise DomainError(
            "Progress is recorded once the submission has been submitted."
        )
    errors = {
        ("note" if field == "narrative" else field): text
        for field, text in entry_errors(rag, note).items()
    }
    if status not in ActionStatus.values:
        errors["status"] = "Choose not started, in progress or complete."
    elif rag == Rag.COMPLETE and status != ActionStatus.COMPLETE:
        errors["status"] = "An action rated Complete has the status complete."
    if status == ActionStatus.COMPLETE and rag in (Rag.RED, Rag.AMBER):
        errors["rag"] = "A complete action is rated Complete."
    if errors:
        raise DomainError(errors)
    if status == ActionStatus.COMPLETE:
        rag = Rag.COMPLETE
    ActionProgress.objects.create(
        action=current, status=status, rag=rag, note=note.strip(), author=user
    )
    current.status = status
    if rag:
        current.rag = rag
    current.version += 1
    return _saved(current, user)


def challenge_event_create(
    *, cycle, user, held_on: date, title: str = CHALLENGE_TITLE, notes: str = ""
) -> ChallengeEvent:
    """A challenge event of the cycle ("Learning from Each Other")."""
    return _saved(
        ChallengeEvent(
            cycle=cycle,
            held_on=held_on,
            title=title.strip() or CHALLENGE_TITLE,
            notes=notes.strip(),
        ),
        user,
    )


def challenge_participant_add(
    *, event, user, organisation, challenged_on: str, response: str = ""
) -> ChallengeParticipant:
    """An organisation of the board taking part: what it was challenged on and
    its response; once per event."""
    if organisation.board_id != event.cycle.board_id:
        raise DomainError({"organisation": "Choose an organisation of this board."})
    if event.participants.filter(organisation=organisation).exists():
        raise DomainError(
            {"organisation": f"{organisation} already takes part in this event."}
        )
    return _saved(
        ChallengeParticipant(
            event=event,
            organisation=organisation,
            challenged_on=challenged_on.strip(),
            response=response.strip(),
        ),
        user,
    )


# Imports of respondents and survey exports ------------------------------------

RESPONDENT_COLUMNS = ["name", "sector", "agency", "active"]
SURVEY_COLUMNS = ["organisation", "sector", "submitted"]
MAX_IMPORT_ROWS = 5000
MAX_IMPORT_ERRORS = 200
IMPORTED = "Imported from a file"
QUESTION_CODE_RE = re.compile(r"^(\d+)\.(\d+)$")
DAY_MONTH_YEAR_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
RATING_CHOICE = "fully met, partially met, not met or not applicable"
EVIDENCE_LENGTH = Answer._meta.get_field("evidence").max_length
YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0"}


@dataclass
class RespondentsImported:
    added: int
    updated: int
    unchanged: int


def _choice(text: str, choices) -> str | None:
    """A choice's value from its label or its code, in any case."""
    wanted = text.strip().lower()
    for value, label in choices:
        if wanted in (value.lower(), label.lower()):
            return value
    return None


def _sector_error(text: str) -> str:
    return f"sector “{text}” is not one of: {', '.join(Sector.labels)}."


def _table_rows(table) -> list[tuple[int, dict]]:
    """(row number, {column: cell}) for the rows under the header that are not
    blank, the file's row numbers as a spreadsheet shows them."""
    header = [cell.strip().lower() for cell in table[0]]
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        if any(cells):
            padded = [*cells, *[""] * len(header)]
            rows.append((line, dict(zip(header, padded, strict=False))))
    if len(rows) > MAX_IMPORT_ROWS:
        raise ImportFailed([f"The file has more than {MAX_IMPORT_ROWS} rows."])
    if not rows:
        raise ImportFailed(["The file has no rows under its header."])
    return rows


def _header(table) -> list[str]:
    if not table or not any(table[0]):
        raise ImportFailed(["The file is empty."])
    return [cell.strip().lower() for cell in table[0]]


def _check_header(header, *, known, required) -> None:
    errors = []
    unknown = [h for h in header if h and h not in known]
    if unknown:
        errors.append(
            f"Unknown column{pluralize(len(unknown))}: {', '.join(unknown)}. The "
            f"columns are: {', '.join(known)}."
        )
    missing = [c for c in required if c not in header]
    if missing:
        errors.append(f"Missing column{pluralize(len(missing))}: {', '.join(missing)}.")
    duplicated = sorted({h for h in header if h and header.count(h) > 1})
    if duplicated:
        errors.append(
            f"Column{pluralize(len(duplicated))} given twice: {', '.join(duplicated)}."
        )
    if errors:
        raise ImportFailed(errors)


def _failed_if(errors: list[str]) -> None:
    if errors:
        raise ImportFailed(errors[:MAX_IMPORT_ERRORS])


def _model_errors(instance, exclude) -> list[str]:
    """The model's own field rules (lengths, choices), without a query."""
    try:
        instance.clean_fields(exclude=exclude)
    except ValidationError as error:
        return [f"{f}: {m}" for f, ms in error.message_dict.items() for m in ms]
    return []


def organisations_import(*, board, upload, user) -> RespondentsImported:
    """The board's list of respondents from CSV or XLSX (name, sector, and
    optionally agency and active): a name already on the list (in any case) is
    updated, a new one added. All rows or none, with row-numbered errors; written
    with bulk operations, each change on the organisation's history."""
    table = read_table(upload)
    header = _header(table)
    _check_header(header, known=RESPONDENT_COLUMNS, required=["name", "sector"])
    rows = _table_rows(table)
    listed = {o.name.strip().lower(): o for o in board.audit_organisations.all()}
    agencies = {}
    for agency in board.agencies.all():
        agencies[agency.name.strip().lower()] = agency
        if agency.short_name:
            agencies.setdefault(agency.short_name.strip().lower(), agency)
    errors, seen, added, changed, unchanged = [], {}, [], [], 0
    now = timezone.now()
    for line, values in rows:
        name = values["name"].strip()
        key = name.lower()
        row_errors = []
        if not name:
            row_errors.append("the name is missing.")
        elif key in seen:
            row_errors.append(f"“{name}” is also in row {seen[key]}.")
        seen.setdefault(key, line)
        sector = _choice(values["sector"], Sector.choices)
        if sector is None:
            row_errors.append(_sector_error(values["sector"]))
        organisation = listed.get(key) or Organisation(board=board)
        agency = organisation.agency
        if "agency" in header:
            agency = None
            if values["agency"].strip():
                agency = agencies.get(values["agency"].strip().lower())
                if agency is None:
                    row_errors.append(
                        f"agency “{values['agency']}” is not one of this board's "
                        "agencies (give its name or short name)."
                    )
        active = organisation.active if organisation.pk else True
        if "active" in header and values["active"].strip():
            answer = values["active"].strip().lower()
            if answer not in YES | NO:
                row_errors.append(f"active “{values['active']}” must be yes or no.")
            active = answer in YES
        if not row_errors:
            before = (
                organisation.name,
                organisation.sector,
                organisation.agency_id,
                organisation.active,
            )
            organisation.name, organisation.sector = name, sector
            organisation.agency, organisation.active = agency, active
            row_errors = _model_errors(organisation, exclude=["board", "agency"])
            after = (name, sector, organisation.agency_id, active)
            if not organisation.pk:
                added.append(organisation)
            elif before != after:
                organisation.modified_at = now
                changed.append(organisation)
            else:
                unchanged += 1
        errors += [f"Row {line}: {e}" for e in row_errors]
    _failed_if(errors)
    try:
        with transaction.atomic():
            bulk_create_with_history(
                added, Organisation, default_user=user, default_change_reason=IMPORTED
            )
            bulk_update_with_history(
                changed,
                Organisation,
                ["name", "sector", "agency", "active", "modified_at"],
                default_user=user,
                default_change_reason=IMPORTED,
            )
    except IntegrityError:
        raise ImportFailed(
            [
                "Two organisations would have the same name: check the list and the "
                "file, then import again."
            ]
        ) from None
    return RespondentsImported(len(added), len(changed), unchanged)


def _submitted_on(text: str) -> date | None:
    """A date cell: 2017-01-10 (also as XLSX gives it, with a time) or 10/01/2017."""
    text = text.strip()
    try:
        if match := DAY_MONTH_YEAR_RE.match(text):
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def _survey_columns(header, questions) -> list[str]:
    """Header errors: a column that is not a question of the cycle, or a question
    of the cycle without its column."""
    known = {*SURVEY_COLUMNS, *questions, *(f"evidence {c}" for c in questions)}
    errors = []
    for column in header:
        if not column or column in known:
            continue
        code = column.removeprefix("evidence ").strip()
        if QUESTION_CODE_RE.match(code):
            errors.append(
                f"Column “{column}”: this audit has no question {code}. Its "
                f"questions are {', '.join(questions)}."
            )
        else:
            errors.append(
                f"Unknown column “{column}”. The columns are organisation, sector, "
                "one per question named by its number (1.1), optionally “evidence "
                "1.1” for each, and submitted."
            )
    if "organisation" not in header:
        errors.append("Missing column: organisation.")
    missing = [code for code in questions if code not in header]
    if missing:
        errors.append(
            f"Missing question column{pluralize(len(missing))}: {', '.join(missing)}. "
            "Every question of the audit needs its column."
        )
    duplicated = sorted({h for h in header if h and header.count(h) > 1})
    if duplicated:
        errors.append(
            f"Column{pluralize(len(duplicated))} given twice: {', '.join(duplicated)}."
        )
    return errors


def _survey_date(text: str, cycle, today) -> tuple[date | None, list[str]]:
    """The day a row was submitted (today if blank), within the cycle's dates."""
    if not text.strip():
        on, given = today, "today"
    else:
        on, given = _submitted_on(text), "submitted"
        if on is None:
            return None, [
                f"submitted “{text}” is not a date: write 2017-01-10 or 10/01/2017."
            ]
    if cycle.opens_on <= on <= cycle.closes_on:
        return on, []
    return on, [
        f"{on:%-d %B %Y} ({given}) is outside the audit ({cycle.opens_on:%-d %B %Y} "
        f"to {cycle.closes_on:%-d %B %Y}): give the date each response was submitted."
    ]


def _survey_ratings(values, questions) -> tuple[dict, list[str]]:
    """A row's (rating, evidence) by question code: every question rated on the
    scale, the evidence no longer than an answer holds."""
    ratings, errors = {}, []
    for code in questions:
        cell = values.get(code, "").strip()
        rating = _choice(cell, Rating.choices) if cell else None
        if not cell:
            errors.append(f"question {code} is not answered.")
        elif rating is None:
            errors.append(
                f"question {code}: “{cell}” is not a rating: choose {RATING_CHOICE}."
            )
        evidence = values.get(f"evidence {code}", "").strip()
        if len(evidence) > EVIDENCE_LENGTH:
            errors.append(
                f"the evidence for question {code} is longer than {EVIDENCE_LENGTH} "
                "characters."
            )
        ratings[code] = (rating, evidence)
    return ratings, errors


def survey_export_import(*, cycle, upload, user) -> int:
    """A survey tool's export for the cycle, one row per responding organisation
    (organisation, sector, a rating column per question "S.Q", optional "evidence
    S.Q" columns and a submitted date): each row a submitted submission with its
    answers; an organisation not on the board's list is added with the row's
    sector. All rows or none, with row-numbered errors; a fixed number of queries
    whatever the number of rows. Returns the number of submissions."""
    table = read_table(upload)
    header = _header(table)
    questions = {
        q.code: q
        for q in Question.objects.filter(standard__cycle=cycle).select_related(
            "standard"
        )
    }
    if not questions:
        raise ImportFailed(["This audit has no questions yet: add them first."])
    _failed_if(_survey_columns(header, list(questions)))
    rows = _table_rows(table)
    listed = {
        o.name.strip().lower(): o
        for o in Organisation.objects.filter(board=cycle.board_id)
    }
    answered = dict(
        Submission.objects.filter(cycle=cycle).values_list("organisation_id", "status")
    )
    today, now = timezone.localdate(), timezone.now()
    errors, seen, new_organisations, submissions, answers = [], {}, {}, [], []
    for line, values in rows:
        name = values["organisation"].strip()
        key = name.lower()
        row_errors = []
        organisation = listed.get(key)
        if not name:
            row_errors.append("the organisation is missing.")
        elif key in seen:
            row_errors.append(f"{name} is also in row {seen[key]}.")
        elif organisation and organisation.pk in answered:
            status = SubmissionStatus(answered[organisation.pk]).label.lower()
            row_errors.append(
                f"{organisation.name} already has a submission for this audit "
                f"({status}): remove its row from the file."
            )
        seen.setdefault(key, line)
        sector_text = values.get("sector", "").strip()
        sector = _choice(sector_text, Sector.choices) if sector_text else None
        if sector_text and sector is None:
            row_errors.append(_sector_error(sector_text))
        elif organisation is None and name and key not in new_organisations:
            if sector is None:
                row_errors.append(
                    f"{name} is not on the board's list: give its sector to add it."
                )
            else:
                organisation = Organisation(board=cycle.board, name=name, sector=sector)
                row_errors += _model_errors(organisation, exclude=["board", "agency"])
                new_organisations[key] = organisation
        on, date_errors = _survey_date(values.get("submitted", ""), cycle, today)
        ratings, rating_errors = _survey_ratings(values, questions)
        row_errors += date_errors + rating_errors
        errors += [f"Row {line}: {e}" for e in row_errors]
        if row_errors:
            if len(errors) >= MAX_IMPORT_ERRORS:
                break
            continue
        submitted_at = (
            now if on == today else timezone.make_aware(datetime.combine(on, time(12)))
        )
        submission = Submission(
            cycle=cycle,
            organisation=organisation,
            status=SubmissionStatus.SUBMITTED,
            submitted_at=submitted_at,
            submitted_by=user,
        )
        submissions.append(submission)
        answers += [
            Answer(submission=submission, question=questions[c], rating=r, evidence=e)
            for c, (r, e) in ratings.items()
        ]
    _failed_if(errors)
    try:
        with transaction.atomic():
            history = {"default_user": user, "default_change_reason": IMPORTED}
            bulk_create_with_history(
                list(new_organisations.values()), Organisation, **history
            )
            # bulk_create takes each parent's new id from the parent it is given.
            bulk_create_with_history(submissions, Submission, **history)
            bulk_create_with_history(answers, Answer, **history)
    except IntegrityError:
        raise ImportFailed(
            [
                "Someone saved a submission or an organisation of this file while it "
                "was imported: nothing was imported, import it again."
            ]
        ) from None
    return len(submissions)
