"""A board member follows one concern through the board's work: from the board
home to the domestic abuse theme's year, then on to one of its plan actions."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def test_board_member_follows_domestic_abuse_from_the_board_home(
    demo, live_server, page, sign_in, assert_accessible
):
    sign_in(page, demo_email("board.member"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/")
    page.get_by_role("link", name="Priority themes").click()
    expect(page.get_by_role("heading", name="Priority themes", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Domestic abuse", exact=True).click()
    # The demo's data is 2016-17: the page opens on it, not on today's year.
    heading = page.get_by_role("heading", name="Domestic abuse, 2016-17", level=1)
    expect(heading).to_be_visible()
    expect(page.get_by_text("270 attendances at 4 courses")).to_be_visible()
    expect(page.get_by_role("cell", name="3,244")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="9.2", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Action 9.2")
