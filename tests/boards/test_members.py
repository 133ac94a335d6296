"""The members directory: attendance rates by member and by agency, member pages,
versioned edits with history, declarations, query budgets."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from boards.models import AttendanceStatus, Declaration, Role
from boards.selectors.members import agency_rates, directory, member_rates
from lscb_portal.periods import reporting_year_start, year_label
from tests import lists

from .factories import AgencyFactory, MembershipFactory
from .test_meetings_data import (
    AgendaItemFactory,
    AttendanceFactory,
    DeclarationFactory,
    MeetingFactory,
)

PRESENT, APOLOGIES, ABSENT = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.APOLOGIES,
    AttendanceStatus.ABSENT,
)


def text(response) -> str:
    return response.content.decode()


def member_url(membership, page=""):
    return f"/boards/{membership.board.slug}/members/{membership.pk}/{page}"


@pytest.fixture
def recorded(cast):
    """Four meetings in 2016-17 and one in 2017-18. In 2016-17 the police's two
    members: A present, apologies with a deputy, apologies without, absent; B
    present twice. The chair (no agency) present once, absent once."""
    meetings = [
        MeetingFactory(board=cast.board, date=d)
        for d in (
            date(2016, 5, 12),
            date(2016, 9, 8),
            date(2016, 11, 10),
            date(2017, 3, 9),
            date(2017, 5, 11),
        )
    ]
    a = cast.board_member.memberships.get()
    b = MembershipFactory(board=cast.board, agency=cast.agency_x, position="B")
    chair = cast.chair.memberships.get()
    rows = [
        (0, a, PRESENT, ""),
        (1, a, APOLOGIES, "Detective Superintendent"),
        (2, a, APOLOGIES, ""),
        (3, a, ABSENT, ""),
        (4, a, ABSENT, ""),  # 2017-18: another year
        (0, b, PRESENT, ""),
        (1, b, PRESENT, ""),
        (0, chair, PRESENT, ""),
        (1, chair, ABSENT, ""),
    ]
    for index, membership, status, deputy in rows:
        AttendanceFactory(
            meeting=meetings[index], membership=membership, status=status, deputy=deputy
        )
    return {"a": a, "b": b, "chair": chair, "meetings": meetings}


def test_member_rate_counts_only_meetings_attended_in_person(cast, recorded):
    rates = member_rates(cast.board, 2016)
    a, b, chair = recorded["a"], recorded["b"], recorded["chair"]
    assert (rates[a.pk].attended, rates[a.pk].recorded) == (1, 4)
    assert rates[a.pk].percent == 25
    assert (rates[b.pk].attended, rates[b.pk].recorded) == (2, 2)
    assert rates[chair.pk].percent == 50
    # 2017-18 holds only A's absence.
    later = member_rates(cast.board, 2017)
    assert (later[a.pk].attended, later[a.pk].recorded) == (0, 1)
    assert b.pk not in later


def test_agency_rate_counts_a_deputy_as_attending(cast, recorded):
    rates = dict(agency_rates(cast.board, 2016))
    police = rates[cast.agency_x]
    # Places: A's four and B's two; filled: A present, A's deputy, B twice.
    assert (police.attended, police.recorded) == (4, 6)
    assert police.percent == 67
    # The chair represents no agency, and agency Y recorded nothing.
    assert set(rates) == {cast.agency_x}


def test_directory_lists_every_membership_with_its_rate(cast, recorded):
    rows = directory(cast.board, 2016)
    assert {m.pk for m, _ in rows} == set(
        cast.board.memberships.values_list("pk", flat=True)
    )
    assert rows[0][0].role == Role.CHAIR
    rates = {m.pk: rate for m, rate in rows}
    assert rates[cast.contributor_x.memberships.get().pk].recorded == 0


def test_directory_page_shows_rates_details_and_the_deputy_rule(
    cast, as_user, recorded
):
    a = recorded["a"]
    a.induction_done = date(2016, 6, 1)
    a.save()
    page = text(as_user(cast.contributor_y).get("/boards/north/members/?year=2016"))
    assert "Members and their attendance in 2016-17" in page
    assert "25%" in page and "1 of 4" in page
    assert "67%" in page  # the police's agency rate
    assert "apologies count against them even when a deputy came" in page
    assert "An agency's rate counts a deputy" in page
    assert "1 Jun 2016" in page
    assert cast.agency_x.name in page and "Yes" in page  # statutory partner
    assert "No meetings recorded" in page


def test_directory_opens_on_the_latest_year_with_a_meeting(cast, as_user, recorded):
    # The latest meeting is 11 May 2017: 2017-18, not the empty current year.
    client = as_user(cast.lay_member)
    for query in ("", "?year=", "?year=abc", "?year=1850", "?year=99999999999999"):
        response = client.get("/boards/north/members/" + query)
        assert response.status_code == 200
        assert "Members and their attendance in 2017-18" in text(response)
    assert "2016-17" in text(client.get("/boards/north/members/?year=2016"))


def test_directory_ignores_meetings_arranged_ahead(cast, as_user, recorded):
    MeetingFactory(board=cast.board, date=timezone.localdate() + timedelta(days=400))
    page = text(as_user(cast.lay_member).get("/boards/north/members/"))
    assert "Members and their attendance in 2017-18" in page


def test_directory_of_a_board_without_meetings_opens_on_the_current_year(cast, as_user):
    current = year_label(reporting_year_start(timezone.localdate()))
    page = text(as_user(cast.lay_member).get("/boards/north/members/"))
    assert f"Members and their attendance in {current}" in page


@pytest.mark.parametrize("size", [3, 30])
def test_members_directory_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    agencies = [AgencyFactory(board=cast.board) for _ in range(3)]
    meetings = [
        MeetingFactory(board=cast.board, date=date(2016, 5, 12) + timedelta(weeks=n))
        for n in range(4)
    ]
    for n in range(size):
        member = MembershipFactory(board=cast.board, agency=agencies[n % 3])
        for meeting in meetings:
            AttendanceFactory(meeting=meeting, membership=member)
    client = as_user(cast.board_member)
    with django_assert_max_num_queries(10):
        response = client.get("/boards/north/members/?year=2016")
    assert response.status_code == 200
    assert text(response).count("100%") >= 3


@pytest.mark.parametrize("size", [2, 20])
def test_member_page_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    membership = cast.board_member.memberships.get()
    for n in range(size):
        meeting = MeetingFactory(board=cast.board)
        AttendanceFactory(meeting=meeting, membership=membership)
        DeclarationFactory(
            membership=membership,
            year=None,
            agenda_item=AgendaItemFactory(meeting=meeting, confidential=n % 2 == 0),
        )
    client = as_user(cast.contributor_x)
    with django_assert_max_num_queries(9):
        response = client.get(member_url(membership))
    assert response.status_code == 200


# Member edit, history, declarations ----------------------------------------------


def edit_data(membership, **changes):
    return {
        "member_from": "2015-04-01",
        "member_to": "",
        "induction_done": "2015-05-01",
        "handbook_signed": "2015-05-01",
        "last_one_to_one": "2016-10-20",
        "version": membership.version,
        **changes,
    }


def test_member_edit_is_versioned_and_shows_in_history(cast, as_user):
    membership = cast.board_member.memberships.get()
    client = as_user(cast.business_team)
    data = edit_data(membership)
    assert client.post(member_url(membership, "edit/"), data).status_code == 302
    membership.refresh_from_db()
    assert membership.last_one_to_one == date(2016, 10, 20)
    stale = client.post(
        member_url(membership, "edit/"), {**data, "last_one_to_one": "2017-01-01"}
    )
    assert stale.status_code == 409
    assert "changed by" in text(stale)
    membership.refresh_from_db()
    assert membership.last_one_to_one == date(2016, 10, 20)
    history = text(as_user(cast.contributor_x).get(member_url(membership, "history/")))
    assert "Last one-to-one with the chair" in history
    assert str(cast.business_team) in history


def test_member_cannot_leave_before_joining(cast, as_user):
    membership = cast.lay_member.memberships.get()
    response = as_user(cast.chair).post(
        member_url(membership, "edit/"),
        edit_data(membership, member_to="2014-01-01"),
    )
    assert response.status_code == 200
    assert "The date they left must be after the date they joined" in text(response)
    membership.refresh_from_db()
    assert membership.member_to is None


def test_member_edit_bad_date_is_explained(cast, as_user):
    membership = cast.lay_member.memberships.get()
    response = as_user(cast.chair).post(
        member_url(membership, "edit/"),
        edit_data(membership, induction_done="yesterday"),
    )
    assert response.status_code == 200
    assert "Enter the date (induction completed) as a real date" in text(response)


def test_annual_declaration_shows_on_the_member_page(cast, as_user):
    membership = cast.lay_member.memberships.get()
    response = as_user(cast.business_team).post(
        member_url(membership, "declarations/new/"),
        {"year": "2016", "interest": "None", "declared_on": "2016-05-12"},
    )
    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert (declaration.year, declaration.recorded_by) == (2016, cast.business_team)
    page = text(as_user(cast.contributor_x).get(member_url(membership)))
    assert "Annual declaration 2016-17" in page and "None" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"interest": "None", "declared_on": "2016-05-12"}, "Enter the reporting year"),
        ({"year": "2016", "declared_on": "2016-05-12"}, "Enter the interests declared"),
        ({"year": "sixteen", "interest": "None", "declared_on": "2016-05-12"}, "year"),
        ({"year": "2016", "interest": "None", "declared_on": "x"}, "real date"),
    ],
)
def test_annual_declaration_bad_input_is_explained(cast, as_user, data, message):
    membership = cast.lay_member.memberships.get()
    response = as_user(cast.chair).post(
        member_url(membership, "declarations/new/"), data
    )
    assert response.status_code == 200
    assert message in text(response)
    assert not Declaration.objects.exists()


def test_member_of_another_board_is_a_404(cast, as_user):
    elsewhere = cast.other_board_member.memberships.get()
    response = as_user(cast.chair).get(f"/boards/north/members/{elsewhere.pk}/")
    assert response.status_code == 404


# The list component ----------------------------------------------------------------

MEMBERS = "/boards/north/members/"


def test_directory_sorts_and_ignores_unknown_keys(cast, as_user, recorded):
    client = as_user(cast.board_member)
    query = {"year": 2016}
    ascending = lists.assert_sorts(client, MEMBERS, "attendance", query)
    assert ascending[-1][-1] == "100% (2 of 2)"
    lists.assert_sorts(client, MEMBERS, "member", query)
    lists.assert_sorts(client, MEMBERS, "agency", query)


def test_directory_exports_every_member_for_the_chosen_year(
    cast, as_user, recorded, monkeypatch
):
    from boards.views.members import MembersView

    monkeypatch.setattr(MembersView, "page_size", 2)
    client = as_user(cast.lay_member)
    rows = lists.assert_exports(client, MEMBERS, {"year": 2016, "sort": "member"})
    assert len(rows) == len(directory(cast.board, 2016))
    assert "25% (1 of 4)" in [row[-1] for row in rows]
    header = lists.export(client, MEMBERS, "csv", {"year": 2017})[0]
    assert header[-1] == "Attendance 2017-18"


def test_exported_positions_are_neutralised(cast, as_user):
    MembershipFactory(board=cast.board, agency=cast.agency_x, position="=1+1")
    rows = lists.export(as_user(cast.board_member), MEMBERS, "csv", {"sort": "member"})
    assert rows[1][1] == "'=1+1"  # the Position column, after the name


@pytest.mark.parametrize("size", [3, 30])
def test_members_export_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    meeting = MeetingFactory(board=cast.board, date=date(2016, 5, 12))
    for _ in range(size):
        member = MembershipFactory(board=cast.board, agency=cast.agency_x)
        AttendanceFactory(meeting=meeting, membership=member)
    client = as_user(cast.board_member)
    for kind in ("csv", "xlsx"):
        with django_assert_max_num_queries(7):
            response = client.get(MEMBERS, {"year": 2016, "export": kind})
        assert response.status_code == 200


def test_only_those_who_see_the_board_export_its_members(cast, as_user):
    assert (
        as_user(cast.other_board_member).get(MEMBERS, {"export": "csv"}).status_code
        == 404
    )
