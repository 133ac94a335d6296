import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email

pytestmark = pytest.mark.django_db(transaction=True)

# CS2.3, children on a child protection plan per 10,000: the five-year series
# printed in the annual report 2016-17, newest first as the values table lists it.
CS2_3_YEAR_ENDS = [
    ("31 Mar 2017", "56.6"),
    ("31 Mar 2016", "44.6"),
    ("31 Mar 2015", "34.6"),
    ("31 Mar 2014", "62.5"),
    ("31 Mar 2013", "36.1"),
]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def test_board_member_filters_the_scorecard_to_red_and_reads_a_series(
    demo, live_server, page, sign_in, assert_accessible
):
    sign_in(page, demo_email("board.member"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/")
    page.get_by_role("link", name="Indicators", exact=True).first.click()
    expect(page.get_by_role("heading", level=1, name="Indicators")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="LSCB performance report").click()
    expect(
        page.get_by_role("heading", level=1, name="LSCB performance report")
    ).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(
        "48 indicators at 31 March 2017. 6 RAGs recorded by the board rather than "
        "computed (marked “recorded”)."
    )
    assert_accessible(page)

    page.get_by_label("RAG", exact=True).select_option(label="Red")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("status")).to_have_text("11 indicators at 31 March 2017.")
    rows = page.locator(".portal-scorecard tbody tr")
    expect(rows).to_have_count(11)
    expect(rows.locator(".govuk-tag")).to_have_text(["Red"] * 11)
    assert_accessible(page)

    page.get_by_role("link", name="CS2.3", exact=True).click()
    expect(
        page.get_by_role("heading", level=1, name="Number/rate of children")
    ).to_be_visible()
    chart = page.locator("svg.portal-chart")
    expect(chart).to_have_count(1)
    expect(chart.locator("title").first).to_contain_text(
        "5 values from 36.1 (Mar 2013) to 56.6 (Mar 2017); target 40"
    )
    values = page.locator("#values tbody tr")
    expect(values).to_have_count(len(CS2_3_YEAR_ENDS))
    for row, (period, value) in zip(values.all(), CS2_3_YEAR_ENDS, strict=True):
        expect(row.locator("th")).to_contain_text(period)
        expect(row.locator("td").first).to_have_text(value)
    expect(values.first.locator(".govuk-tag")).to_have_text("Red")
    assert_accessible(page)
