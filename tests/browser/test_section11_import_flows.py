"""The business team imports a Section 11 survey export in a browser: a file with
one bad row is refused, naming the row in the error summary, and nothing is saved;
the corrected file imports, and its submissions are listed (each page checked with
axe)."""

import pytest
from playwright.sync_api import expect

from audits.models import Submission
from tests.audits.factories import cycle_with
from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "organisation,sector,1.1,1.2,2.1,2.2,evidence 1.1,submitted"
GOOD = (
    "Ash Primary School,School,Fully met,Fully met,Not met,Fully met,Policy,2017-01-10"
)
BAD = "Elm Medical Practice,GP practice,Fully met,Mostly,Fully met,na,,10/01/2017"
FIXED = BAD.replace("Mostly", "Partially met")


def csv_payload(*lines):
    return {
        "name": "survey.csv",
        "mimeType": "text/csv",
        "buffer": "\n".join(lines).encode(),
    }


def test_team_imports_a_survey_export_after_fixing_a_bad_row(
    live_server, page, cast, sign_in, assert_accessible
):
    cycle_with(cast.board, year=2016)
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/audits/section-11/2016/submissions/")
    assert_accessible(page)
    page.get_by_role("button", name="Import a survey export").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a survey export")
    expect(page.get_by_role("table", name="The file's columns")).to_contain_text(
        "evidence 1.1"
    )
    assert_accessible(page)

    page.get_by_label("Upload a CSV or XLSX file").set_input_files(
        csv_payload(HEADER, GOOD, BAD)
    )
    page.get_by_role("button", name="Import").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(
        "Row 3: question 1.2: “Mostly” is not a rating: choose fully met, "
        "partially met, not met or not applicable."
    )
    expect(summary).to_contain_text("Nothing was imported")
    assert_accessible(page)
    assert not Submission.objects.exists()

    page.get_by_label("Upload a CSV or XLSX file").set_input_files(
        csv_payload(HEADER, GOOD, FIXED)
    )
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("2 submissions imported.")).to_be_visible()
    submissions = page.get_by_role(
        "table", name="Submissions to the Section 11 audit 2016-17"
    )
    expect(submissions).to_contain_text("Ash Primary School")
    expect(submissions).to_contain_text("Elm Medical Practice")
    expect(submissions).to_contain_text("GP practice")
    assert_accessible(page)
