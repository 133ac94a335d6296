"""The business plan's 2016-19 plan and its Quality Assurance Subgroup (reused), a
second subgroup with its own chair, and uploads kept out of the real media folder."""

import pytest

from boards.models import Role
from tests.boards.factories import MembershipFactory

# The subgroup (chaired by a subgroup-chair member) and the plan whose actions 1.2
# and 2.1 it owns come from the business plan tests.
from tests.business_plan.conftest import plan, subgroup, subgroup_chair  # noqa: F401

from .factories import chaired_subgroup


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def other_subgroup(cast):
    """The Case Review Subgroup, chaired by someone else."""
    group, _ = chaired_subgroup(cast.board, "Case Review Subgroup")
    return group


@pytest.fixture
def other_subgroup_chair(other_subgroup):
    return other_subgroup.chair.user


@pytest.fixture
def subgroup_member(cast, subgroup):  # noqa: F811 - the fixture above
    """An agency contributor of agency Y who sits on the Quality Assurance Subgroup
    (so sees its drafts) but does not chair it."""
    membership = MembershipFactory(
        board=cast.board, role=Role.AGENCY_CONTRIBUTOR, agency=cast.agency_y
    )
    subgroup.members.add(membership)
    return membership.user
