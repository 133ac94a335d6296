"""An action's page names the people who answer for it: its owning subgroups'
chairs."""

import pytest

from .factories import action_url

pytestmark = pytest.mark.django_db


def test_action_page_names_the_owning_subgroups_chair(
    cast, as_user, plan, subgroup_chair
):
    subgroup_chair.full_name = "Jody Demo-Ridley"
    subgroup_chair.save()
    page = as_user(cast.board_member).get(action_url("1.2")).content.decode()
    assert "Subgroup chair</dt>" in page
    assert "Jody Demo-Ridley (Quality Assurance Subgroup)" in page


def test_action_owned_by_no_chaired_subgroup_names_no_chair(cast, as_user, plan):
    page = as_user(cast.board_member).get(action_url("1.1")).content.decode()
    assert "Subgroup chair" not in page
