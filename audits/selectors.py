"""Reads of the audits app: the Section 11 results.

Compliance counts valid submissions only (submitted, not excluded as partial or
duplicate). A question's compliance is the share of valid submissions answering it
"fully met", among those for which it applies (not "not applicable"). A standard is
fully met by a submission that fully met every question of it that applies to it;
its compliance is the share of the valid submissions it applies to that fully met
it. Where nothing applies there is no figure (None: "no data"), never an error."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .models import (
    Answer,
    Rating,
    Section11Cycle,
    StaffSurvey,
    Standard,
    Submission,
    SurveyQuestion,
)


def percent(part: int, whole: int) -> int | None:
    if not whole:
        return None
    exact = Decimal(part * 100) / Decimal(whole)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class Compliance:
    fully: int = 0
    applies: int = 0

    @property
    def percent(self) -> int | None:
        return percent(self.fully, self.applies)


@dataclass
class StandardResult:
    standard: Standard
    compliance: Compliance
    questions: list = field(default_factory=list)  # (question, Compliance)


@dataclass
class Results:
    cycle: Section11Cycle
    valid: int
    standards: list[StandardResult]


def _valid_answers(cycle, sector: str | None):
    answers = Answer.objects.filter(
        submission__in=Submission.objects.valid().filter(cycle=cycle)
    )
    if sector:
        answers = answers.filter(submission__organisation__sector=sector)
    return answers.values_list("submission_id", "question_id", "rating")


def compliance(cycle: Section11Cycle, sector: str | None = None) -> Results:
    """Compliance per standard and per question, overall or for one sector.
    Four queries, whatever the number of submissions."""
    standards = list(cycle.standards.prefetch_related("questions"))
    valid = Submission.objects.valid().filter(cycle=cycle)
    if sector:
        valid = valid.filter(organisation__sector=sector)
    ratings: dict[int, dict[int, str]] = defaultdict(dict)  # question → submission
    for submission_id, question_id, rating in _valid_answers(cycle, sector):
        ratings[question_id][submission_id] = rating
    results = []
    for standard in standards:
        questions = list(standard.questions.all())
        by_submission: dict[int, list[str]] = defaultdict(list)
        question_results = []
        for question in questions:
            counted = Compliance()
            for submission_id, rating in ratings[question.pk].items():
                if rating == Rating.NOT_APPLICABLE:
                    continue
                counted.applies += 1
                counted.fully += rating == Rating.FULLY
                by_submission[submission_id].append(rating)
            question_results.append((question, counted))
        whole = Compliance(
            fully=sum(
                all(r == Rating.FULLY for r in rs) for rs in by_submission.values()
            ),
            applies=len(by_submission),
        )
        results.append(StandardResult(standard, whole, question_results))
    return Results(cycle=cycle, valid=valid.count(), standards=results)


@dataclass
class YearOnYear:
    number: int
    title: str
    before: int | None
    now: int | None

    @property
    def change(self) -> int | None:
        if self.before is None or self.now is None:
            return None
        return self.now - self.before


def year_on_year(cycle: Section11Cycle) -> tuple[Results, Results | None, list]:
    """This cycle's compliance per standard beside the board's previous cycle's,
    standards matched by number."""
    now = compliance(cycle)
    previous_cycle = (
        Section11Cycle.objects.filter(board=cycle.board_id, year__lt=cycle.year)
        .order_by("-year")
        .first()
    )
    before = compliance(previous_cycle) if previous_cycle else None
    earlier = (
        {r.standard.number: r.compliance.percent for r in before.standards}
        if before
        else {}
    )
    rows = [
        YearOnYear(
            number=r.standard.number,
            title=r.standard.title,
            before=earlier.get(r.standard.number),
            now=r.compliance.percent,
        )
        for r in now.standards
    ]
    return now, before, rows


# Statutory partners ---------------------------------------------------------------


@dataclass
class QuestionCounts:
    question: object
    fully: int = 0
    partially: int = 0
    not_met: int = 0
    na: int = 0


@dataclass
class StatutoryPartners:
    submissions: int
    fully_met_all: int
    questions: list[QuestionCounts]

    @property
    def percent(self) -> int | None:
        return percent(self.fully_met_all, self.submissions)


def statutory_partners(cycle: Section11Cycle) -> StatutoryPartners:
    """The statutory agencies' valid submissions: how many fully met every
    standard (every question that applies to them), and per question how many
    answered fully / partially / not met / not applicable. Three queries."""
    from .models import Question, Sector

    valid = Submission.objects.valid().filter(
        cycle=cycle, organisation__sector=Sector.STATUTORY
    )
    ids = list(valid.values_list("pk", flat=True))
    questions = list(
        Question.objects.filter(standard__cycle=cycle).select_related("standard")
    )
    counts = {q.pk: QuestionCounts(q) for q in questions}
    all_fully = dict.fromkeys(ids, True)
    names = {
        Rating.FULLY: "fully",
        Rating.PARTIALLY: "partially",
        Rating.NOT_MET: "not_met",
        Rating.NOT_APPLICABLE: "na",
    }
    answers = Answer.objects.filter(submission_id__in=ids).values_list(
        "submission_id", "question_id", "rating"
    )
    for submission_id, question_id, rating in answers if ids else ():
        row = counts.get(question_id)
        if row is None or rating not in names:
            continue
        setattr(row, names[rating], getattr(row, names[rating]) + 1)
        if rating in (Rating.PARTIALLY, Rating.NOT_MET):
            all_fully[submission_id] = False
    return StatutoryPartners(
        submissions=len(ids),
        fully_met_all=sum(all_fully.values()),
        questions=list(counts.values()),
    )


# Staff survey -----------------------------------------------------------------

# A survey's percentages are of those who answered the question, to 2 decimal
# places (45.07%), as the survey tool's summary and the annual report print them.


def survey_percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    exact = Decimal(part * 100) / Decimal(whole)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class OptionResult:
    answer: str
    count: int
    percent: Decimal | None


@dataclass
class ComparisonRow:
    """One answer's share in the earlier year and this one (None: not offered)."""

    answer: str
    before: Decimal | None
    now: Decimal | None

    @property
    def change(self) -> Decimal | None:
        if self.before is None or self.now is None:
            return None
        return self.now - self.before


