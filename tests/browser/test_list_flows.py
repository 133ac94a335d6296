"""The shared list component in a browser: sorting from the keyboard, filtering
that keeps the order, and a CSV download holding exactly the rows on the page."""

import csv
from datetime import date

import pytest
from playwright.sync_api import expect

from boards.models import Membership
from boards.services.challenges import challenge_raise
from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def words(text: str) -> str:
    return " ".join(text.split())


def test_challenge_log_sorts_filters_and_exports_what_it_shows(
    live_server, page, cast, sign_in, assert_accessible
):
    seat = Membership.objects.get(board=cast.board, user=cast.board_member)
    for n, (agency, on) in enumerate(
        [
            (cast.agency_y, date(2016, 5, 1)),
            (cast.agency_x, date(2016, 6, 1)),
            (cast.agency_y, date(2016, 7, 1)),
            (cast.agency_x, date(2016, 8, 1)),
        ]
    ):
        challenge_raise(
            board=cast.board,
            raised_by=seat,
            agency_challenged=agency,
            subject=f"=Challenge {n}" if n == 0 else f"Challenge {n}",
            date=on,
            user=cast.business_team,
        )
    sign_in(page, cast.board_member.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/challenges/")
    assert_accessible(page)

    # Sort by the agency challenged from the keyboard: the header is a link.
    sort_link = page.get_by_role("link", name="Agency challenged", exact=True)
    sort_link.focus()
    page.keyboard.press("Enter")
    header = page.locator("th[aria-sort]")
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(header).to_contain_text("Agency challenged")
    assert_accessible(page)

    # A filter keeps the order.
    page.get_by_label("Reporting year").select_option("2016-17")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("th[aria-sort]")).to_have_attribute("aria-sort", "ascending")
    assert "sort=agency" in page.url
    assert_accessible(page)

    shown = [
        [words(cell.inner_text()) for cell in row.locator("th, td").all()]
        for row in page.get_by_role("region", name="Challenges logged")
        .locator("tbody tr")
        .all()
    ]
    assert len(shown) == 4
    agencies = [row[3] for row in shown]
    assert agencies == sorted(agencies)

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    download = info.value
    assert download.suggested_filename == "north-challenge-log.csv"
    with open(download.path(), encoding="utf-8-sig", newline="") as file:
        exported = list(csv.reader(file))
    assert exported[0] == [
        "Date",
        "Challenge",
        "Raised by",
        "Agency challenged",
        "Status",
    ]
    expected = [
        ["'" + cell if cell.startswith("=") else cell for cell in row] for row in shown
    ]
    assert [[words(cell) for cell in row] for row in exported[1:]] == expected
    assert any(row[1] == "'=Challenge 0" for row in exported)
