"""The business team reads who viewed a confidential agenda item."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email
from boards.models import AgendaItem, Board, RecordView

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def secret(settings):
    settings.DEBUG = True
    call_command("load_demo")
    meeting = Board.objects.get(slug="cumbria").meetings.order_by("date").first()
    return AgendaItem.objects.create(
        meeting=meeting,
        order=99,
        title="Allegation against a professional",
        confidential=True,
        minutes="Discussed the referral.",
    )


def test_business_team_reads_and_filters_the_view_log(
    secret, live_server, page, sign_in, assert_accessible, fill_date
):
    meeting_url = f"{live_server.url}/boards/cumbria/meetings/{secret.meeting_id}/"
    sign_in(page, demo_email("chair"), DEMO_PASSWORD)
    page.goto(meeting_url)
    expect(
        page.get_by_role("heading", name="99. Allegation against a professional")
    ).to_be_visible()
    assert RecordView.objects.filter(record_id=secret.pk).count() == 1
    chair = RecordView.objects.get().user

    page.context.clear_cookies()
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/")
    page.get_by_role("link", name="Views of restricted records").click()
    expect(
        page.get_by_role("heading", level=1, name="Views of restricted records")
    ).to_be_visible()
    assert_accessible(page)
    table = page.get_by_role("table", name="Views of restricted records")
    row = table.get_by_role("row").filter(has_text="Allegation against a professional")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(str(chair))
    expect(row).to_contain_text("Agenda item")
    expect(row).to_contain_text(f"/boards/cumbria/meetings/{secret.meeting_id}/")

    page.get_by_label("Viewed by").select_option(label=str(chair))
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("status")).to_have_text("1 view found.")
    assert_accessible(page)

    fill_date(page, "Viewed on or after", "2000-01-01")
    fill_date(page, "Viewed on or before", "2000-01-02")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("status")).to_have_text("0 views found.")
    expect(page.get_by_text("No views match these filters.")).to_be_visible()
    assert_accessible(page)
