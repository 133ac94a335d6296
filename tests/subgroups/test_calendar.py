"""The personal .ics feed of a board's meetings and paper deadlines."""

import re
from datetime import time, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from boards.models import MeetingKind
from subgroups.models import CalendarFeed
from subgroups.planner import paper_deadline

from .factories import MeetingFactory, PlanItemFactory

CALENDAR_PAGE = "/boards/north/calendar/"


@pytest.fixture
def diary(cast, subgroup):
    """In the coming weeks: a Business Group, a board meeting at 10:00 and a
    development day; a report due at every board meeting, one at every Business
    Group and one for PMQAG (never due here)."""
    today = timezone.localdate()
    MeetingFactory(
        board=cast.board, kind=MeetingKind.BUSINESS_GROUP, date=today + timedelta(10)
    )
    MeetingFactory(
        board=cast.board,
        date=today + timedelta(30),
        starts_at=time(10, 0),
        location="Carlisle",
    )
    MeetingFactory(
        board=cast.board, kind=MeetingKind.DEVELOPMENT_DAY, date=today + timedelta(50)
    )
    PlanItemFactory(board=cast.board, subgroup=subgroup, what="Quality report")
    PlanItemFactory(board=cast.board, destination="business_group", what="Budget")
    PlanItemFactory(board=cast.board, destination="pmqag", what="Audit findings")
    MeetingFactory(board=cast.other_board, date=today + timedelta(30))
    return cast.board


def feed_url(client):
    page = client.get(CALENDAR_PAGE).content.decode()
    return re.search(r"http://testserver(/calendar/[\w-]+\.ics)", page)[1]


@pytest.fixture
def feed(cast, as_user):
    """The board member's feed address, as the calendar page shows it."""
    return feed_url(as_user(cast.board_member))


def events(body):
    return list(Calendar.from_ical(body).walk("VEVENT"))


def test_calendar_page_shows_the_members_feed_address(cast, feed):
    token = CalendarFeed.objects.get(user=cast.board_member, board=cast.board).token
    assert feed == f"/calendar/{token}.ics"


def test_feed_is_read_without_signing_in(diary, feed):
    response = Client().get(feed)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")


def test_feed_has_each_meeting_and_each_due_reports_deadline(diary, feed):
    summaries = sorted(str(e["SUMMARY"]) for e in events(Client().get(feed).content))
    name = diary.name
    assert summaries == [
        f"{name}: Board meeting",
        f"{name}: Business Group",
        f"{name}: Development day",
        "Paper deadline: Budget (Due)",
        "Paper deadline: Quality report (Due)",
    ]


def test_feed_events_have_unique_uids(diary, feed):
    uids = [str(e["UID"]) for e in events(Client().get(feed).content)]
    assert len(uids) == len(set(uids)) == 5


def test_feed_defines_each_time_zone_it_uses(diary, feed):
    """RFC 5545 3.2.19: a VTIMEZONE for every TZID, or Outlook cannot place the
    10:00 board meeting."""
    calendar = Calendar.from_ical(Client().get(feed).content)
    used = {
        event["DTSTART"].params["TZID"]
        for event in calendar.walk("VEVENT")
        if "TZID" in event["DTSTART"].params
    }
    assert used == {"Europe/London"}
    defined = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    assert used <= defined


def test_deadline_event_falls_on_the_paper_deadline(diary, feed):
    board_meeting = diary.meetings.get(kind=MeetingKind.BOARD)
    (deadline,) = [
        e
        for e in events(Client().get(feed).content)
        if str(e["SUMMARY"]).startswith("Paper deadline: Quality")
    ]
    assert deadline.decoded("DTSTART") == paper_deadline(board_meeting.date, 5)


def test_wrong_token_is_not_found(diary, feed):
    assert Client().get("/calendar/not-the-token.ics").status_code == 404


def test_feed_of_someone_removed_from_the_board_is_not_found(diary, feed, cast):
    cast.board_member.memberships.filter(board=cast.board).delete()
    assert Client().get(feed).status_code == 404


def test_feed_of_a_deactivated_account_is_not_found(diary, feed, cast):
    cast.board_member.is_active = False
    cast.board_member.save()
    assert Client().get(feed).status_code == 404


def test_making_a_new_address_retires_the_old_one(diary, feed, cast, as_user):
    client = as_user(cast.board_member)
    response = client.post(CALENDAR_PAGE)
    assert response["Location"] == CALENDAR_PAGE
    new = feed_url(client)
    assert new != feed
    assert Client().get(feed).status_code == 404
    assert Client().get(new).status_code == 200


def test_each_member_has_their_own_address(cast, feed, as_user):
    assert feed_url(as_user(cast.lay_member)) != feed
