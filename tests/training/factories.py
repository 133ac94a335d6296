"""Factories for training, on the cast's board "north" by default."""

from datetime import date

import factory

from tests.boards.factories import AgencyFactory, BoardFactory
from training.models import (
    AttendanceCount,
    Attendee,
    Course,
    ElearningReturn,
    ElearningYear,
    EvaluationQuestion,
    Format,
    Level,
    Session,
    SessionStatus,
    Trainer,
)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    board = factory.SubFactory(BoardFactory, slug="north")
    title = factory.Sequence(lambda n: f"Course {n}")
    level = Level.INTERMEDIATE
    format = Format.FACE_TO_FACE
    runs_from = date(2016, 4, 1)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    course = factory.SubFactory(CourseFactory)
    date = date(2016, 10, 12)
    venue = "Carlisle Civic Centre"
    status = SessionStatus.HELD


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    session = factory.SubFactory(SessionFactory)
    name = factory.Sequence(lambda n: f"Test Attendee {n}")
    agency = factory.LazyAttribute(
        lambda o: AgencyFactory(board=o.session.course.board)
    )
    attended = True


class AttendanceCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendanceCount

    session = factory.SubFactory(SessionFactory)
    agency = factory.LazyAttribute(
        lambda o: AgencyFactory(board=o.session.course.board)
    )
    count = 10


class TrainerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trainer

    board = factory.SubFactory(BoardFactory, slug="north")
    name = factory.Sequence(lambda n: f"Trainer Example {n}")
    agency = factory.LazyAttribute(lambda o: AgencyFactory(board=o.board))


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationQuestion

    board = factory.SubFactory(BoardFactory, slug="north")
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Question {n}")


class ElearningYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ElearningYear

    board = factory.SubFactory(BoardFactory, slug="north")
    year = 2016


class ElearningReturnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ElearningReturn

    elearning_year = factory.SubFactory(ElearningYearFactory)
    department = factory.Sequence(lambda n: f"Department {n}")
    allocated = 10
    passed = 8
