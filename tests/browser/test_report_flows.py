from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email
from boards.models import Meeting
from reports.models import ReportRun, RunStatus, checksum_of

pytestmark = [
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def demo(settings, tmp_path):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo")


def test_chair_exports_and_downloads_the_annual_report(
    demo, live_server, page, sign_in, assert_accessible
):
    sign_in(page, demo_email("chair"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/reports/")
    expect(page.get_by_role("heading", name="Reports")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Export annual report").click()
    expect(page.get_by_role("heading", name="Export the annual report")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Reporting year").select_option("2016-17")
    page.get_by_role("button", name="Export").click()

    # Tasks run eagerly in the tests: the run has finished by the time the
    # status page loads; in production the page reloads itself until it has.
    expect(page.get_by_role("heading", name="Annual report 2016-17")).to_be_visible()
    expect(page.get_by_text("Ready", exact=True).first).to_be_visible(timeout=30_000)
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name="Download the annual report 2016-17 (PDF)"
        ).click()
    download = download_info.value
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    run = ReportRun.objects.get()
    assert run.status == RunStatus.SUCCEEDED
    assert checksum_of(data) == run.checksum
    assert download.suggested_filename.endswith(".pdf")

    page.get_by_role("link", name="Back to reports").click()
    expect(
        page.get_by_role("link", name="Annual report 2016-17", exact=True)
    ).to_be_visible()
    assert_accessible(page)


def test_business_team_exports_and_downloads_a_meeting_pack(
    demo, live_server, page, sign_in, assert_accessible
):
    meeting = Meeting.objects.get(kind="board", date=date(2017, 3, 9))
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/reports/")
    expect(page.get_by_role("heading", name="Reports")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Export meeting pack").click()
    expect(page.get_by_role("heading", name="Export a meeting pack")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Meeting").select_option(label="Board meeting, 9 March 2017")
    page.get_by_role("button", name="Export").click()

    label = "Meeting pack: Board meeting 9 March 2017"
    expect(page.get_by_role("heading", name=label)).to_be_visible()
    expect(page.get_by_text("Ready", exact=True).first).to_be_visible(timeout=60_000)
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name="Download the meeting pack: Board meeting 9 March 2017 (PDF)"
        ).click()
    download = download_info.value
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    run = ReportRun.objects.get()
    assert (run.kind, run.params) == ("meeting_pack", {"meeting": meeting.pk})
    assert run.status == RunStatus.SUCCEEDED
    assert checksum_of(data) == run.checksum
    assert download.suggested_filename == (
        "cumbria-meeting-pack-board-meeting-9-march-2017.pdf"
    )

    page.get_by_role("link", name="Back to reports").click()
    expect(page.get_by_role("link", name=label, exact=True)).to_be_visible()
    assert_accessible(page)
