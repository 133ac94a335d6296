import pytest

from boards.models import Board
from tests.boards.factories import AgencyFactory, MembershipFactory


def test_board_home_lists_members_and_agencies(cast, as_user):
    page = as_user(cast.board_member).get("/boards/north/").content.decode()
    assert "Northshire Constabulary" in page
    assert "Statutory" in page and "Not statutory" in page
    assert "6 people in 6 roles" in page
    assert "Southshire" not in page


def test_edit_saves_and_records_who_changed_what(cast, as_user):
    client = as_user(cast.business_team)
    response = client.post(
        "/boards/north/edit/",
        {
            "name": "Northshire LSCB",
            "area": "Northshire",
            "vision": "New vision",
            "version": 1,
        },
    )
    assert response.status_code == 302
    board = Board.objects.get(slug="north")
    assert (board.name, board.vision, board.version) == (
        "Northshire LSCB",
        "New vision",
        2,
    )
    history = client.get("/boards/north/history/").content.decode()
    assert str(cast.business_team) in history
    assert (
        "Name: “Northshire Safeguarding Children Board” to “Northshire LSCB”" in history
    )
    assert "“Working together to keep children safe.” to “New vision”" in history


def test_edit_with_a_stale_version_is_refused_naming_who_saved_first(cast, as_user):
    as_user(cast.chair).post(
        "/boards/north/edit/",
        {"name": "Chair's name", "area": "Northshire", "vision": "", "version": 1},
    )
    response = as_user(cast.business_team).post(
        "/boards/north/edit/",
        {"name": "Team's name", "area": "Northshire", "vision": "", "version": 1},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "There is a problem" in page
    assert f"changed by {cast.chair}" in page
    assert Board.objects.get(slug="north").name == "Chair's name"


def test_edit_with_missing_fields_shows_an_error_summary(cast, as_user):
    response = as_user(cast.business_team).post(
        "/boards/north/edit/", {"name": "", "area": "", "vision": "", "version": 1}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert '<a href="#id_name">Enter the board&#x27;s name</a>' in page
    assert "govuk-input--error" in page
    assert Board.objects.get(slug="north").name.startswith("Northshire")


def test_edit_with_a_tampered_version_is_an_error_not_a_crash(cast, as_user):
    response = as_user(cast.business_team).post(
        "/boards/north/edit/",
        {"name": "X", "area": "Y", "vision": "", "version": "not-a-number"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This page is out of date" in page
    assert Board.objects.get(slug="north").name.startswith("Northshire")


@pytest.mark.parametrize("size", [5, 50])
def test_board_home_runs_constant_queries(
    cast, as_user, size, django_assert_max_num_queries
):
    for _ in range(size):
        agency = AgencyFactory(board=cast.board)
        MembershipFactory(board=cast.board, agency=agency)
    client = as_user(cast.board_member)
    # Two of them are the reviews section's: its line (published reviews and open
    # actions) and whether the user sits on a review group (to show deadlines).
    # One is the audits section's line (the latest Section 11 cycle), one the
    # training section's (sessions coming up and held without attendance), one
    # the good practice line and one the priority themes' line. Seven
    # are the state of an empty board: no plan, no indicator values, no meeting
    # (two), the challenges awaiting a response (two), the risks
    # (tests/boards/test_board_home.py measures a board with data).
    with django_assert_max_num_queries(32):
        response = client.get("/boards/north/")
    assert response.content.decode().count("govuk-table__row") > size


def test_not_found_page_is_the_portals(cast, as_user):
    response = as_user(cast.board_member).get("/boards/south/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_forbidden_page_explains_the_role(cast, as_user):
    response = as_user(cast.lay_member).get("/boards/north/edit/")
    assert response.status_code == 403
    assert "Your role on this board does not allow this" in response.content.decode()


def test_server_error_page_renders_without_a_database(rf):
    from lscb_portal.views import error_500

    response = error_500(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_board_home_describes_each_apps_section(cast, as_user):
    from tests.business_plan.factories import PlanFactory, SubgroupFactory
    from tests.indicators.factories import IndicatorFactory
    from tests.subgroups.factories import PlanItemFactory

    empty = as_user(cast.board_member).get("/boards/north/").content.decode()
    assert "No plan yet" in empty and "0 indicators" in empty
    assert "No report exported yet" in empty
    PlanFactory(board=cast.board)
    PlanFactory(board=cast.board, first_year=2014, last_year=2017, status="closed")
    IndicatorFactory(board=cast.board)
    SubgroupFactory(board=cast.board)
    PlanItemFactory(board=cast.board)
    PlanItemFactory(board=cast.board)
    page = as_user(cast.board_member).get("/boards/north/").content.decode()
    assert "2 plans; active: Business Plan 2016-19" in page
    assert '<dd class="govuk-summary-list__value">1 indicator</dd>' in page
    assert "1 active group" in page
    assert "2 reports planned" in page
    assert "0 sessions coming up; 0 held without attendance recorded" in page
