"""Factories for Section 11 audits, on the cast's board "north" by default."""

from datetime import date

import factory
from django.utils import timezone

from audits.models import (
    Answer,
    CaseAudit,
    CaseAuditRecommendation,
    Organisation,
    Question,
    Section11Cycle,
    Sector,
    Standard,
    Submission,
    SubmissionStatus,
)
from tests.boards.factories import BoardFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    board = factory.SubFactory(BoardFactory, slug="north")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = Sector.SCHOOL


class CycleFactory(factory.django.DjangoModelFactory):
    """The 2016-17 audit: open 8 December 2016 to 13 March 2017."""

    class Meta:
        model = Section11Cycle

    board = factory.SubFactory(BoardFactory, slug="north")
    year = 2016
    opens_on = date(2016, 12, 8)
    closes_on = date(2017, 3, 13)


class StandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Standard

    cycle = factory.SubFactory(CycleFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Standard {n + 1}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    standard = factory.SubFactory(StandardFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Question {n + 1}?")


def cycle_with(board, *, year=2016, standards=2, questions=2, **dates):
    """A cycle of `standards` standards of `questions` questions each."""
    cycle = CycleFactory(board=board, year=year, **dates)
    for s in range(1, standards + 1):
        standard = StandardFactory(cycle=cycle, number=s, title=f"Standard {s}")
        for q in range(1, questions + 1):
            QuestionFactory(standard=standard, number=q, text=f"Question {s}.{q}?")
    return cycle


# Staff survey -----------------------------------------------------------------
# (block: survey)


# Section 11 evidence files, committed actions and challenge events ------------
# (block: follow-up)


# Imports of respondents and survey exports ------------------------------------
# (block: imports)


# API --------------------------------------------------------------------------
# (block: api)


def api_submission(cycle, organisation, rating=None, *, submitted=True, **extra):
    """A submission of the organisation to the cycle, every question answered
    `rating` (none answered when None), submitted unless told otherwise."""
    if submitted:
        extra.setdefault("status", SubmissionStatus.SUBMITTED)
        extra.setdefault("submitted_at", timezone.now())
    submission = Submission.objects.create(
        cycle=cycle, organisation=organisation, **extra
    )
    if rating is not None:
        Answer.objects.bulk_create(
            Answer(submission=submission, question=q, rating=rating)
            for q in Question.objects.filter(standard__cycle=cycle)
        )
    return submission


def api_case_audit(board, *, theme="Domestic abuse", **extra):
    """A case audit of 4 cases on 20 January 2017, with no gradings yet."""
    extra.setdefault("audited_on", date(2017, 1, 20))
    extra.setdefault("cases_audited", 4)
    return CaseAudit.objects.create(board=board, theme=theme, **extra)


def api_recommendation(audit, agency, *, number=None, **extra):
    number = number or audit.recommendations.count() + 1
    extra.setdefault("due_date", date(2017, 9, 30))
    return CaseAuditRecommendation.objects.create(
        audit=audit,
        number=number,
        text=f"Recommendation {number}",
        owner_agency=agency,
        **extra,
    )


# Board home, agency page, meeting pack and annual report ----------------------
# (block: joins)
