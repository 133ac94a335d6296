import datetime

import factory

from business_plan.models import (
    Action,
    ActionUpdate,
    BusinessPlan,
    Challenge,
    PlanStatus,
    Rag,
    Theme,
)
from business_plan.services import due_date_from_when
from lscb_portal.periods import quarter_of
from subgroups.models import Subgroup
from tests.boards.factories import BoardFactory, UserFactory

PLAN = "/boards/north/plans/2016-19/"


def action_url(ref, page=""):
    """The address of an action of the 2016-19 plan, or of one of its pages."""
    return f"{PLAN}actions/{ref}/{page}"


def get_action(plan, ref) -> Action:
    return Action.objects.get(plan=plan, ref=ref)


def current_rag(action) -> str:
    return Action.objects.with_current_rag().get(pk=action.pk).current_rag


class PlanFactory(factory.django.DjangoModelFactory):
    """By default the cast's board "north" (get-or-create by slug), 2016-19, active."""

    class Meta:
        model = BusinessPlan

    board = factory.SubFactory(BoardFactory, slug="north")
    first_year = 2016
    last_year = 2019
    title = factory.LazyAttribute(
        lambda o: f"Business Plan {o.first_year}-{str(o.last_year)[2:]}"
    )
    status = PlanStatus.ACTIVE


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Theme {n + 1}")


class SubgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subgroup

    board = factory.SubFactory(BoardFactory, slug="north")
    name = factory.Sequence(lambda n: f"Subgroup {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    """Pass owner_subgroups=[...] and owner_agencies=[...] to set the owners."""

    class Meta:
        model = Action
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    theme = factory.SubFactory(ThemeFactory, plan=factory.SelfAttribute("..plan"))
    ref = factory.Sequence(lambda n: f"9.{n + 1}")
    text = factory.LazyAttribute(lambda o: f"Action {o.ref}")
    when_text = ""
    due_date = factory.LazyAttribute(lambda o: due_date_from_when(o.when_text))

    @factory.post_generation
    def owner_subgroups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.owner_subgroups.set(extracted)

    @factory.post_generation
    def owner_agencies(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.owner_agencies.set(extracted)


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(ActionFactory)
    date = datetime.date(2016, 6, 30)
    quarter = factory.LazyAttribute(lambda o: quarter_of(o.date))
    rag = Rag.GREEN
    narrative = "On track."


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    update = factory.SubFactory(UpdateFactory)
    raised_by = factory.SubFactory(UserFactory)
    text = "Why is this green when the audit is late?"
