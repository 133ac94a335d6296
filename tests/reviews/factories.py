"""Factories for case reviews and child deaths, on the cast's board "north" by
default. A review made here is in the stage its fields say; to move one through
its lifecycle, call the services as a user would."""

from datetime import date

import factory

from reviews.models import (
    ActionItem,
    AgeBand,
    CaseReview,
    ChildDeathReview,
    DeathCategory,
    Ethnicity,
    LearningTheme,
    Lesson,
    ReviewSettings,
    ReviewType,
    Sex,
    Stage,
)
from tests.boards.factories import AgencyFactory, BoardFactory

REVIEWS = "/boards/north/reviews/"
CHILD_DEATHS = "/boards/north/child-deaths/"


class LearningThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningTheme
        django_get_or_create = ["board", "slug"]

    board = factory.SubFactory(BoardFactory, slug="north")
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))


class CaseReviewFactory(factory.django.DjangoModelFactory):
    """A review referred on 1 April 2016. PublishedReviewFactory for a published
    one."""

    class Meta:
        model = CaseReview

    board = factory.SubFactory(BoardFactory, slug="north")
    child_reference = factory.Sequence(
        lambda n: "Child " + "".join(chr(65 + int(d)) for d in f"{n:03d}")
    )
    review_type = ReviewType.SCR
    referred_on = date(2016, 4, 1)
    period_examined = "April 2015 to March 2016"
    story = "A story told without naming the child."


class PublishedReviewFactory(CaseReviewFactory):
    stage = Stage.PUBLISHED
    criteria_met = True
    decided_on = date(2016, 5, 1)
    decided_by = "Case Review Group"
    reviewer = "An independent reviewer"
    commissioned_on = date(2016, 5, 10)
    draft_received_on = date(2016, 11, 1)
    published_on = date(2017, 1, 16)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson
        skip_postgeneration_save = True

    review = factory.SubFactory(PublishedReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Lesson {n}: share information in time.")

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    review = factory.SubFactory(PublishedReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    action = "Review the neglect toolkit."
    owner_agency = factory.SubFactory(
        AgencyFactory, board=factory.SelfAttribute("..review.board")
    )
    due_date = date(2017, 3, 31)
    measure_of_success = "Audit shows the toolkit used in 80% of cases."


class ChildDeathFactory(factory.django.DjangoModelFactory):
    """A death in May 2015, signed off in February 2016 (9 months: "8 - 9")."""

    class Meta:
        model = ChildDeathReview

    board = factory.SubFactory(BoardFactory, slug="north")
    reference = factory.Sequence(lambda n: f"CDOP-{n:04d}")
    sex = Sex.MALE
    age_band = AgeBand.NEONATAL
    category = DeathCategory.PERINATAL
    modifiable = False
    month_of_death = date(2015, 5, 1)
    signed_off_on = date(2016, 2, 10)
    ethnicity = Ethnicity.WHITE_BRITISH


def review_groups(board, *, case_review=None, cdop=None) -> ReviewSettings:
    """Names the board's Case Review Group and CDOP subgroups (made if not given)."""
    from tests.business_plan.factories import SubgroupFactory

    settings, _ = ReviewSettings.objects.update_or_create(
        board=board,
        defaults={
            "case_review_group": case_review
            or SubgroupFactory(board=board, name="Case Review Group"),
            "child_death_panel": cdop
            or SubgroupFactory(board=board, name="Child Death Overview Panel"),
        },
    )
    return settings
