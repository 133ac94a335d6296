"""The Section 11 audit's rules: standards copied forward, one submission per
organisation, answers carried forward until confirmed, submitting complete and on
time (or accepted late), exclusions, and compliance computed over valid
submissions only."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from audits import selectors, services
from audits.models import (
    Answer,
    Organisation,
    Rating,
    Sector,
    Submission,
    SubmissionStatus,
)
from lscb_portal.errors import AlreadyRecorded, DomainError
from tests.audits.factories import OrganisationFactory, cycle_with

pytestmark = pytest.mark.django_db

DURING = datetime(2017, 1, 10, 12, tzinfo=timezone.get_current_timezone())
AFTER = datetime(2017, 3, 20, 12, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def during(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: DURING)


def answered(cycle, organisation, user, ratings, *, submit=True):
    """A submission answering the cycle's questions in order with `ratings`."""
    submission = services.submission_start(
        cycle=cycle, organisation=organisation, user=user
    )
    questions = [
        q
        for s in cycle.standards.prefetch_related("questions")
        for q in s.questions.all()
    ]
    for question, rating in zip(questions, ratings, strict=True):
        services.answer_record(
            submission=submission, user=user, question=question, rating=rating
        )
    if submit:
        submission = services.submission_submit(submission=submission, user=user)
    return submission


F, P, N, NA = Rating.FULLY, Rating.PARTIALLY, Rating.NOT_MET, Rating.NOT_APPLICABLE


def test_a_new_cycle_copies_the_previous_cycles_standards_and_questions(cast):
    old = cycle_with(cast.board, year=2015, standards=3, questions=2)
    new = services.cycle_create(
        board=cast.board,
        user=cast.business_team,
        year=2016,
        opens_on=date(2016, 12, 8),
        closes_on=date(2017, 3, 13),
    )
    copied = [
        (s.number, s.title, [q.text for q in s.questions.all()])
        for s in new.standards.prefetch_related("questions")
    ]
    assert copied == [
        (s.number, s.title, [q.text for q in s.questions.all()])
        for s in old.standards.prefetch_related("questions")
    ]
    assert len(copied) == 3


def test_a_cycle_cannot_close_before_it_opens(cast):
    with pytest.raises(DomainError) as refused:
        services.cycle_create(
            board=cast.board,
            user=cast.business_team,
            year=2016,
            opens_on=date(2017, 3, 13),
            closes_on=date(2016, 12, 8),
        )
    assert "close before it opens" in str(refused.value)


def test_a_second_submission_from_the_same_organisation_is_offered_the_first(
    cast, during
):
    cycle = cycle_with(cast.board)
    school = OrganisationFactory(board=cast.board)
    first = services.submission_start(
        cycle=cycle, organisation=school, user=cast.business_team
    )
    with pytest.raises(AlreadyRecorded) as refused:
        services.submission_start(
            cycle=cycle, organisation=school, user=cast.business_team
        )
    assert refused.value.existing == first
    assert Submission.objects.count() == 1


def test_a_new_submission_starts_from_last_years_answers_marked_carried_forward(
    cast, during
):
    school = OrganisationFactory(board=cast.board)
    last_year = cycle_with(
        cast.board, year=2015, opens_on=date(2015, 12, 1), closes_on=date(2016, 3, 1)
    )
    answered(last_year, school, cast.business_team, [F, P, F, NA], submit=False)
    Answer.objects.filter(submission__cycle=last_year).update(evidence="Policy v3.")
    cycle = cycle_with(cast.board)
    submission = services.submission_start(
        cycle=cycle, organisation=school, user=cast.business_team
    )
    carried = list(
        submission.answers.order_by("question__standard__number", "question__number")
    )
    assert [(a.rating, a.evidence, a.carried_forward) for a in carried] == [
        (F, "Policy v3.", True),
        (P, "Policy v3.", True),
        (F, "Policy v3.", True),
        (NA, "Policy v3.", True),
    ]
    with pytest.raises(DomainError) as refused:
        services.submission_submit(submission=submission, user=cast.business_team)
    assert "Confirm or change the 4 answers carried forward" in str(refused.value)
    for answer in carried:
        services.answer_record(
            submission=submission,
            user=cast.business_team,
            question=answer.question,
            rating=answer.rating,
            evidence=answer.evidence,
        )
    submission = services.submission_submit(
        submission=submission, user=cast.business_team
    )
    assert submission.status == SubmissionStatus.SUBMITTED
    assert not submission.answers.filter(carried_forward=True).exists()


def test_an_answer_to_a_question_of_another_cycle_is_refused(cast, during):
    cycle = cycle_with(cast.board)
    other = cycle_with(cast.board, year=2015)
    submission = services.submission_start(
        cycle=cycle,
        organisation=OrganisationFactory(board=cast.board),
        user=cast.business_team,
    )
    question = other.standards.first().questions.first()
    with pytest.raises(DomainError) as refused:
        services.answer_record(
            submission=submission,
            user=cast.business_team,
            question=question,
            rating=F,
        )
    assert "not part of this audit" in str(refused.value)
    assert not submission.answers.exists()


def test_an_incomplete_submission_cannot_be_submitted(cast, during):
    cycle = cycle_with(cast.board)
    submission = services.submission_start(
        cycle=cycle,
        organisation=OrganisationFactory(board=cast.board),
        user=cast.business_team,
    )
    services.answer_record(
        submission=submission,
        user=cast.business_team,
        question=cycle.standards.first().questions.first(),
        rating=F,
    )
    with pytest.raises(DomainError) as refused:
        services.submission_submit(submission=submission, user=cast.business_team)
    assert "Answer the 3 questions still unanswered" in str(refused.value)


