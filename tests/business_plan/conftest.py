"""A 2016-19 plan on the cast's board, and a subgroup chaired by its own member."""

import pytest

from boards.models import Role
from tests.boards.factories import MembershipFactory

from .factories import ActionFactory, PlanFactory, SubgroupFactory, ThemeFactory


@pytest.fixture
def subgroup(cast):
    """The Quality Assurance Subgroup, chaired by a member with the subgroup chair
    role."""
    chair = MembershipFactory(board=cast.board, role=Role.SUBGROUP_CHAIR)
    return SubgroupFactory(
        board=cast.board, name="Quality Assurance Subgroup", chair=chair
    )


@pytest.fixture
def subgroup_chair(subgroup):
    return subgroup.chair.user


@pytest.fixture
def plan(cast, subgroup):
    """Business Plan 2016-19: theme 1 with 1.1 (owned by agency X), 1.2 (owned by
    the subgroup) and 1.10; theme 2 with 2.1 (owned by the subgroup)."""
    plan = PlanFactory(board=cast.board)
    leadership = ThemeFactory(plan=plan, number=1, title="Leadership and Governance")
    quality = ThemeFactory(plan=plan, number=2, title="Quality Assurance")
    ActionFactory(
        plan=plan,
        theme=leadership,
        ref="1.1",
        text="Review the board's membership",
        owner_agencies=[cast.agency_x],
        when_text="Jul-17",
    )
    ActionFactory(
        plan=plan,
        theme=leadership,
        ref="1.2",
        text="Publish the annual report",
        owner_subgroups=[subgroup],
    )
    ActionFactory(plan=plan, theme=leadership, ref="1.10", text="Recruit lay members")
    ActionFactory(
        plan=plan,
        theme=quality,
        ref="2.1",
        text="Run a multi-agency audit",
        owner_subgroups=[subgroup],
    )
    return plan
