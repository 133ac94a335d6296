"""The board home lists the draft returns the signed-in person may finish and
submit: a subgroup chair its own subgroups', the business team every one."""

import re

import pytest

from subgroups.models import ReturnStatus

from .factories import ReturnFactory, chaired_subgroup

pytestmark = pytest.mark.django_db


def finish_list(response) -> str:
    """The "Returns to finish" part of the page, as text ("" when absent)."""
    page = response.content.decode()
    found = re.search(r"Returns to finish</h2>(.*?)</ul>", page, re.S)
    if not found:
        return ""
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


@pytest.fixture
def drafts(cast, subgroup, other_subgroup):
    own = ReturnFactory(subgroup=subgroup, period="2016-17 Q4")
    ReturnFactory(subgroup=subgroup, period="2016-17 Q3", status=ReturnStatus.SUBMITTED)
    other = ReturnFactory(subgroup=other_subgroup, period="2016-17 Q3")
    elsewhere, _ = chaired_subgroup(cast.other_board, "Southshire Audit Group")
    ReturnFactory(subgroup=elsewhere, period="2016-17 Q2")
    return own, other


def test_a_subgroup_chair_sees_only_its_own_drafts(as_user, subgroup_chair, drafts):
    own, _ = drafts
    response = as_user(subgroup_chair).get("/boards/north/")
    listed = finish_list(response)
    assert "Quality Assurance Subgroup: 2016-17 Q4 Draft" in listed
    assert "Q3" not in listed  # submitted, or another chair's
    assert "Case Review Subgroup" not in listed
    assert f'href="/boards/north/returns/{own.pk}/"' in response.content.decode()


def test_the_business_team_sees_every_draft_of_its_board_oldest_first(
    cast, as_user, drafts
):
    listed = finish_list(as_user(cast.business_team).get("/boards/north/"))
    assert listed.index("Case Review Subgroup: 2016-17 Q3") < listed.index(
        "Quality Assurance Subgroup: 2016-17 Q4"
    )
    assert "Southshire" not in listed


@pytest.mark.parametrize("role", ["board_member", "contributor_x", "lay_member"])
def test_those_who_cannot_enter_returns_see_no_list(cast, as_user, drafts, role):
    assert finish_list(as_user(getattr(cast, role)).get("/boards/north/")) == ""


def test_no_list_when_nothing_is_in_draft(as_user, subgroup_chair, subgroup):
    ReturnFactory(subgroup=subgroup, status=ReturnStatus.SUBMITTED)
    assert finish_list(as_user(subgroup_chair).get("/boards/north/")) == ""
