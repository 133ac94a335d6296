"""Members of a Case Review Group or a Child Death Overview Panel see restricted
records whatever their role, so they sign in with a second factor too."""

from datetime import date

import pytest

from accounts.two_factor import two_factor_required
from boards.models import Membership
from tests.reviews.factories import review_groups

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("group", ["case_review_group", "child_death_panel"])
def test_a_contributor_on_a_review_group_must_give_a_second_factor(cast, group):
    settings = review_groups(cast.board)
    membership = Membership.objects.get(user=cast.contributor_x, board=cast.board)
    assert not two_factor_required(cast.contributor_x)
    getattr(settings, group).members.add(membership)
    cast.contributor_x._board_roles = None  # a new request
    assert two_factor_required(cast.contributor_x)


def test_an_ended_membership_of_a_review_group_does_not_require_it(cast):
    settings = review_groups(cast.board)
    membership = Membership.objects.get(user=cast.contributor_x, board=cast.board)
    settings.case_review_group.members.add(membership)
    Membership.objects.filter(pk=membership.pk).update(member_to=date(2017, 3, 31))
    assert not two_factor_required(cast.contributor_x)


def test_a_member_of_another_subgroup_is_only_offered_it(cast):
    from tests.business_plan.factories import SubgroupFactory

    review_groups(cast.board)
    other = SubgroupFactory(board=cast.board, name="Education")
    other.members.add(Membership.objects.get(user=cast.contributor_y))
    assert not two_factor_required(cast.contributor_y)