def test_after_the_close_date_only_an_accepted_late_submission_goes_in(
    cast, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: AFTER)
    cycle = cycle_with(cast.board, questions=1, standards=1)
    school = OrganisationFactory(board=cast.board)
    submission = answered(cycle, school, cast.contributor_x, [F], submit=False)
    with pytest.raises(DomainError) as refused:
        services.submission_submit(submission=submission, user=cast.contributor_x)
    assert "The audit closed on 13 March 2017" in str(refused.value)
    with pytest.raises(DomainError) as refused:
        services.submission_submit(
            submission=submission, user=cast.business_team, may_accept_late=True
        )
    assert "late_reason" in refused.value.message_dict
    submission = services.submission_submit(
        submission=submission,
        user=cast.business_team,
        may_accept_late=True,
        late_reason="Head teacher on sick leave in March.",
    )
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.late_reason == "Head teacher on sick leave in March."


def test_a_submitted_submission_cannot_change(cast, during):
    cycle = cycle_with(cast.board, questions=1, standards=1)
    submission = answered(
        cycle, OrganisationFactory(board=cast.board), cast.business_team, [P]
    )
    with pytest.raises(DomainError):
        services.answer_record(
            submission=submission,
            user=cast.business_team,
            question=cycle.standards.first().questions.first(),
            rating=F,
        )
    assert submission.answers.get().rating == P


def test_compliance_counts_valid_submissions_only(cast, during):
    cycle = cycle_with(cast.board, standards=2, questions=2)
    user = cast.business_team
    orgs = OrganisationFactory.create_batch(5, board=cast.board)
    answered(cycle, orgs[0], user, [F, F, F, F])
    answered(cycle, orgs[1], user, [F, P, F, NA])
    answered(cycle, orgs[2], user, [F, F, N, F])
    excluded = answered(cycle, orgs[3], user, [N, N, N, N])
    services.submission_exclude(
        submission=excluded,
        user=user,
        exclusion="duplicate",
        reason="Sent twice by the same school.",
    )
    answered(cycle, orgs[4], user, [N, N, N, N], submit=False)  # a draft
    results = selectors.compliance(cycle)
    assert results.valid == 3
    one, two = results.standards
    # Standard 1: fully met by orgs 0 and 2 (org 1 partially met 1.2).
    assert (one.compliance.fully, one.compliance.applies) == (2, 3)
    assert one.compliance.percent == 67
    assert [(q.code, c.fully, c.applies) for q, c in one.questions] == [
        ("1.1", 3, 3),
        ("1.2", 2, 3),
    ]
    # Standard 2: org 1's 2.2 does not apply; org 2 did not meet 2.1.
    assert (two.compliance.fully, two.compliance.applies) == (2, 3)
    assert [(q.code, c.fully, c.applies) for q, c in two.questions] == [
        ("2.1", 2, 3),
        ("2.2", 2, 2),
    ]


def test_compliance_by_sector_and_with_no_valid_submission_is_no_data(cast, during):
    cycle = cycle_with(cast.board, standards=1, questions=1)
    answered(
        cycle,
        OrganisationFactory(board=cast.board, sector=Sector.GP),
        cast.business_team,
        [F],
    )
    assert selectors.compliance(cycle, Sector.GP).standards[0].compliance.percent == 100
    schools = selectors.compliance(cycle, Sector.SCHOOL)
    assert schools.valid == 0
    assert schools.standards[0].compliance.percent is None


def test_year_on_year_matches_standards_by_number(cast, during):
    user = cast.business_team
    last_year = cycle_with(cast.board, year=2015, standards=2, questions=1)
    cycle = cycle_with(cast.board, standards=2, questions=1)
    orgs = OrganisationFactory.create_batch(4, board=cast.board)
    for org, ratings in zip(orgs, ([F, F], [F, P], [P, F], [F, F]), strict=True):
        answered(last_year, org, user, ratings)
    for org in orgs[:2]:
        answered(cycle, org, user, [F, F])
    now, before, rows = selectors.year_on_year(cycle)
    assert [(r.number, r.before, r.now, r.change) for r in rows] == [
        (1, 75, 100, 25),
        (2, 75, 100, 25),
    ]


@pytest.mark.parametrize("size", [5, 500])
def test_compliance_runs_constant_queries(
    cast, during, size, django_assert_max_num_queries
):
    cycle = cycle_with(cast.board, standards=9, questions=2)
    questions = [q for s in cycle.standards.all() for q in s.questions.all()]
    orgs = Organisation.objects.bulk_create(
        Organisation(board=cast.board, name=f"School {n}", sector=Sector.SCHOOL)
        for n in range(size)
    )
    submissions = Submission.objects.bulk_create(
        Submission(
            cycle=cycle,
            organisation=o,
            status=SubmissionStatus.SUBMITTED,
            submitted_at=DURING,
        )
        for o in orgs
    )
    Answer.objects.bulk_create(
        Answer(submission=s, question=q, rating=F if (s.pk + q.pk) % 7 else P)
        for s in submissions
        for q in questions
    )
    with django_assert_max_num_queries(4):
        results = selectors.compliance(cycle)
    assert results.valid == size
    assert all(r.compliance.applies == size for r in results.standards)
