"""The API documentation at /api/v1/docs/, signed in: no serious or critical axe
violation, under the page's own Content-Security-Policy (conftest checks it)."""

import pytest
from playwright.sync_api import expect

from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_api_docs_are_accessible(live_server, page, cast, sign_in, assert_accessible):
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.get_by_role("heading", name="LSCB portal API")).to_be_visible()
    expect(page.get_by_text("/api/v1/meetings/").first).to_be_visible()
    assert_accessible(page)
