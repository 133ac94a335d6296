"""The staff survey in a browser: the business team records the survey, imports
the survey tool's export (a bad file first: its row errors, nothing saved), and
reads each question's table and bar chart; a board member reads the same (each
page checked with axe)."""

import pytest
from playwright.sync_api import expect

from audits.models import SurveyQuestion
from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

EXPORT = (
    "question_number,question,answer,responses\n"
    "Q20,Are the outcomes clear in the plans you see?,Outcomes are always clear,48\n"
    ",,Sometimes clear,152\n,,Rarely clear,11\n,,Not applicable to my role,39\n"
    ",,Answered,250\n,,Skipped,118\n"
    "Q21,Are children and young people involved?,Yes,126\n,,No,51\n"
    ",,Not applicable to my role,73\n,,Answered,250\n,,Skipped,118\n"
)


def upload(page, text):
    page.get_by_label("CSV or XLSX file").set_input_files(
        {"name": "export.csv", "mimeType": "text/csv", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Import").click()


def test_team_imports_the_export_and_everyone_reads_the_results(
    live_server, page, cast, sign_in, assert_accessible, fill_date
):
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/audits/")
    page.get_by_role("link", name="Staff surveys").click()
    assert_accessible(page)
    page.get_by_role("link", name="Record a staff survey").click()
    assert_accessible(page)
    page.get_by_label("Year it ran").fill("2016")
    fill_date(page, "Ran from", "2016-06-17")
    fill_date(page, "Ran to", "2016-07-22")
    page.get_by_label("Number of staff who responded").fill("368")
    page.get_by_role("button", name="Record survey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff survey 2016")
    assert_accessible(page)

    page.get_by_role("link", name="Import the survey tool's export").click()
    assert_accessible(page)
    upload(
        page,
        EXPORT.replace(
            "Answered,250\n,,Skipped,118\nQ21", "Answered,258\n,,Skipped,118\nQ21"
        ),
    )
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Row 2 (Q20): The options' counts add up to 250")
    expect(summary).to_contain_text("Nothing was imported")
    assert_accessible(page)
    assert not SurveyQuestion.objects.exists()

    upload(page, EXPORT)
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "2 questions imported"
    )
    table = page.get_by_role(
        "table", name="Answers to Q20 Are the outcomes clear in the plans you see?"
    )
    expect(table.get_by_role("row", name="Sometimes clear")).to_contain_text("60.80%")
    chart = page.get_by_role("img", name="Answers to “Q20 Are the outcomes clear")
    expect(chart).to_have_count(1)
    expect(page.get_by_role("img")).to_have_count(2)
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(page, cast.lay_member.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/audits/staff-surveys/2016/")
    # The chart's text alternative gives every answer's share and count.
    expect(
        page.get_by_role("img", name="Yes 50.40% (126); No 20.40% (51)")
    ).to_be_visible()
    manage = page.get_by_role("link", name="Import the survey tool's export")
    expect(manage).to_have_count(0)
    assert_accessible(page)
