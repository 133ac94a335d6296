import datetime

import factory

from boards.models import Meeting, MeetingKind, Membership, Role
from subgroups.models import (
    Destination,
    Frequency,
    MeetingPaper,
    ReportingPlanItem,
    SubgroupReturn,
)
from tests.boards.factories import BoardFactory, MembershipFactory, UserFactory
from tests.business_plan.factories import SubgroupFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    """A board meeting of "north" (get-or-create by slug) on a Thursday in 2016."""

    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory, slug="north")
    kind = MeetingKind.BOARD
    date = factory.Sequence(
        lambda n: datetime.date(2016, 5, 12) + datetime.timedelta(weeks=n)
    )


class PlanItemFactory(factory.django.DjangoModelFactory):
    """A report in the Reporting Planner: every board meeting, five working days."""

    class Meta:
        model = ReportingPlanItem

    board = factory.SubFactory(BoardFactory, slug="north")
    what = factory.Sequence(lambda n: f"Report {n:04d}")
    frequency = Frequency.EVERY_MEETING
    destination = Destination.BOARD
    deadline_working_days = 5


class ReturnFactory(factory.django.DjangoModelFactory):
    """A draft return for 2016-17 Q4."""

    class Meta:
        model = SubgroupReturn

    subgroup = factory.SubFactory(SubgroupFactory)
    period = "2016-17 Q4"
    created_by = factory.SubFactory(UserFactory)


class PaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingPaper

    meeting = factory.SubFactory(MeetingFactory)
    plan_item = factory.SubFactory(PlanItemFactory)
    received_by = factory.SubFactory(UserFactory)


def chaired_subgroup(board, name) -> tuple[object, Membership]:
    """A subgroup of the board chaired by a new member with the subgroup chair role."""
    chair = MembershipFactory(board=board, role=Role.SUBGROUP_CHAIR)
    return SubgroupFactory(board=board, name=name, chair=chair), chair
