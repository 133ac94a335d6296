"""Section 6, "A brief word from the LSCB Members": who may read, write and
approve an agency's statement; stale edits refused with nothing lost; the
report prints approved statements only, never another board's."""

import pytest

from reports.models import Statement
from reports.sections import SECTIONS, build_sections
from reports.statements import member_statements, statement_approve, statement_save
from tests.boards.factories import AgencyFactory
from tests.matrix import READ, allow, permission_matrix

pytestmark = pytest.mark.django_db

YEAR = 2016
BASE = "/boards/north/annual-report/2016-17/"
LIST = BASE + "narrative/members/"
WRITERS = ("chair", "business_team")


def save(cast, text, agency=None, user=None, board=None):
    agency = agency or cast.agency_x
    board = board or cast.board
    current = Statement.objects.filter(board=board, year=YEAR, agency=agency).first()
    return statement_save(
        board=board,
        year=YEAR,
        version=current.version if current else 0,
        text=text,
        user=user or cast.business_team,
        agency=agency,
    )


def approve(cast, statement):
    return statement_approve(statement, version=statement.version, user=cast.chair)


# (page, method, expected status per cast member); {x} is agency x's id.
MATRIX = [
    (LIST, "get", READ),
    (LIST + "{x}/", "get", allow(200, *WRITERS, "contributor_x")),
    (LIST + "{x}/", "post", allow(302, *WRITERS, "contributor_x")),
    (LIST + "{x}/approve/", "post", allow(302, "chair")),
]


@permission_matrix(MATRIX)
def test_permission_matrix(cast, visit, who, method, url, expected):
    statement = save(cast, "Draft words.")
    url = url.format(x=cast.agency_x.pk)
    data = {"version": statement.version, "text": "Changed words."}
    visit(who, method, url, expected, data=data if method == "post" else {})
    allowed = expected == 302 and who != "anonymous"
    statement.refresh_from_db()
    assert (statement.text == "Changed words.") == (
        allowed and not url.endswith("approve/")
    )
    assert (statement.approved_version is not None) == (
        allowed and url.endswith("approve/")
    )


def test_a_contributor_writes_only_their_own_agencys_statement(cast, as_user):
    client = as_user(cast.contributor_x)
    page = client.get(LIST).content.decode()
    assert f"{LIST}{cast.agency_x.pk}/" in page
    assert f"{LIST}{cast.agency_y.pk}/" not in page
    assert client.get(f"{LIST}{cast.agency_y.pk}/").status_code == 403
    response = client.post(f"{LIST}{cast.agency_y.pk}/", {"version": 0, "text": "x"})
    assert response.status_code == 403
    assert not Statement.objects.exists()


def test_another_boards_agency_is_404(cast, as_user):
    theirs = AgencyFactory(board=cast.other_board)
    client = as_user(cast.chair)
    assert client.get(f"{LIST}{theirs.pk}/").status_code == 404
    assert client.post(f"{LIST}{theirs.pk}/approve/", {"version": 1}).status_code == 404


def test_the_list_shows_each_status_as_text(cast, as_user):
    approve(cast, save(cast, "Approved words."))
    save(cast, "Changed words.")
    save(cast, "New words.", agency=cast.agency_y)
    AgencyFactory(board=cast.board, name="Northshire Schools")
    page = as_user(cast.business_team).get(LIST).content.decode()
    for status in ("Changed since approval", "Not yet approved", "Not written"):
        assert status in page
    approve(cast, Statement.objects.get(agency=cast.agency_x))
    assert "Approved</strong>" in as_user(cast.chair).get(LIST).content.decode()


def test_readers_see_approved_statements_only(cast, as_user):
    approve(cast, save(cast, "Approved words."))
    save(cast, "Unapproved words.")
    page = as_user(cast.board_member).get(LIST).content.decode()
    assert "Approved words." in page
    assert "Unapproved words." not in page
    assert "govuk-tag" not in page


def test_a_stale_edit_is_refused_naming_who_saved_first_and_keeps_the_text(
    cast, as_user
):
    save(cast, "First words.")
    save(cast, "The business team's words.")
    response = as_user(cast.contributor_x).post(
        f"{LIST}{cast.agency_x.pk}/", {"version": 1, "text": "My late words."}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f"changed by {cast.business_team}" in page
    assert "My late words." in page
    assert Statement.objects.get().text == "The business team's words."


def test_an_over_long_statement_is_refused_with_an_error_summary(cast, as_user):
    response = as_user(cast.contributor_x).post(
        f"{LIST}{cast.agency_x.pk}/", {"version": 0, "text": "x" * 4001}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "4,000 characters or fewer" in page
    assert not Statement.objects.exists()


def test_a_stale_approval_is_refused(cast, as_user):
    save(cast, "First words.")
    save(cast, "Second words.")
    response = as_user(cast.chair).post(
        f"{LIST}{cast.agency_x.pk}/approve/", {"version": 1}
    )
    assert response.status_code == 409
    assert "has not been approved" in response.content.decode()
    assert Statement.objects.get().approved_version is None


def test_the_list_runs_constant_queries(cast, as_user, django_assert_max_num_queries):
    client = as_user(cast.business_team)
    save(cast, "Words.")
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for n in range(8):
        save(cast, f"Words {n}.", agency=AgencyFactory(board=cast.board))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(LIST).status_code == 200


# The section ------------------------------------------------------------------------


def test_the_section_prints_approved_statements_by_agency_name(cast):
    approve(cast, save(cast, "Voluntary words.", agency=cast.agency_y))
    approve(cast, save(cast, "Police words.\n\n- one\n- two"))
    save(cast, "A draft.")
    other_agency = AgencyFactory(board=cast.other_board)
    approve(
        cast, save(cast, "Their words.", agency=other_agency, board=cast.other_board)
    )

    built = member_statements(cast.board, YEAR)
    names = [agency.name for agency, _ in built["statements"]]
    assert names == ["Northshire Constabulary", "Northshire Voluntary Sector"]
    assert built["statements"][0][1][0].text == "Police words."
    draft = member_statements(cast.board, YEAR, draft=True)
    assert draft["statements"][0][1][0].text == "A draft."


def test_the_section_is_left_out_until_a_statement_is_approved(cast):
    save(cast, "A draft.")
    keys = [s.key for s in build_sections(cast.board, YEAR)]
    assert "member_statements" not in keys
    drafts = [s.key for s in build_sections(cast.board, YEAR, draft=True)]
    assert "member_statements" in drafts
    order = [s.key for s in SECTIONS]
    assert order.index("member_statements") == order.index("members") + 1


def test_the_edition_shows_the_approved_statement(cast, as_user):
    approve(cast, save(cast, "Our brief word."))
    page = as_user(cast.board_member).get(BASE).content.decode()
    assert "A brief word from the LSCB Members" in page
    assert "Our brief word." in page


def test_the_narrative_page_links_the_statements(cast, as_user):
    page = as_user(cast.board_member).get(BASE + "narrative/").content.decode()
    assert LIST in page
