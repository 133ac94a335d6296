"""A board's calendar as iCalendar: its meetings and each report's paper deadline,
from the start of last reporting year to the end of next."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from icalendar import Calendar, Event

from boards.models import Meeting
from lscb_portal.periods import reporting_year_start

from . import planner
from .models import CalendarFeed


@transaction.atomic
def feed_renew(*, user, board) -> CalendarFeed:
    """A new secret address for the user's feed of the board; any old one stops
    working at once."""
    CalendarFeed.objects.filter(user=user, board=board).delete()
    return CalendarFeed.objects.create(user=user, board=board)


def feed_stop(*, user, board) -> bool:
    """Turns the user's feed of the board off; True if there was one."""
    deleted, _ = CalendarFeed.objects.filter(user=user, board=board).delete()
    return bool(deleted)


def board_calendar(board, today) -> bytes:
    """Meetings (their kind, time and place only: never an agenda item) and paper
    deadlines (a planned report's name, never a return's content)."""
    calendar = Calendar()
    calendar.add("prodid", "-//LSCB portal//Meetings and paper deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{board.name}: meetings and deadlines")
    stamp = datetime.now().astimezone()
    year = reporting_year_start(today)
    for year_start in (year - 1, year, year + 1):
        grid = planner.planner_grid(board, year_start, today)
        for meeting in grid["meetings"]:
            calendar.add_component(_meeting_event(board, meeting, stamp))
        for _, cells in grid["rows"]:
            for cell in cells:
                if cell.deadline is not None:
                    calendar.add_component(_deadline_event(board, cell, stamp))
    others = Meeting.objects.filter(
        board=board,
        date__gte=date(year - 1, 4, 1),
        date__lte=date(year + 2, 3, 31),
    ).exclude(kind__in=planner.PLANNED_KINDS)
    for meeting in others:
        calendar.add_component(_meeting_event(board, meeting, stamp))
    calendar.add_missing_timezones()  # a VTIMEZONE for each TZID used
    return calendar.to_ical()


def _meeting_event(board, meeting, stamp):
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{board.slug}.lscb-portal")
    event.add("dtstamp", stamp)
    event.add("summary", f"{board.name}: {meeting.get_kind_display()}")
    if meeting.starts_at:
        start = datetime.combine(meeting.date, meeting.starts_at)
        event.add("dtstart", start.replace(tzinfo=_zone()))
        event.add("dtend", (start + timedelta(hours=2)).replace(tzinfo=_zone()))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    if meeting.location:
        event.add("location", meeting.location)
    return event


def _deadline_event(board, cell, stamp):
    event = Event()
    event.add(
        "uid", f"deadline-{cell.item.pk}-{cell.meeting.pk}@{board.slug}.lscb-portal"
    )
    event.add("dtstamp", stamp)
    event.add("summary", f"Paper deadline: {cell.item} ({cell.label})")
    event.add(
        "description",
        f"Due from {cell.item.produced_by or 'the business team'} for the "
        f"{cell.meeting}.",
    )
    event.add("dtstart", cell.deadline)
    event.add("dtend", cell.deadline + timedelta(days=1))
    return event


def _zone():
    return ZoneInfo(settings.TIME_ZONE)
