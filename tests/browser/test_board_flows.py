from datetime import date

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email
from boards.models import Board, Inspection
from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_demo_chair_signs_in_and_reaches_the_board_home(
    live_server, page, settings, sign_in, assert_accessible
):
    settings.DEBUG = True
    call_command("load_demo")
    page.goto(live_server.url)
    assert_accessible(page)
    page.get_by_role("link", name="Sign in").first.click()
    assert_accessible(page)
    sign_in(page, demo_email("chair"), DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="Your boards")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Cumbria Local Safeguarding Children Board").click()
    expect(
        page.get_by_role("heading", level=1, name="Cumbria Local Safeguarding")
    ).to_be_visible()
    # The members directory is its own page, linked from the home.
    page.get_by_role("link", name="The members directory").click()
    expect(page.get_by_role("link", name="Charlie Example-Stone")).to_be_visible()
    # GOV.UK Frontend is built and served: headings are styled, in a system font.
    heading = page.locator("h1")
    assert heading.evaluate("h => getComputedStyle(h).fontWeight") == "700"
    assert "system-ui" in heading.evaluate("h => getComputedStyle(h).fontFamily")
    assert_accessible(page)


def test_business_team_edits_board_details_and_sees_history(
    live_server, page, cast, sign_in, assert_accessible
):
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/")
    page.get_by_role("link", name="Change the board's details").click()
    assert_accessible(page)

    page.get_by_label("Board name").fill("")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Board name").fill("Northshire LSCB")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Board details saved.")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name="Northshire LSCB")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="History").click()
    expect(page.get_by_text(str(cast.business_team))).to_be_visible()
    assert_accessible(page)
    assert Board.objects.get(slug="north").name == "Northshire LSCB"


def test_failed_sign_in_and_error_pages_are_accessible(
    live_server, page, cast, sign_in, assert_accessible
):
    sign_in(page, cast.lay_member.email, "wrong password")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    sign_in(page, cast.lay_member.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/south/")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{live_server.url}/boards/north/edit/")
    expect(page.get_by_role("heading", name="You cannot do this")).to_be_visible()
    assert_accessible(page)


def test_the_accessibility_check_catches_a_violation(page):
    # Guards the guard: a page with an unlabelled form field must fail axe.
    page.set_content(
        "<html lang='en'><head><title>t</title></head>"
        "<body><main><input type='text'></main></body></html>"
    )
    from tests.browser.conftest import axe_violations

    assert any(line.startswith("label ") for line in axe_violations(page))


def test_business_team_records_what_the_inspectors_found(
    live_server, page, cast, sign_in, assert_accessible
):
    inspection = Inspection.objects.create(
        board=cast.board,
        body="Ofsted",
        title="Review of the LSCB",
        start_date=date(2015, 3, 3),
    )
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/inspections/{inspection.pk}/")
    expect(page.get_by_text("No strengths or areas for improvement")).to_be_visible()
    page.get_by_role("link", name="Add what the inspectors found").click()
    assert_accessible(page)

    page.get_by_role("button", name="Add finding").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Area for improvement").check()
    page.get_by_label("Finding").fill("Respond better to children at risk of CSE")
    page.get_by_role("button", name="Add finding").click()
    expect(page.get_by_text("Finding added.")).to_be_visible()
    expect(page.get_by_role("heading", name="Areas for improvement")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change area for improvement").click()
    page.get_by_label("Strength", exact=True).check()
    page.get_by_label("Finding").fill("Strong challenge of partners")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="Strengths")).to_be_visible()
    finding = page.get_by_role("listitem").filter(has_text="Strong challenge")
    expect(finding).to_be_visible()

    page.get_by_role("link", name="Remove strength").click()
    assert_accessible(page)
    page.get_by_role("button", name="Remove finding").click()
    expect(page.get_by_text("Finding removed.")).to_be_visible()
    expect(page.get_by_text("No strengths or areas for improvement")).to_be_visible()
    assert not inspection.findings.exists()
