"""Training attendance in a browser: the business team finds a session held
without attendance recorded on the training home, records its counts by agency,
and sees the year's total on the training home and the agency's page change
(each page checked with axe)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.boards.factories import TEST_PASSWORD
from tests.training.factories import (
    AttendanceCountFactory,
    CourseFactory,
    SessionFactory,
)
from training.models import Level

pytestmark = pytest.mark.django_db(transaction=True)


def test_team_records_counts_and_the_year_total_and_agency_page_change(
    live_server, page, cast, sign_in, assert_accessible
):
    course = CourseFactory(
        board=cast.board,
        title="Neglect: the graded care profile",
        level=Level.INTERMEDIATE,
        runs_from=date(2016, 4, 1),
    )
    counted = SessionFactory(course=course, date=date(2016, 6, 8))
    AttendanceCountFactory(session=counted, agency=cast.agency_y, count=10)
    SessionFactory(course=course, date=date(2016, 11, 16), capacity=30)

    sign_in(page, cast.business_team.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/training/")
    expect(page.locator("#shown-year")).to_contain_text("Showing 2016-17")
    expect(page.locator("#year-total")).to_have_text(
        "10 multi-agency attendances in 2016-17."
    )
    assert_accessible(page)

    page.goto(f"{live_server.url}/boards/north/agencies/{cast.agency_x.pk}/")
    agency_part = page.locator("#agency-training")
    expect(agency_part).to_contain_text("Attendances 2016-17")
    expect(
        agency_part.locator(".govuk-summary-list__row").first.locator("dd")
    ).to_have_text("0")
    assert_accessible(page)

    page.goto(f"{live_server.url}/boards/north/training/")
    page.get_by_role(
        "link", name="Neglect: the graded care profile, 16 November 2016"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Session of 16 November 2016"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Record attendance counts").click()
    assert_accessible(page)

    page.get_by_label("Northshire Constabulary").fill("-3")
    page.get_by_role("button", name="Save counts").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Northshire Constabulary: a count cannot be negative."
    )
    assert_accessible(page)

    page.get_by_label("Northshire Constabulary").fill("12")
    page.get_by_role("button", name="Save counts").click()
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        "Attendance counts saved: 12 attended in all."
    )
    expect(page.locator("#session-attendance")).to_have_text("12 attended")
    expect(page.get_by_role("table", name="Attendance by agency")).to_contain_text(
        "Northshire Constabulary"
    )
    assert_accessible(page)

    page.goto(f"{live_server.url}/boards/north/training/")
    expect(page.locator("#year-total")).to_have_text(
        "22 multi-agency attendances in 2016-17."
    )
    expect(page.locator("#without-attendance ~ p").first).to_have_text(
        "Every session held has its attendance recorded."
    )
    assert_accessible(page)

    page.goto(f"{live_server.url}/boards/north/agencies/{cast.agency_x.pk}/")
    expect(
        page.locator("#agency-training .govuk-summary-list__row").first.locator("dd")
    ).to_have_text("12")
    assert_accessible(page)
