"""Multi-agency case audits in a browser: the business team records an audit, a
grading (refused off the scale's end: more gradings than cases) and a
recommendation; the owning agency's contributor records its progress, and reads
the RAG in words (each page checked with axe)."""

import pytest
from playwright.sync_api import expect

from tests.boards.factories import TEST_PASSWORD
from tests.business_plan.factories import SubgroupFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_team_records_an_audit_and_the_owning_agency_its_progress(
    live_server, page, cast, sign_in, assert_accessible, fill_date
):
    SubgroupFactory(board=cast.board, name="Quality Assurance Group North")
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/audits/case-audits/")
    assert_accessible(page)
    page.get_by_role("link", name="Record a case audit").click()
    assert_accessible(page)
    page.get_by_label("Theme").fill("Domestic abuse")
    page.get_by_label("Quality Assurance Group that ran it").select_option(
        label="Quality Assurance Group North"
    )
    fill_date(page, "Date of the audit", "2017-01-09")
    page.get_by_label("Number of cases audited").fill("1")
    page.get_by_role("button", name="Record audit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Domestic abuse")
    assert_accessible(page)

    page.get_by_role("link", name="Record a grading").click()
    page.get_by_label("Requires improvement").check()
    page.get_by_role("button", name="Record grading").click()
    expect(
        page.get_by_role("table", name="Gradings of the cases audited")
    ).to_contain_text("Requires improvement")
    # All the cases are graded: no link to grade another.
    expect(page.get_by_role("link", name="Record a grading")).to_have_count(0)

    page.get_by_role("link", name="Add a recommendation").click()
    assert_accessible(page)
    page.get_by_label("Recommendation", exact=True).fill("Train staff in the RIM.")
    page.get_by_label("Owner agency").select_option(label="Northshire Constabulary")
    fill_date(page, "Due date", "2030-03-31")
    page.get_by_role("button", name="Add recommendation").click()
    expect(
        page.locator(".govuk-notification-banner, .govuk-panel").first
    ).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, cast.contributor_x.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/audits/case-audits/")
    page.get_by_role("link", name="Domestic abuse").click()
    page.get_by_role("link", name="Record progress on recommendation 1").click()
    assert_accessible(page)
    page.get_by_label("Complete").check()
    page.get_by_role("button", name="Save progress").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Describe the evidence"
    )
    assert_accessible(page)
    page.get_by_label("In progress").check()
    page.get_by_label("Amber – slipping").check()
    page.get_by_role("button", name="Save progress").click()
    expect(page.get_by_role("table", name="Recommendations")).to_contain_text("Amber")
    assert_accessible(page)