@dataclass
class QuestionResult:
    question: object
    options: list[OptionResult]
    earlier: "QuestionResult | None" = None
    comparison: list[ComparisonRow] = field(default_factory=list)

    @property
    def reworded(self) -> bool:
        return bool(self.earlier) and (
            " ".join(self.earlier.question.text.split()).lower()
            != " ".join(self.question.text.split()).lower()
        )


def _options(question) -> list[OptionResult]:
    return [
        OptionResult(o.answer, o.count, survey_percent(o.count, question.answered))
        for o in question.options.all()
    ]


def _compare(now: list[OptionResult], before: list[OptionResult]):
    """Answers matched by their text (case aside): this year's in order, then any
    offered only in the earlier year."""
    earlier = {o.answer.strip().lower(): o for o in before}
    rows = []
    for option in now:
        match = earlier.pop(option.answer.strip().lower(), None)
        before = match.percent if match else None
        rows.append(ComparisonRow(option.answer, before, option.percent))
    rows.extend(ComparisonRow(o.answer, o.percent, None) for o in earlier.values())
    return rows


def survey_results(survey) -> list[QuestionResult]:
    """Each question's answers with their percentages, and for a repeated question
    the earlier year's beside this year's. Three queries."""
    questions = (
        SurveyQuestion.objects.filter(survey=survey)
        .select_related("repeat_of__survey")
        .prefetch_related("options", "repeat_of__options")
        .order_by("position")
    )
    results = []
    for question in questions:
        result = QuestionResult(question, _options(question))
        if question.repeat_of is not None:
            result.earlier = QuestionResult(
                question.repeat_of, _options(question.repeat_of)
            )
            result.comparison = _compare(result.options, result.earlier.options)
        results.append(result)
    return results


def previous_survey(survey):
    """The board's latest survey before this one, or None."""
    return (
        StaffSurvey.objects.filter(board=survey.board_id, year__lt=survey.year)
        .order_by("-year")
        .first()
    )


# API --------------------------------------------------------------------------


def previous_cycle(cycle: Section11Cycle) -> Section11Cycle | None:
    """The board's latest cycle before this one, for year-on-year."""
    return (
        Section11Cycle.objects.filter(board=cycle.board_id, year__lt=cycle.year)
        .order_by("-year")
        .first()
    )


def compliance_with_previous(
    cycle: Section11Cycle, sector: str | None = None
) -> tuple[Results, Results | None]:
    """Compliance this cycle and in the previous one, for the same sector (all
    sectors when None): year-on-year for any sector, not only overall."""
    before = previous_cycle(cycle)
    return compliance(cycle, sector), (compliance(before, sector) if before else None)


# Board home, agency page, meeting pack and annual report ----------------------


