"""Factories for Section 11 audits, on the cast's board "north" by default."""

import csv
import io
from datetime import date

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from audits.models import Organisation, Question, Section11Cycle, Sector, Standard
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
# (block: api)


# Board home, agency page, meeting pack and annual report ----------------------
# (block: joins)
