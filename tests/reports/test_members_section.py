"""The annual report's members table names each member beside their position;
a member without a full name is given by e-mail address."""

import re

import pytest
from django.template.loader import render_to_string

from boards import pdf as boards_pdf
from tests.boards.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def rows_of(html: str) -> list[list[str]]:
    """The body's rows, as the cells' texts (the header row has none)."""
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)
        ]
        for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", html, re.S)
    ]


def test_members_table_gives_name_and_position(cast):
    MembershipFactory(
        board=cast.board,
        agency=cast.agency_x,
        user=UserFactory(full_name="Charlie Example-Stone"),
        position="Assistant Chief Constable",
    )
    MembershipFactory(
        board=cast.board,
        user=UserFactory(full_name="", email="lay.two@example.org"),
        role="lay_member",
        position="Lay Member 2",
    )
    data = boards_pdf.members(cast.board, 2016)
    html = render_to_string(
        "reports/pdf/_members.html", {"data": data, "year_label": "2016-17"}
    )
    rows = [row for row in rows_of(html) if row]
    assert [
        "Board member",
        "Northshire Constabulary",
        "Assistant Chief Constable",
        "Charlie Example-Stone",
    ] in rows
    assert ["Lay member", "–", "Lay Member 2", "lay.two@example.org"] in rows
    # One row a member, each named.
    assert len(rows) == len(data["members"])
    assert all(row[3] for row in rows)
