"""The business team takes a serious incident from its notification through the
rapid review to a published local child safeguarding practice review; a board
member then finds it among the published reviews and reads its lesson on the
learning page. Each page is axe clean."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email
from reviews.models import CaseReview, ReviewType, Stage

pytestmark = pytest.mark.django_db(transaction=True)

LESSON = "Share the rapid review's chronology with every agency within a week."


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


def summary_row(page, key):
    """The summary list's row whose key is `key`."""
    return page.locator(".govuk-summary-list__row").filter(
        has=page.locator("dt").get_by_text(key, exact=True)
    )


def stage_is(page, text):
    expect(summary_row(page, "Stage").locator(".govuk-tag")).to_have_text(text)


def test_business_team_takes_a_rapid_review_to_a_published_lcspr(
    demo, live_server, page, sign_in, assert_accessible, fill_date
):
    reviews = f"{live_server.url}/boards/cumbria/reviews/"
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.goto(reviews)
    expect(page.get_by_role("heading", level=1, name="Case reviews")).to_be_visible()
    assert_accessible(page)

    # A rapid review, referred on the day the local authority became aware.
    page.get_by_role("button", name="Record a review").click()
    expect(page.get_by_role("heading", level=1, name="Record a review")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Child reference").fill("Child Z")
    page.get_by_label("Rapid review", exact=True).check()
    fill_date(page, "Referred to the Case Review Group", "2025-03-03")
    fill_date(page, "Date the local authority became aware", "2025-03-03")
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_role("heading", level=1, name="Child Z")).to_be_visible()
    expect(page.get_by_text("Child Z recorded.")).to_be_visible()
    stage_is(page, "Referred to the Case Review Group")
    assert_accessible(page)

    # The notification to the national panel, within 5 working days.
    page.get_by_role("link", name="Record the notification").click()
    assert_accessible(page)
    fill_date(page, "Date the national panel was notified", "2025-03-05")
    page.get_by_role("button", name="Save the notification").click()
    expect(page.get_by_text("Notification of Child Z saved.")).to_be_visible()
    notified = summary_row(page, "National panel notified")
    expect(notified).to_contain_text("5 March 2025 (due 10 March 2025)")
    expect(notified.locator(".govuk-tag")).to_have_count(0)  # not late

    # The rapid review decides to commission an LCSPR: the review becomes one.
    page.get_by_role("link", name="Record the rapid review").click()
    assert_accessible(page)
    fill_date(page, "Date the rapid review went to the panel", "2025-03-20")
    page.get_by_label("Commission a local child safeguarding practice review").check()
    page.get_by_label("The national panel's response").fill("The panel agrees.")
    page.get_by_role("button", name="Save the rapid review").click()
    expect(page.get_by_text("Rapid review of Child Z saved.")).to_be_visible()
    expect(page.locator(".govuk-caption-xl")).to_have_text(
        "Local child safeguarding practice review"
    )
    stage_is(page, "Decision made")
    lifecycle = page.locator("#lifecycle")
    expect(lifecycle).to_contain_text(
        "Re-categorised: Rapid review → Local child safeguarding practice review"
    )
    assert_accessible(page)

    def next_stage(label, on, **fields):
        page.get_by_role("link", name="Record the next stage").click()
        expect(
            page.get_by_role("heading", level=1, name="Record the next stage")
        ).to_be_visible()
        assert_accessible(page)
        page.get_by_label(label, exact=True).check()
        for field, value in fields.items():
            page.get_by_label(field).fill(value)
        fill_date(page, "Date of this step", on)
        page.get_by_role("button", name="Save the stage").click()
        stage_is(page, label)

    next_stage("Commissioned", "2025-04-01", **{"Independent reviewer": "A Reviewer"})
    next_stage("In progress", "2025-04-15")
    next_stage("Draft received", "2025-10-01")
    next_stage(
        "Published",
        "2025-11-03",
        **{"Link to the published report": "https://example.org/child-z"},
    )
    expect(summary_row(page, "Published")).to_contain_text("3 November 2025")
    expect(page.get_by_role("link", name="the published report")).to_have_attribute(
        "href", "https://example.org/child-z"
    )
    assert_accessible(page)
    review = CaseReview.objects.get(child_reference="Child Z")
    assert (review.review_type, review.stage) == (ReviewType.LCSPR, Stage.PUBLISHED)
    assert review.reviewer == "A Reviewer"

    # Its lesson, tagged with a theme, and a step taken to spread it.
    page.get_by_role("link", name="Add a lesson").click()
    assert_accessible(page)
    page.get_by_label("The lesson").fill(LESSON)
    page.get_by_label("Information sharing").check()
    page.get_by_role("button", name="Add lesson").click()
    expect(page.locator("#lessons ~ *").get_by_text(LESSON)).to_be_visible()
    page.get_by_role("link", name="Record a dissemination step").click()
    assert_accessible(page)
    page.get_by_label("Newsletter published").check()
    fill_date(page, "Date done", "2025-11-10")
    page.get_by_role("button", name="Record step").click()
    expect(page.locator("#dissemination ~ *").first).to_be_visible()
    assert review.dissemination.filter(kind="newsletter").exists()

    # A board member sees it among the published reviews.
    page.context.clear_cookies()
    sign_in(page, demo_email("board.member"), DEMO_PASSWORD)
    page.goto(reviews)
    expect(
        page.get_by_role("heading", level=2, name="Published reviews")
    ).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Child Z")
    expect(row).to_contain_text("Local child safeguarding practice review")
    expect(row).to_contain_text("3 Nov 2025")
    expect(page.get_by_role("button", name="Record a review")).to_have_count(0)
    assert_accessible(page)

    # ... and reads its lesson on the learning page, under its theme.
    page.goto(f"{reviews}learning/")
    expect(
        page.get_by_role("heading", level=1, name="What our reviews teach")
    ).to_be_visible()
    theme = page.locator("section").filter(
        has=page.get_by_role("heading", level=2, name="Information sharing")
    )
    expect(theme.get_by_text(LESSON)).to_be_visible()
    assert_accessible(page)
