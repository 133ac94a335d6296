"""The business team changes the foreword; the chair sees it awaiting approval,
compares it with the approved version and approves it; the report shows it."""

import pytest
from playwright.sync_api import expect

from reports.models import NarrativeApproval
from reports.narrative import narrative_approve, narrative_save
from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

EDITION = "/boards/north/annual-report/2016-17/"


@pytest.fixture
def approved_foreword(cast):
    narrative_save(
        board=cast.board,
        year=2016,
        version=0,
        changes={"foreword": "The old foreword.", "achievements": "- Old success"},
        user=cast.business_team,
    )
    narrative_approve(board=cast.board, year=2016, version=1, user=cast.chair)


def test_foreword_is_changed_approved_and_published(
    live_server, page, cast, approved_foreword, sign_in, assert_accessible
):
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(live_server.url + EDITION)
    expect(page.get_by_text("The old foreword.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Write and approve the narrative").click()
    expect(
        page.get_by_role("heading", level=1, name="Narrative of the annual report")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change the narrative").click()
    assert_accessible(page)
    page.get_by_label("Foreword from the Chair").fill(
        "A new foreword.\n\n- First point\n- Second point"
    )
    page.get_by_role("button", name="Save the narrative").click()
    expect(page.get_by_text("The narrative is saved.")).to_be_visible()
    expect(
        page.get_by_text("Changes since the approved version are not yet approved")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("cell", name=str(cast.business_team)).first).to_be_visible()
    assert_accessible(page)

    # The published edition still shows the approved words; the draft the new.
    page.goto(live_server.url + EDITION)
    expect(page.get_by_text("The old foreword.")).to_be_visible()
    page.get_by_role("link", name="Read the draft").click()
    expect(page.get_by_text("Draft — not approved")).to_be_visible()
    expect(page.get_by_text("A new foreword.")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, cast.chair.email, TEST_PASSWORD)
    page.goto(live_server.url + EDITION + "narrative/")
    expect(
        page.get_by_text("Changes since the approved version are not yet approved")
    ).to_be_visible()
    expect(page.get_by_text("Changed since approval")).to_be_visible()
    page.get_by_role("link", name="Compare with the approved version").click()
    expect(page.get_by_text("The old foreword.")).to_be_visible()
    expect(page.get_by_text("A new foreword.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Approve this version").click()
    expect(page.get_by_text("Version 2 is approved")).to_be_visible()
    expect(page.get_by_text(f"Approved version 2 by {cast.chair}")).to_be_visible()
    assert_accessible(page)
    assert (
        NarrativeApproval.objects.latest()
        .texts["foreword"]
        .startswith("A new foreword.")
    )

    page.get_by_role("link", name="Back to the annual report").click()
    expect(page.get_by_text("A new foreword.")).to_be_visible()
    expect(page.get_by_text("Second point")).to_be_visible()
    expect(page.get_by_text("The old foreword.")).to_have_count(0)
    assert_accessible(page)
