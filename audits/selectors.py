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

from .models import Answer, Rating, Section11Cycle, Standard, Submission


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
# (block: survey)


# API --------------------------------------------------------------------------
# (block: api)


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
# (block: joins)
