"""The header's search: typed on a board page, its results open the record."""

from datetime import date

import pytest
from playwright.sync_api import expect

from boards.models import Risk
from tests.boards.factories import TEST_PASSWORD
from tests.training.factories import CourseFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_business_team_searches_from_the_header_and_opens_a_result(
    live_server, page, cast, sign_in, assert_accessible
):
    Risk.objects.create(
        board=cast.board,
        title="Kestrel partners leave the partnership",
        owner="Business team",
        likelihood=2,
        impact=3,
        review_date=date(2017, 1, 1),
    )
    CourseFactory(board=cast.board, title="Kestrel awareness")
    CourseFactory(board=cast.other_board, title="Kestrel in the south")
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/")
    header = page.get_by_role("search")
    header.get_by_label(f"Search {cast.board.name}").fill("kestrel")
    header.get_by_role("button", name="Search").click()

    expect(page.get_by_role("heading", level=1, name="Search")).to_be_visible()
    expect(page.get_by_role("heading", name="Risk log")).to_be_visible()
    expect(page.get_by_role("link", name="Kestrel awareness")).to_be_visible()
    expect(page.get_by_text("Kestrel in the south")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Kestrel partners leave the partnership").click()
    expect(
        page.get_by_role("heading", level=1, name="Kestrel partners leave")
    ).to_be_visible()
    assert_accessible(page)


def test_no_results_and_a_narrow_screen(
    live_server, page, cast, sign_in, assert_accessible
):
    sign_in(page, cast.lay_member.email, TEST_PASSWORD)
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/boards/north/search/?q=zebra")
    expect(page.get_by_role("heading", name="No results for “zebra”")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 321, f"the page is {width} px wide"
    assert_accessible(page)
