import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email
from business_plan.models import ActionUpdate, Challenge

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def test_board_member_filters_the_plan_reads_history_and_challenges(
    demo, live_server, page, sign_in, assert_accessible
):
    sign_in(page, demo_email("board.member"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/")
    page.get_by_role("link", name="Business plans").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Business Plan 2016-19").click()
    expect(
        page.get_by_role("heading", level=1, name="Business Plan 2016-19")
    ).to_be_visible()
    total = page.locator(".portal-total-row")
    expect(total).to_contain_text("62")
    assert_accessible(page)

    page.get_by_label("RAG", exact=True).select_option("A")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("status")).to_have_text("2 actions found.")
    assert_accessible(page)

    page.locator(".portal-actions-table tbody th a").first.click()
    expect(page.get_by_role("heading", name="Updates")).to_be_visible()
    expect(page.locator("h1 .govuk-tag").first).to_have_text("Amber")
    assert_accessible(page)

    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Action")
    assert_accessible(page)
    page.get_by_role("link", name="Details").click()

    page.get_by_role("link", name="Challenge this update").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Record challenge").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your challenge").fill("What is the revised date for this?")
    page.get_by_role("button", name="Record challenge").click()
    expect(page.get_by_text("Your challenge has been recorded.")).to_be_visible()
    expect(page.get_by_text("What is the revised date for this?")).to_be_visible()
    assert_accessible(page)
    assert Challenge.objects.get().raised_by.email == demo_email("board.member")


def test_business_team_quarterly_update_shows_at_once_on_the_overview(
    demo, live_server, page, sign_in, assert_accessible, fill_date, expect_date
):
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/plans/2016-19/bulk-update/")
    page.get_by_label("Subgroup").select_option(
        label="Domestic Abuse Task and Finish Group"
    )
    page.get_by_role("button", name="Show actions").click()
    assert_accessible(page)
    page.get_by_label("New RAG for action 9.2").select_option("A")
    page.get_by_role("button", name="Save all updates").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    expect_date(page, "Date of the updates", "2019-03-31")
    fill_date(page, "Date of the updates", "2017-06-30")
    page.get_by_label("Narrative for action 9.2").fill("Audit report delayed to May.")
    page.get_by_label("New RAG for action 9.3").select_option("C")
    page.get_by_role("button", name="Save all updates").click()
    expect(page.get_by_text("2 updates recorded.")).to_be_visible()
    amber = page.locator(".portal-total-row td").nth(1)
    expect(amber).to_have_text("3")
    assert_accessible(page)
    assert (
        ActionUpdate.objects.filter(subgroup__name__startswith="Domestic").count() == 2
    )


def test_board_member_reads_changes_since_a_meeting_and_the_latest_quarter(
    demo, live_server, page, sign_in, assert_accessible
):
    sign_in(page, demo_email("board.member"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/plans/2016-19/")
    page.get_by_role("link", name="Since the last meeting").click()
    # It opens on the last board meeting before the plan's latest update.
    meeting = page.get_by_label("Since the board meeting")
    expect(meeting.locator("option:checked")).to_have_text(
        "Board meeting, 9 March 2017"
    )
    period = page.locator("#since-period")
    expect(period).to_contain_text(
        "Changes since the board meeting of 9 March 2017 up to 31 March 2017"
    )
    expect(page.get_by_role("table", name="New completions")).to_be_visible()
    assert_accessible(page)

    meeting.select_option(label="Board meeting, 12 January 2017")
    page.get_by_role("button", name="Show changes").click()
    expect(period).to_contain_text("board meeting of 12 January 2017")
    assert_accessible(page)

    page.goto(f"{page.url.split('?')[0]}?meeting=abc")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(
        page.get_by_role("link", name="Choose one of this board's meetings")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Quarterly monitoring report").click()
    expect(
        page.get_by_label("Quarter", exact=True).locator("option:checked")
    ).to_have_text("2016-17 Q4")
    expect(page.locator("#monitoring-period")).to_contain_text(
        "Exceptions and highlights for 2016-17 Q4"
    )
    assert_accessible(page)
