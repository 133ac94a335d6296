"""The pages' JavaScript and the API docs work under the Content-Security-Policy
(the autouse check in conftest fails any test whose page the policy refuses)."""

import pytest
from playwright.sync_api import expect

from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_govuk_frontend_starts_under_the_policy(
    live_server, page, cast, sign_in, assert_accessible
):
    response = page.goto(f"{live_server.url}/accounts/sign-in/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The body classes come from body-class.js, and initAll() ran (portal.js).
    body = page.locator("body")
    expect(body).to_have_class(
        "govuk-template__body js-enabled govuk-frontend-supported"
    )
    expect(page.locator("[data-module=govuk-button]").first).to_have_attribute(
        "data-govuk-button-init", ""
    )
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/risks/matrix/")
    expect(page.get_by_role("heading", name="Risk matrix")).to_be_visible()
    assert_accessible(page)


def test_api_docs_render_under_the_same_policy(live_server, page, cast, sign_in):
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    response = page.goto(f"{live_server.url}/api/v1/docs/")
    policy = response.headers["content-security-policy"]
    # A page of ours (lscb_portal/api_docs.py): no inline style to allow.
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    expect(page.get_by_role("heading", name="LSCB portal API")).to_be_visible()
    # The schema loaded: an operation of the API is listed.
    expect(page.get_by_text("/api/v1/meetings/").first).to_be_visible()


def test_member_makes_replaces_and_turns_off_a_calendar_address(
    live_server, page, cast, sign_in, assert_accessible
):
    sign_in(page, cast.board_member.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/calendar/")
    expect(page.get_by_text("You have no calendar address")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Make a calendar address").click()
    address = page.locator("code.portal-code")
    first = address.inner_text()
    assert first.endswith(".ics")
    assert_accessible(page)
    page.get_by_role("button", name="Make a new address").click()
    expect(page.get_by_text("any old one no longer works")).to_be_visible()
    assert address.inner_text() != first
    page.get_by_role("button", name="Turn off the address").click()
    expect(page.get_by_text("has been turned off")).to_be_visible()
    expect(address).to_have_count(0)
    assert_accessible(page)