def open_cycle(board, today=None):
    """The cycle open today (the latest, should two overlap), or None."""
    from django.utils import timezone

    today = today or timezone.localdate()
    return (
        Section11Cycle.objects.filter(
            board=board, opens_on__lte=today, closes_on__gte=today
        )
        .order_by("-year")
        .first()
    )


def latest_cycle_with_data(board):
    """The latest cycle with a valid submission, or None."""
    return (
        Section11Cycle.objects.filter(
            board=board, submissions__in=Submission.objects.valid()
        )
        .order_by("-year")
        .first()
    )


def non_respondents(cycle):
    """The board's active organisations that have not submitted to the cycle,
    each with `draft`: whether it has begun a submission. One query."""
    from django.db.models import Exists, OuterRef

    from .models import Organisation, SubmissionStatus

    theirs = Submission.objects.filter(cycle=cycle, organisation=OuterRef("pk"))
    return (
        Organisation.objects.filter(board_id=cycle.board_id, active=True)
        .exclude(Exists(theirs.filter(status=SubmissionStatus.SUBMITTED)))
        .annotate(draft=Exists(theirs.filter(status=SubmissionStatus.DRAFT)))
        .select_related("agency")
    )


# The agency page ------------------------------------------------------------------


def _standard_text(ratings: list[str]) -> str:
    """A submission's answers to one standard's questions, in words."""
    if not ratings:
        return "Not answered"
    applies = [r for r in ratings if r != Rating.NOT_APPLICABLE]
    if not applies:
        return "Not applicable"
    return "Fully met" if all(r == Rating.FULLY for r in applies) else "Not fully met"


def _submission_text(submission) -> str:
    if submission is None:
        return "No submission"
    if submission.exclusion:
        return f"Excluded: {submission.get_exclusion_display().lower()}"
    return submission.get_status_display()


def agency_section_11(agency, user) -> dict | None:
    """The agency's organisations' answers to the latest audit that has opened and
    the one before, per standard (fully met or not), side by side. None for a user
    who may not see them or an agency that answers no audit. Five queries."""
    from django.utils import timezone

    from . import permissions
    from .models import Organisation

    if not permissions.can_view_agency_answers(user, agency):
        return None
    organisations = list(
        Organisation.objects.filter(board_id=agency.board_id, agency=agency)
    )
    if not organisations:
        return None
    cycles = list(
        Section11Cycle.objects.filter(
            board_id=agency.board_id, opens_on__lte=timezone.localdate()
        ).order_by("-year")[:2]
    )
    if not cycles:
        return {"cycles": [], "organisations": []}
    titles = {}
    for standard in Standard.objects.filter(cycle__in=cycles).order_by(
        "-cycle__year", "number"
    ):
        titles.setdefault(standard.number, standard.title)
    submissions = {
        (s.cycle_id, s.organisation_id): s
        for s in Submission.objects.filter(
            cycle__in=cycles, organisation__in=organisations
        )
    }
    ratings: dict[tuple[int, int], list[str]] = defaultdict(list)
    for submission_id, number, rating in Answer.objects.filter(
        submission__in=[s.pk for s in submissions.values()]
    ).values_list("submission_id", "question__standard__number", "rating"):
        ratings[submission_id, number].append(rating)
    rows = []
    for organisation in organisations:
        theirs = [submissions.get((c.pk, organisation.pk)) for c in cycles]
        rows.append(
            {
                "organisation": organisation,
                "submissions": [_submission_text(s) for s in theirs],
                "standards": [
                    {
                        "number": number,
                        "title": title,
                        "answers": [
                            _standard_text(ratings[s.pk, number]) if s else "–"
                            for s in theirs
                        ],
                    }
                    for number, title in sorted(titles.items())
                ],
            }
        )
    return {
        "cycles": [f"{c.year}-{(c.year + 1) % 100:02d}" for c in cycles],
        "organisations": rows,
    }


def agency_case_audit_recommendations(agency) -> dict:
    """The open case-audit recommendations the agency owns, soonest due first.
    One query."""
    from django.utils import timezone

    from .models import CaseAuditRecommendation, RecommendationStatus

    recommendations = list(
        CaseAuditRecommendation.objects.filter(
            owner_agency=agency, audit__board_id=agency.board_id
        )
        .exclude(status=RecommendationStatus.COMPLETE)
        .select_related("audit")
        .order_by("due_date", "audit__theme", "number")
    )
    return {"recommendations": recommendations, "today": timezone.localdate()}
