"""The board home on the demo data, as the chair and as a board member: where the
board stands, in words as well as colour, and each part's link to its page."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("who", ["chair", "board.member"])
def test_the_demo_board_home_shows_the_state_of_the_board(
    live_server, page, settings, sign_in, assert_accessible, who
):
    settings.DEBUG = True
    call_command("load_demo")
    sign_in(page, demo_email(who), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/")
    main = page.locator("main")
    for heading in (
        "Business plan",
        "Indicator scorecard",
        "The highest risks",
    ):
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    expect(page.get_by_role("heading", name="board meeting").first).to_be_visible()
    expect(page.get_by_text("Since the last board meeting")).to_be_visible()
    # RAG in words, never colour alone.
    for word in ("Red", "Amber", "Green"):
        expect(main.locator("strong.govuk-tag", has_text=word).first).to_be_visible()
    expect(page.get_by_text("the latest period with values")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="The risk log").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Risk")
    page.go_back()
    page.get_by_role("link", name="The members directory").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Members")
    assert_accessible(page)


def test_a_subgroup_chair_finds_its_return_to_finish_on_the_home(
    live_server, page, settings, sign_in, assert_accessible
):
    settings.DEBUG = True
    call_command("load_demo")
    sign_in(page, demo_email("subgroup.chair"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/")
    expect(
        page.get_by_role("heading", level=2, name="Returns to finish")
    ).to_be_visible()
    expect(page.get_by_text("Red and amber actions you own")).to_be_visible()
    assert_accessible(page)
    page.get_by_role(
        "link", name="Learning and Improvement Subgroup: 2016-17 Q4"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2016-17 Q4")
    assert_accessible(page)
