"""The migration adding the planner's kind of report gives existing reports the
kind that keeps their meeting pack parts as the words of their names chose them."""

from importlib import import_module

import pytest
from django.apps import apps

from subgroups.models import ReportingPlanItem
from tests.boards.factories import UserFactory

from .factories import MeetingFactory, PaperFactory, PlanItemFactory, ReturnFactory

pytestmark = pytest.mark.django_db

migration = import_module("subgroups.migrations.0002_reporting_plan_item_kind")


def test_existing_reports_get_the_kind_their_words_chose(cast, subgroup):
    meeting = MeetingFactory(board=cast.board)
    names = [
        "LSCB Business Plan",
        "Key Performance Indicators",
        "LSCB Risk Log",
        "Business Plan and Risk Log",  # the first words found win, as before
        "QA subgroup report",
        "Single agency data",
        "risk log",  # the old matching was case-sensitive
    ]
    items = {what: PlanItemFactory(board=cast.board, what=what) for what in names}
    PaperFactory(
        meeting=meeting,
        plan_item=items["QA subgroup report"],
        subgroup_return=ReturnFactory(subgroup=subgroup),
        received_by=UserFactory(),
    )
    PaperFactory(meeting=meeting, plan_item=items["Single agency data"])
    migration.kind_from_words(apps, None)
    kinds = dict(ReportingPlanItem.objects.values_list("what", "kind"))
    assert kinds == {
        "LSCB Business Plan": "business_plan",
        "Key Performance Indicators": "indicators",
        "LSCB Risk Log": "risk_log",
        "Business Plan and Risk Log": "business_plan",
        "QA subgroup report": "subgroup_return",
        "Single agency data": "other",
        "risk log": "other",
    }
