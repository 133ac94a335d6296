"""The demo board's groups, terms of reference, planner, meetings and returns."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from boards.models import Meeting
from subgroups.models import (
    ReportingPlanItem,
    Responsibility,
    ReturnStatus,
    Subgroup,
    SubgroupReturn,
)

PMQAG = "Performance Management and Quality Assurance Subgroup"
COMMUNICATIONS = "Communications, Engagement and Participation Subgroup"


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())


def names_under(parent):
    return sorted(
        Subgroup.objects.filter(board__slug="cumbria", parent__name=parent).values_list(
            "name", flat=True
        )
    )


def test_demo_has_24_groups(demo):
    assert Subgroup.objects.filter(board__slug="cumbria").count() == 24


def test_demo_puts_the_three_qags_under_pmqag(demo):
    assert names_under(PMQAG) == [
        "Quality Assurance Group North",
        "Quality Assurance Group South",
        "Quality Assurance Group West",
    ]


def test_demo_puts_six_practitioner_forums_under_communications(demo):
    forums = names_under(COMMUNICATIONS)
    assert len(forums) == 6
    assert all(name.endswith("Practitioner Forum") for name in forums)


def test_demo_groups_have_terms_of_reference_and_chairs(demo):
    case_review = Subgroup.objects.get(name="Case Review Subgroup")
    assert Responsibility.objects.filter(subgroup=case_review).count() >= 3
    with_terms = Subgroup.objects.filter(responsibilities__isnull=False).distinct()
    assert with_terms.count() >= 12
    assert Subgroup.objects.get(name="Quality Assurance Group North").chair


def test_demo_planner_has_20_rows(demo):
    assert ReportingPlanItem.objects.filter(board__slug="cumbria").count() == 20


def test_demo_has_three_submitted_returns_for_2016_17_q4(demo):
    returns = SubgroupReturn.objects.filter(
        period="2016-17 Q4", status=ReturnStatus.SUBMITTED
    )
    assert returns.count() == 3
    assert all(r.submitted_by and r.submitted_at for r in returns)


def test_demo_subgroup_chairs_group_has_its_2016_17_q4_return_due(demo):
    """A draft the demo subgroup chair started, not yet submitted: theirs to
    complete, whatever meetings the demo has after 2016-17."""
    due = SubgroupReturn.objects.get(
        subgroup__name="Learning and Improvement Subgroup", period="2016-17 Q4"
    )
    assert due.status == ReturnStatus.DRAFT and due.submitted_at is None
    assert due.created_by.email == "subgroup.chair@cumbria.demo.example"
    assert due.subgroup.chaired_by(due.created_by)


def test_demo_has_meetings_for_2016_17(demo):
    meetings = Meeting.objects.filter(
        board__slug="cumbria", date__range=(date(2016, 4, 1), date(2017, 3, 31))
    )
    assert set(meetings.values_list("kind", flat=True)) == {"board", "business_group"}
    assert meetings.filter(kind="board").count() == 6


def test_demo_records_meetings_only_where_the_seed_says_how_often(demo):
    """The seed gives one group's frequency (the CDOP meets bimonthly: 2 a
    quarter); it has no return in the demo, so no demo return records meetings,
    and one of its submitted 2016-17 returns would, idempotently."""
    from subgroups import demo as subgroups_demo

    assert not SubgroupReturn.objects.filter(meetings_held__isnull=False).exists()
    cdop = Subgroup.objects.get(name="Child Death Overview Panel")
    author = SubgroupReturn.objects.filter(subgroup__board=cdop.board).first()
    periods = {
        "2016-17 Q2": ReturnStatus.SUBMITTED,
        "2016-17 Q3": ReturnStatus.DRAFT,
        "2017-18 Q1": ReturnStatus.SUBMITTED,
    }
    for period, status in periods.items():
        SubgroupReturn.objects.create(
            subgroup=cdop, period=period, status=status, created_by=author.created_by
        )
    subgroups_demo.load()
    subgroups_demo.load()
    recorded = dict(
        SubgroupReturn.objects.filter(meetings_held__isnull=False).values_list(
            "subgroup__name", "meetings_held"
        )
    )
    assert recorded == {"Child Death Overview Panel": 2}
    submitted = SubgroupReturn.objects.get(subgroup=cdop, period="2016-17 Q2")
    assert submitted.history.count() == 2  # created, then the meetings once
