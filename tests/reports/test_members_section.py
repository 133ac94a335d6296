"""Section 5, "Who are members of the LSCB": each member's name beside role,
agency and position, never their e-mail; constant queries."""

import pytest
from django.template.loader import render_to_string

from boards.models import Role
from boards.pdf import members
from tests.boards.factories import AgencyFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

YEAR = 2016


def rendered(cast):
    return render_to_string(
        "reports/pdf/_members.html",
        {"data": members(cast.board, YEAR), "year_label": "2016-17", "sub": "h2"},
    )


def test_the_table_prints_names_not_e_mails(cast):
    named = UserFactory(full_name="Robin Example", email="robin@example.org")
    nameless = UserFactory(full_name="", email="nameless@example.org")
    MembershipFactory(
        board=cast.board,
        user=named,
        role=Role.BOARD_MEMBER,
        agency=cast.agency_x,
        position="Detective Superintendent",
    )
    MembershipFactory(board=cast.board, user=nameless, role=Role.LAY_MEMBER)
    page = rendered(cast)
    assert "Robin Example" in page
    assert "Detective Superintendent" in page
    assert "robin@example.org" not in page
    assert "nameless@example.org" not in page
    assert '<td class="govuk-table__cell">–</td>' in page


def test_the_section_runs_constant_queries(cast, django_assert_max_num_queries):
    with django_assert_max_num_queries(3) as few:
        rendered(cast)
    for _ in range(10):
        MembershipFactory(
            board=cast.board,
            role=Role.BOARD_MEMBER,
            agency=AgencyFactory(board=cast.board),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        rendered(cast)
