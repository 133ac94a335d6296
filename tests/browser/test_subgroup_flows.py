from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email
from boards.models import Board, Meeting, MeetingKind
from business_plan.models import ActionUpdate
from lscb_portal.periods import reporting_year_start
from subgroups.models import MeetingPaper, SubgroupReturn

pytestmark = pytest.mark.django_db(transaction=True)

PMQAG = "Performance Management and Quality Assurance Subgroup"


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")


@pytest.fixture
def meetings_ahead(demo):
    """The demo's meetings stop in March 2017: the board arranges its next ones."""
    board = Board.objects.get(slug="cumbria")
    today = timezone.localdate()
    for kind, days in ((MeetingKind.BUSINESS_GROUP, 14), (MeetingKind.BOARD, 28)):
        Meeting.objects.create(board=board, kind=kind, date=today + timedelta(days))


def test_business_team_enters_a_return_a_board_member_sees_it_received(
    meetings_ahead, live_server, page, sign_in, assert_accessible
):
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/subgroups/")
    assert_accessible(page)
    page.get_by_role("link", name=PMQAG).click()
    assert_accessible(page)
    page.get_by_role("link", name="Enter a return").click()
    assert_accessible(page)
    page.get_by_label("Which quarter is the return for?").select_option("2017-18 Q1")
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("What are the subgroup's highlights this period?").fill(
        "The refreshed quality assurance framework was signed off."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("What needs the board's attention?").fill(
        "Health data for the scorecard is late."
    )
    page.get_by_role("button", name="Save and continue").click()

    assert_accessible(page)
    page.get_by_label("RAG for action 2.1").select_option("A")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Narrative for action 2.1").fill("Sign-off moved to July.")
    page.get_by_label("RAG for action 2.2").select_option("C")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", name="Attachments")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Continue").click()
    expect(
        page.get_by_role("heading", name="Check your answers before submitting")
    ).to_be_visible()
    expect(page.get_by_text("Health data for the scorecard is late.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Submit the return").click()
    expect(page.get_by_text("submitted.")).to_be_visible()
    assert_accessible(page)

    submitted = SubgroupReturn.objects.get(period="2017-18 Q1")
    updates = ActionUpdate.objects.filter(subgroup_return=submitted)
    assert sorted((u.action.ref, u.rag) for u in updates) == [
        ("2.1", "A"),
        ("2.2", "C"),
    ]
    page.goto(f"{live_server.url}/boards/cumbria/plans/2016-19/actions/2.1/")
    expect(page.get_by_text("Sign-off moved to July.")).to_be_visible()

    papers = list(MeetingPaper.objects.filter(subgroup_return=submitted))
    assert len({p.meeting_id for p in papers}) == 1  # the next meeting it is due at
    paper = papers[0]
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, demo_email("board.member"), DEMO_PASSWORD)
    year = reporting_year_start(paper.meeting.date)
    page.goto(f"{live_server.url}/boards/cumbria/planner/?year={year}")
    assert_accessible(page)
    # The year's only papers are this return's: one "Received" for each.
    expect(
        page.locator(".portal-planner").get_by_text("Received", exact=True)
    ).to_have_count(len(papers))
    row = page.get_by_role("row").filter(has_text=paper.plan_item.what)
    expect(row.get_by_text("Received").first).to_be_visible()
    page.get_by_role(
        "link", name=paper.meeting.date.strftime("%-d %b %Y")
    ).first.click()
    expect(page.get_by_role("link", name=str(submitted)).first).to_be_visible()
    assert_accessible(page)
