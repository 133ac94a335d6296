import io

import pytest
from django.core.management import call_command

from boards.models import Membership, Role
from business_plan.models import Action, BusinessPlan

PLAN_2016_19 = "/boards/cumbria/plans/2016-19/"


@pytest.fixture
def demo(db, settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    member = Membership.objects.filter(
        board__slug="cumbria", role=Role.BOARD_MEMBER
    ).first()
    client.force_login(member.user)
    return client


def test_demo_2016_19_plan_counts_as_the_annual_report_gives_them(demo):
    total = demo.get(PLAN_2016_19).context["total_counts"]
    assert total.total == 62
    assert total.ordered() == [("R", 0), ("A", 2), ("G", 35), ("C", 16), ("", 9)]


def test_demo_theme_2_has_one_amber_and_four_green(demo):
    theme_2 = demo.get(PLAN_2016_19).context["theme_counts"][1]
    assert theme_2.label.startswith("2. Quality Assurance")
    assert (theme_2.counts["A"], theme_2.counts["G"]) == (1, 4)


def test_demo_2014_17_plan_is_closed_into_2016_19(demo):
    plan = BusinessPlan.objects.get(board__slug="cumbria", first_year=2014)
    assert plan.is_closed
    assert plan.carried_forward_to.slug == "2016-19"


def test_demo_keeps_both_actions_numbered_3_2(demo):
    refs = Action.objects.filter(
        plan__board__slug="cumbria", plan__first_year=2016, ref__startswith="3.2"
    ).values_list("ref", flat=True)
    assert sorted(refs) == ["3.2", "3.2b"]
