"""Factories for Section 11 audits, on the cast's board "north" by default."""

import csv
import io
from datetime import date

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from audits import services
from audits.models import (
    Answer,
    CaseAudit,
    CaseAuditRecommendation,
    ChallengeEvent,
    CommittedAction,
    Organisation,
    Question,
    Section11Cycle,
    Sector,
    StaffSurvey,
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


class StaffSurveyFactory(factory.django.DjangoModelFactory):
    """The 2016 survey: 17 June to 22 July 2016, 368 respondents."""

    class Meta:
        model = StaffSurvey

    board = factory.SubFactory(BoardFactory, slug="north")
    year = 2016
    opened_on = date(2016, 6, 17)
    closed_on = date(2016, 7, 22)
    respondents = 368


def survey_question(survey, options, *, skipped=None, number="", text=None, **kw):
    """A question of the survey through the service: `options` as (answer, count);
    answered is their sum, skipped the rest of the respondents by default."""
    answered = sum(count for _, count in options)
    return services.survey_question_add(
        survey=survey,
        user=None,
        number=number,
        text=text or f"Question {survey.questions.count() + 1}?",
        answered=answered,
        skipped=survey.respondents - answered if skipped is None else skipped,
        options=options,
        **kw,
    )


# Section 11 evidence files, committed actions and challenge events ------------


PDF_BYTES = b"%PDF-1.4\n% evidence\n"


def pdf_upload(name="evidence.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class CommittedActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommittedAction

    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Action {n + 1}: review the policy")
    owner = "Safeguarding lead"
    due_date = date(2017, 9, 30)


class ChallengeEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChallengeEvent

    cycle = factory.SubFactory(CycleFactory)
    held_on = date(2017, 9, 21)


# Imports of respondents and survey exports ------------------------------------


def csv_upload(rows, name="import.csv"):
    """An uploaded CSV file of the rows, quoted as a spreadsheet saves it."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(), "text/csv")


def xlsx_upload(rows, name="import.xlsx"):
    """An uploaded XLSX workbook of the rows (cells keep their Python types)."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def survey_rows(cycle, count, *, prefix="School", rating="Fully met", sector="School"):
    """A survey export of `count` organisations answering every question of the
    cycle with `rating`, under its header."""
    codes = [
        q.code
        for q in Question.objects.filter(standard__cycle=cycle).select_related(
            "standard"
        )
    ]
    header = ["organisation", "sector", *codes, "submitted"]
    day = cycle.opens_on.isoformat()
    return [header] + [
        [f"{prefix} {n}", sector, *[rating] * len(codes), day] for n in range(count)
    ]


# API --------------------------------------------------------------------------


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


def submitted(cycle, organisation, *, rating="fully", ratings=None, **fields):
    """A submitted submission answering every question of the cycle `rating`, or
    as `ratings` gives by question code ("1.2": "not_met")."""
    from audits.models import Answer, Question

    submission = Submission.objects.create(
        cycle=cycle,
        organisation=organisation,
        status=fields.pop("status", "submitted"),
        **fields,
    )
    questions = Question.objects.filter(standard__cycle=cycle).select_related(
        "standard"
    )
    Answer.objects.bulk_create(
        Answer(
            submission=submission,
            question=q,
            rating=(ratings or {}).get(q.code, rating),
        )
        for q in questions
    )
    return submission
