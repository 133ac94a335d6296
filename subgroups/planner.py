"""The Reporting Planner: which reports are due at which meeting, and their status.

A report is due at a meeting of the kind it goes to (the board or the Business
Group): at every meeting; bi-monthly at the first meeting of each two-month block of
the reporting year (April-May, June-July, …); quarterly at the first meeting of
each quarter; annually at the first meeting on or after the 1st of its month (or
the year's first meeting if no month is set); a rolling programme at the first
meeting of each reporting year. Reports for PMQAG or
another board are not due at the board's own meetings. Its paper deadline is a
number of working days (Monday to Friday) before the meeting; it is late the day
after the deadline if nothing has been received."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max

from boards.models import Meeting
from lscb_portal.periods import quarter_of, reporting_year_start

from .models import Destination, Frequency, MeetingPaper, ReportingPlanItem

MEETING_KIND_FOR = {
    Destination.BOARD: "board",
    Destination.BUSINESS_GROUP: "business_group",
}
PLANNED_KINDS = tuple(MEETING_KIND_FOR.values())


class Status:
    RECEIVED = "received"
    DUE = "due"
    LATE = "late"
    NOT_NEEDED = "not_needed"

    LABELS = {
        "received": "Received",
        "due": "Due",
        "late": "Late",
        "not_needed": "Not needed",
    }


@dataclass
class Cell:
    item: ReportingPlanItem
    meeting: Meeting
    status: str
    deadline: date | None = None
    paper: MeetingPaper | None = None

    @property
    def label(self) -> str:
        return Status.LABELS[self.status]


def paper_deadline(meeting_date: date, working_days: int) -> date:
    day = meeting_date
    remaining = working_days
    while remaining > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day


def _block_key(item, day: date):
    year = reporting_year_start(day)
    if item.frequency == Frequency.BI_MONTHLY:
        return (year, ((day.month - 4) % 12) // 2)
    if item.frequency == Frequency.QUARTERLY:
        return quarter_of(day)
    return year  # annually and rolling: once per reporting year


def due_meeting_ids(item, meetings) -> set[int]:
    """Ids of the meetings (sorted by date) at which the item is due."""
    kind = MEETING_KIND_FOR.get(item.destination)
    pool = [m for m in meetings if m.kind == kind]
    if item.frequency == Frequency.EVERY_MEETING:
        return {m.pk for m in pool}
    if item.frequency == Frequency.ANNUALLY and item.month:
        pool = [m for m in pool if ((m.date.month - 4) % 12) >= ((item.month - 4) % 12)]
    first_in_block = {}
    for meeting in pool:
        first_in_block.setdefault(_block_key(item, meeting.date), meeting.pk)
    return set(first_in_block.values())


def status_of(item, meeting, *, due: bool, paper, today: date) -> Cell:
    if not due:
        return Cell(item, meeting, Status.NOT_NEEDED)
    deadline = paper_deadline(meeting.date, item.deadline_working_days)
    if paper is not None:
        status = Status.RECEIVED
    elif today > deadline:
        status = Status.LATE
    else:
        status = Status.DUE
    return Cell(item, meeting, status, deadline, paper)


def year_meetings(board, year_start: int, kinds=PLANNED_KINDS):
    return list(
        Meeting.objects.filter(
            board=board,
            kind__in=kinds,
            date__gte=date(year_start, 4, 1),
            date__lte=date(year_start + 1, 3, 31),
        ).order_by("date", "pk")
    )


def latest_year(board, today: date) -> int:
    """The reporting year pages open on: the latest with a planned meeting, up to
    today's (a board whose meetings stopped years ago opens on them); today's
    year when none is recorded. One query."""
    this_year = reporting_year_start(today)
    latest = Meeting.objects.filter(
        board=board, kind__in=PLANNED_KINDS, date__lte=date(this_year + 1, 3, 31)
    ).aggregate(d=Max("date"))["d"]
    return reporting_year_start(latest) if latest else this_year


def planner_grid(board, year_start: int, today: date) -> dict:
    """Meetings across, reports down, for one reporting year. Three queries."""
    meetings = year_meetings(board, year_start)
    items = list(
        ReportingPlanItem.objects.filter(board=board).select_related("subgroup")
    )
    papers = {
        (p.plan_item_id, p.meeting_id): p
        for p in MeetingPaper.objects.filter(meeting__in=meetings)
    }
    rows = []
    for item in items:
        due = due_meeting_ids(item, meetings)
        rows.append(
            (
                item,
                [
                    status_of(
                        item,
                        m,
                        due=m.pk in due,
                        paper=papers.get((item.pk, m.pk)),
                        today=today,
                    )
                    for m in meetings
                ],
            )
        )
    return {"meetings": meetings, "rows": rows}


def meeting_reports(meeting, today: date) -> list[Cell]:
    """The reports due at one meeting, with their status."""
    meetings = year_meetings(
        meeting.board, reporting_year_start(meeting.date), kinds=[meeting.kind]
    )
    items = ReportingPlanItem.objects.filter(board=meeting.board).select_related(
        "subgroup__chair__user"
    )
    papers = {
        p.plan_item_id: p
        for p in MeetingPaper.objects.filter(meeting=meeting).select_related(
            "subgroup_return", "received_by"
        )
    }
    return [
        status_of(item, meeting, due=True, paper=papers.get(item.pk), today=today)
        for item in items
        if meeting.pk in due_meeting_ids(item, meetings)
    ]
