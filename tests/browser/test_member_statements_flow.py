"""An agency contributor writes their agency's brief word (an over-long text is
refused first); the chair approves it; the annual report's edition shows it."""

import pytest
from playwright.sync_api import expect

from reports.models import Statement
from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

EDITION = "/boards/north/annual-report/2016-17/"


def test_contributor_writes_chair_approves_report_shows(
    live_server, page, cast, sign_in, assert_accessible
):
    sign_in(page, cast.contributor_x.email, TEST_PASSWORD)
    page.goto(live_server.url + EDITION + "narrative/")
    page.get_by_role("link", name="A brief word from the LSCB Members").click()
    expect(
        page.get_by_role("heading", level=1, name="A brief word from the LSCB Members")
    ).to_be_visible()
    expect(page.get_by_text("Not written").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role(
        "link", name="Write the statement of Northshire Constabulary"
    ).click()
    assert_accessible(page)
    box = page.get_by_label("The agency's statement")
    box.evaluate("el => el.removeAttribute('maxlength')")
    box.fill("x" * 4001)
    page.get_by_role("button", name="Save the statement").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("4,000 characters or fewer")
    assert_accessible(page)
    page.get_by_label("The agency's statement").fill(
        "Partnership working has improved.\n\n- Voice of children more evident"
    )
    page.get_by_role("button", name="Save the statement").click()
    expect(
        page.get_by_text("The statement of Northshire Constabulary is saved")
    ).to_be_visible()
    expect(page.get_by_text("Not yet approved")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, cast.chair.email, TEST_PASSWORD)
    page.goto(live_server.url + EDITION + "narrative/members/")
    page.get_by_role(
        "button", name="Approve the statement of Northshire Constabulary"
    ).click()
    expect(
        page.get_by_text("is approved: the annual report now shows it")
    ).to_be_visible()
    assert_accessible(page)
    assert Statement.objects.get().approved_version == 1

    page.goto(live_server.url + EDITION)
    expect(page.get_by_text("A brief word from the LSCB Members").first).to_be_visible()
    expect(page.get_by_text("Partnership working has improved.")).to_be_visible()
    expect(page.get_by_text("Voice of children more evident")).to_be_visible()
    assert_accessible(page)
