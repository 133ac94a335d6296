from datetime import date

import pytest

from business_plan.models import Action, ref_sort_key
from business_plan.services import due_date_from_when

from .factories import PlanFactory


@pytest.mark.parametrize(
    ("when", "due"),
    [
        ("Jul-17", date(2017, 7, 31)),
        ("November 2016 and ongoing", date(2016, 11, 30)),
        ("Sep-16 and ongoing", date(2016, 9, 30)),
        ("Feb-17", date(2017, 2, 28)),
        ("Review 2016, then Jul-17", date(2017, 7, 31)),
        ("Annually", None),
        ("Ongoing", None),
        ("Following each Annual Report", None),
        ("", None),
    ],
)
def test_due_date_is_the_last_day_of_the_month_the_when_names(when, due):
    assert due_date_from_when(when) == due


def test_ref_sort_key_orders_1_2_before_1_10():
    assert ref_sort_key("1.2") < ref_sort_key("1.10")


def test_ref_sort_key_orders_3_2_before_3_2b():
    assert ref_sort_key("3.2") < ref_sort_key("3.2b") < ref_sort_key("3.3")


def test_actions_list_in_reference_order(plan):
    refs = list(Action.objects.filter(plan=plan).values_list("ref", flat=True))
    assert refs == ["1.1", "1.2", "1.10", "2.1"]


def test_plan_factory_gives_the_cast_boards_active_2016_19_plan(cast):
    plan = PlanFactory()
    assert (plan.board, plan.slug, plan.status) == (cast.board, "2016-19", "active")
    assert (plan.starts, plan.ends) == (date(2016, 4, 1), date(2019, 3, 31))
