"""A review's action plan and learning in a browser: the owning agency's
contributor finds its item in the list and records progress, and a board member
reads the lesson by theme on the learning page with the item's RAG in words
(each page checked with axe)."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.boards.factories import TEST_PASSWORD
from tests.reviews.factories import (
    ActionItemFactory,
    LearningThemeFactory,
    LessonFactory,
    PublishedReviewFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_contributor_records_progress_and_a_board_member_reads_the_learning(
    live_server, page, cast, sign_in, assert_accessible
):
    review = PublishedReviewFactory(board=cast.board, child_reference="Child N")
    theme = LearningThemeFactory(board=cast.board, name="Neglect")
    lesson = LessonFactory(
        review=review, number=1, text="Neglect was seen but not named.", themes=[theme]
    )
    item = ActionItemFactory(
        review=review,
        number=1,
        action="Police refresh neglect training.",
        owner_agency=cast.agency_x,
        due_date=date(2030, 3, 31),
    )
    item.lessons.set([lesson])

    sign_in(page, cast.contributor_x.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/reviews/actions/")
    expect(
        page.get_by_role("heading", level=1, name="Review action plans")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Record progress on Child N action 1").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Progress on action 1")
    assert_accessible(page)
    page.get_by_label("In progress").check()
    page.get_by_label("Complete", exact=True).last.check()  # the RAG: no evidence
    page.get_by_role("button", name="Record progress").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "An item rated Complete has the status complete."
    )
    assert_accessible(page)
    page.get_by_label("Green – on track").check()
    page.get_by_label("Narrative").fill("Training booked for every team.")
    page.get_by_role("button", name="Record progress").click()
    expect(page.get_by_role("table", name="Updates, newest first")).to_contain_text(
        "Training booked for every team."
    )

    page.context.clear_cookies()
    sign_in(page, cast.board_member.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/boards/north/reviews/learning/")
    expect(
        page.get_by_role("heading", level=1, name="What our reviews teach")
    ).to_be_visible()
    section = page.get_by_role("region", name="Neglect")
    expect(section).to_contain_text("Neglect was seen but not named.")
    expect(section).to_contain_text("Police refresh neglect training.")
    expect(section).to_contain_text("Green")
    assert_accessible(page)
    page.get_by_role("link", name="All the lessons of Child N").click()
    expect(
        page.get_by_role("heading", level=1, name="Lessons of Child N")
    ).to_be_visible()
    assert_accessible(page)
