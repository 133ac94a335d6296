"""List pages run the same bounded number of queries at 10 and at 500 actions."""

from datetime import date

import pytest

from business_plan.models import Action, ActionUpdate, Rag
from business_plan.models import ref_sort_key as sort_key

from .factories import PLAN

RAGS = [Rag.RED, Rag.AMBER, Rag.GREEN, Rag.COMPLETE]

# Measured at 10 actions; each must hold at 500.
BUDGETS = {
    PLAN: 13,
    PLAN + "?rag=G": 13,
    PLAN + "?rag=G&export=csv&sort=when": 9,
    PLAN + "?export=xlsx&sort=rag&order=desc": 9,
    PLAN + "monitoring/?quarter=2016-17 Q4": 9,
}


def add_actions(plan, subgroup, size):
    """`size` actions in the plan's first theme, each owned by the subgroup, with one
    or two updates: bulk_create, so sort_key is set here."""
    theme = plan.themes.first()
    refs = [f"1.{n}" for n in range(100, 100 + size)]
    actions = Action.objects.bulk_create(
        Action(
            plan=plan,
            theme=theme,
            ref=ref,
            sort_key=sort_key(ref),
            text=f"Action {ref}",
            when_text="Dec-16",
            due_date=date(2016, 12, 31),
        )
        for ref in refs
    )
    Action.owner_subgroups.through.objects.bulk_create(
        Action.owner_subgroups.through(action=a, subgroup=subgroup) for a in actions
    )
    updates = []
    for n, action in enumerate(actions):
        updates.append(
            ActionUpdate(
                action=action,
                date=date(2016, 12, 31),
                quarter="2016-17 Q3",
                rag=Rag.GREEN,
            )
        )
        if n % 2:
            updates.append(
                ActionUpdate(
                    action=action,
                    date=date(2017, 2, 28),
                    quarter="2016-17 Q4",
                    rag=RAGS[n % 4],
                    narrative="Changed this quarter.",
                )
            )
    ActionUpdate.objects.bulk_create(updates)


@pytest.mark.parametrize("size", [10, 500])
@pytest.mark.parametrize("url", list(BUDGETS))
def test_plan_pages_run_bounded_queries(
    plan, subgroup, cast, as_user, django_assert_max_num_queries, url, size
):
    add_actions(plan, subgroup, size)
    client = as_user(cast.board_member)
    with django_assert_max_num_queries(BUDGETS[url]):
        response = client.get(url)
    assert response.status_code == 200
    if "monitoring" in url:
        assert len(response.context["report"]["overdue"]) >= size * 3 // 4
    elif "export" in url:
        assert response["Content-Disposition"].startswith("attachment")
    else:
        assert response.context["page"].paginator.count >= size // 4
