"""An agency contributor adds a good practice example, leaving out the outcome
first and correcting it; the business team finds it in the catalogue, filtered by
the agency, and opens it."""

import pytest
from playwright.sync_api import expect

from reviews.models import LearningTheme
from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

GOOD_PRACTICE = "/boards/north/good-practice/"


def test_contributor_adds_an_example_the_business_team_sees(
    live_server, page, cast, sign_in, fill_date, assert_accessible
):
    LearningTheme.objects.create(
        board=cast.board, name="Voice of the child", slug="voice-of-the-child"
    )
    sign_in(page, cast.contributor_x.email, TEST_PASSWORD)
    page.goto(live_server.url + "/boards/north/")
    page.get_by_role("link", name="Good practice").first.click()
    expect(page.get_by_role("heading", level=1, name="Good practice")).to_be_visible()
    expect(
        page.get_by_text("No good practice examples have been recorded yet.")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Add a good practice example").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Hearing non-verbal children")
    fill_date(page, "Date of the practice", "2017-02-09")
    page.get_by_label("What was done").fill(
        "Practitioners assessed and recorded the views of non-verbal children."
    )
    page.get_by_label("The learning it shows").fill(
        "A child who does not speak can still be heard."
    )
    page.get_by_label("Voice of the child").check()
    page.get_by_role("button", name="Add the example").click()

    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the outcome for the child")
    assert_accessible(page)
    summary.get_by_role("link", name="Enter the outcome for the child").click()
    expect(page.get_by_label("Outcome for the child")).to_be_focused()
    page.get_by_label("Outcome for the child").fill(
        "The children's wishes shaped their plans."
    )
    page.get_by_role("button", name="Add the example").click()

    expect(
        page.get_by_text("The good practice example has been added.")
    ).to_be_visible()
    expect(
        page.get_by_role("heading", level=1, name="Hearing non-verbal children")
    ).to_be_visible()
    expect(page.get_by_text("Voice of the child")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(live_server.url + GOOD_PRACTICE)
    page.get_by_label("Agency").select_option(label=cast.agency_x.name)
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("1 example found.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Hearing non-verbal children").click()
    expect(
        page.get_by_text("The children's wishes shaped their plans.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Change the example")).to_be_visible()
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("cell", name=str(cast.contributor_x)).first).to_be_visible()
    assert_accessible(page)
