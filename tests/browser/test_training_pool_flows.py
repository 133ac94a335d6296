"""The business team in a browser: imports e-learning returns, refused for a bad
row named in the error summary and nothing saved, then imported and shown by
department beside the reported totals and their difference; the trainer pool
and the providers pages read as they should (each page checked with axe)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.boards.factories import TEST_PASSWORD
from tests.training.factories import ElearningYearFactory, TrainerFactory
from training.models import ElearningReturn, Endorsement, Provider

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "department,agency,allocated,passed"


def csv_payload(*lines):
    return {
        "name": "returns.csv",
        "mimeType": "text/csv",
        "buffer": "\n".join(lines).encode(),
    }


def test_team_imports_elearning_returns_and_reads_the_pool(
    live_server, page, cast, sign_in, assert_accessible
):
    ElearningYearFactory(
        board=cast.board, year=2016, reported_allocated=60, reported_passed=50
    )
    TrainerFactory(board=cast.board, agency=cast.agency_x, name="Pat Example")
    today = timezone.localdate()
    Provider.objects.create(
        board=cast.board,
        name="Soon Training Ltd",
        self_assessment_received_on=today - timedelta(days=400),
        decision=Endorsement.ENDORSED,
        decided_on=today - timedelta(days=300),
        expires_on=today + timedelta(days=10),
    )
    base = f"{live_server.url}/boards/north/training/"
    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(base + "e-learning/")
    expect(page.get_by_role("heading", level=1)).to_have_text("E-learning 2016-17")
    assert_accessible(page)
    page.get_by_role("link", name="Import returns").click()
    expect(page.get_by_role("table", name="The file's columns")).to_contain_text(
        "allocated"
    )
    assert_accessible(page)

    page.get_by_label("Membership year").select_option("2016")
    page.get_by_label("Upload a CSV or XLSX file").set_input_files(
        csv_payload(HEADER, "Children's Services,,40,30", "Schools,,20,21")
    )
    page.get_by_role("button", name="Import").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Row 3: 21 passed is more than the 20 allocated.")
    expect(summary).to_contain_text("Nothing was imported")
    assert_accessible(page)
    assert not ElearningReturn.objects.exists()

    page.get_by_label("Upload a CSV or XLSX file").set_input_files(
        csv_payload(HEADER, "Children's Services,,40,30", "Schools,,20,19")
    )
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("2 departments added")).to_be_visible()
    departments = page.get_by_role("table", name="E-learning by department, 2016-17")
    expect(departments).to_contain_text("Children's Services")
    expect(
        page.get_by_text("give the same number allocated and 1 more passed")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Trainer pool").click()
    expect(page.get_by_role("table", name="Trainers in the pool")).to_contain_text(
        "Pat Example"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Endorsed providers").click()
    expect(
        page.get_by_role("table", name="Endorsed external providers")
    ).to_contain_text("Review due")
    assert_accessible(page)
