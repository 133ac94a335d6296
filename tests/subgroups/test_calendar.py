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
    found = re.search(r"http://testserver(/calendar/[\w-]+\.ics)", page)
    return found and found[1]


def make_feed(client):
    """Makes the member's address with the page's button; returns it as shown."""
    assert client.post(CALENDAR_PAGE, {"action": "renew"}).status_code == 302
    return feed_url(client)


@pytest.fixture
def feed(cast, as_user):
    """The board member's feed address, as the calendar page shows it."""
    return make_feed(as_user(cast.board_member))


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
    assert make_feed(as_user(cast.lay_member)) != feed


def test_no_address_until_the_member_makes_one(cast, as_user):
    client = as_user(cast.board_member)
    page = client.get(CALENDAR_PAGE).content.decode()
    assert "You have no calendar address for this board." in page
    assert feed_url(client) is None
    assert not CalendarFeed.objects.exists()


def test_rotating_the_address_retires_the_old_one(diary, feed, cast, as_user):
    client = as_user(cast.board_member)
    response = client.post(CALENDAR_PAGE, {"action": "renew"}, follow=True)
    assert "any old one no longer works" in response.content.decode()
    new = feed_url(client)
    assert new != feed
    assert Client().get(feed).status_code == 404
    assert Client().get(new).status_code == 200


def test_turning_the_address_off_revokes_it(diary, feed, cast, as_user):
    client = as_user(cast.board_member)
    response = client.post(CALENDAR_PAGE, {"action": "stop"}, follow=True)
    page = response.content.decode()
    assert "Your calendar address has been turned off" in page
    assert "You have no calendar address for this board." in page
    assert Client().get(feed).status_code == 404
    # Visiting the page again does not bring an address back.
    assert feed_url(client) is None
    assert Client().get(feed).status_code == 404


def test_one_members_revoking_leaves_anothers_address(diary, feed, cast, as_user):
    other = make_feed(as_user(cast.lay_member))
    as_user(cast.board_member).post(CALENDAR_PAGE, {"action": "stop"})
    assert Client().get(other).status_code == 200


def test_feed_holds_no_confidential_item_and_no_draft(
    diary, feed, cast, subgroup, as_user
):
    from boards.models import AgendaItem
    from subgroups.models import SubgroupReturn

    meeting = diary.meetings.get(kind=MeetingKind.BOARD)
    AgendaItem.objects.create(
        meeting=meeting,
        order=1,
        title="Allegation against a named teacher",
        presenter="Designated Officer",
        confidential=True,
        minutes="Referral discussed.",
    )
    SubgroupReturn.objects.create(
        subgroup=subgroup,
        period="2016-17 Q4",
        highlights="Draft highlight not yet agreed",
        exceptions="Draft exception",
        created_by=cast.business_team,
    )
    body = Client().get(feed).content.decode()
    for secret in (
        "Allegation",
        "named teacher",
        "Designated Officer",
        "Referral",
        "Draft highlight",
        "Draft exception",
        "2016-17 Q4",
    ):
        assert secret not in body
    # The meeting itself is still there.
    assert f"{diary.name}: Board meeting" in body
