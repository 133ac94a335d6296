import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from boards.demo import DEMO_PASSWORD, demo_email, governance_meetings
from boards.models import Attendance, Board, MeetingAction

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")
    governance_meetings.load(Board.objects.get(slug="cumbria"))


def test_business_team_records_attendance_and_an_action_carried_to_the_next_log(
    demo, live_server, page, sign_in, assert_accessible, fill_date
):
    sign_in(page, demo_email("business.team"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/meetings/")
    assert_accessible(page)
    page.get_by_role("link", name="10 November 2016 board meeting").click()
    expect(
        page.get_by_role("heading", level=1, name="Board meeting, 10 November 2016")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record attendance").click()
    assert_accessible(page)
    police = "Charlie Example-Stone, Assistant Chief Constable (Police)"
    page.get_by_label(f"Deputy for {police}").fill("Detective Superintendent")
    page.get_by_label(f"Attendance of {police}").select_option("present")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text(
        "Only a member who sent apologies can send a deputy"
    )
    assert_accessible(page)
    page.get_by_label(f"Attendance of {police}").select_option("apologies")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance recorded for")).to_be_visible()
    attendance = page.get_by_role(
        "table", name="Attendance at the Board meeting, 10 November 2016"
    )
    expect(attendance).to_contain_text("Detective Superintendent")
    assert_accessible(page)

    page.get_by_role("link", name="Add an action arising").click()
    assert_accessible(page)
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Action", exact=True).fill(
        "Share the learning from the multi-agency audit with practitioners"
    )
    page.get_by_label("Owner", exact=True).select_option(label=police)
    fill_date(page, "Due by", "2017-01-12")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("Action added")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^Next meeting")).click()
    expect(
        page.get_by_role("heading", level=1, name="Board meeting, 12 January 2017")
    ).to_be_visible()
    log = page.get_by_role("table", name="Action log")
    row = log.get_by_role("row").filter(has_text="Share the learning")
    expect(row).to_contain_text("Assistant Chief Constable")
    expect(row).to_contain_text("12 Jan 2017")
    expect(row).to_contain_text("Open")
    assert_accessible(page)

    action = MeetingAction.objects.get(description__startswith="Share the learning")
    assert action.meeting.date.isoformat() == "2016-11-10"
    deputised = Attendance.objects.get(deputy="Detective Superintendent")
    assert deputised.status == "apologies"


def test_chair_reads_attendance_rates_and_records_a_members_induction(
    demo, live_server, page, sign_in, assert_accessible, fill_date
):
    sign_in(page, demo_email("chair"), DEMO_PASSWORD)
    page.goto(f"{live_server.url}/boards/cumbria/members/")
    assert_accessible(page)
    page.get_by_label("Reporting year").select_option(label="2016-17")
    page.get_by_role("button", name="Show attendance").click()
    members = page.get_by_role("table", name="Members and their attendance in 2016-17")
    chair_row = members.get_by_role("row").filter(has_text="Independent chair")
    expect(chair_row).to_contain_text("100%")
    expect(chair_row).to_contain_text("6 of 6")
    expect(page.get_by_role("table", name="Attendance by agency")).to_contain_text(
        "Cumbria Constabulary"
    )
    assert_accessible(page)

    members.get_by_role("link", name="Charlie Example-Stone").click()
    expect(
        page.get_by_role(
            "heading",
            level=1,
            name="Charlie Example-Stone, Assistant Chief Constable (Police)",
        )
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Change dates and induction").click()
    assert_accessible(page)
    fill_date(page, "Induction completed", "2016-06-01")
    fill_date(page, "Member to", "2015-01-01")
    fill_date(page, "Member from", "2016-04-01")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    fill_date(page, "Member to", "")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Member's details saved.")).to_be_visible()
    expect(page.get_by_text("1 June 2016")).to_be_visible()
    page.get_by_role("link", name="History").click()
    expect(
        page.get_by_role("table", name="Changes to the member's details")
    ).to_contain_text("Induction completed")
    assert_accessible(page)
