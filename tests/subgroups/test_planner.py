"""Which reports are due at which meeting, their paper deadlines and statuses."""

from datetime import date, timedelta

import pytest

from boards.models import MeetingKind
from subgroups import planner
from subgroups.models import Destination, Frequency

from .factories import MeetingFactory, PaperFactory, PlanItemFactory

BOARD = MeetingKind.BOARD
BUSINESS_GROUP = MeetingKind.BUSINESS_GROUP


def nth_thursday(year, month, n):
    first = date(year, month, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 7 * (n - 1))


def year_of(month):
    return 2016 if month >= 4 else 2017


BOARD_DATES = [nth_thursday(year_of(m), m, 2) for m in (5, 7, 9, 11, 1, 3)]
BUSINESS_GROUP_DATES = [
    nth_thursday(year_of(m), m, 3) for m in (*range(4, 13), 1, 2, 3)
]


@pytest.fixture
def year_2016(cast):
    """2016-17: the board on the 2nd Thursday of every other month from May, the
    Business Group on the 3rd Thursday of every month; a development day too."""
    for day in BOARD_DATES:
        MeetingFactory(board=cast.board, kind=BOARD, date=day)
    for day in BUSINESS_GROUP_DATES:
        MeetingFactory(board=cast.board, kind=BUSINESS_GROUP, date=day)
    MeetingFactory(
        board=cast.board, kind=MeetingKind.DEVELOPMENT_DAY, date=date(2016, 6, 2)
    )
    return cast.board


def due_dates(board, **item_fields):
    """The dates of the 2016-17 meetings at which such a report is due."""
    item = PlanItemFactory(board=board, **item_fields)
    grid = planner.planner_grid(board, 2016, date(2016, 4, 1))
    ((row_item, cells),) = grid["rows"]
    assert row_item == item
    return [c.meeting.date for c in cells if c.status != planner.Status.NOT_NEEDED]


def d(*days):
    return [date.fromisoformat(day) for day in days]


def test_grid_has_board_and_business_group_meetings_of_the_year_only(year_2016):
    MeetingFactory(board=year_2016, kind=BOARD, date=date(2017, 5, 11))
    meetings = planner.planner_grid(year_2016, 2016, date(2016, 4, 1))["meetings"]
    assert [m.date for m in meetings] == sorted(BOARD_DATES + BUSINESS_GROUP_DATES)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"frequency": Frequency.EVERY_MEETING}, BOARD_DATES),
        (
            {"frequency": Frequency.EVERY_MEETING, "destination": "business_group"},
            BUSINESS_GROUP_DATES,
        ),
        # One board meeting in each two-month block: due at every one.
        ({"frequency": Frequency.BI_MONTHLY}, BOARD_DATES),
        (
            {"frequency": Frequency.BI_MONTHLY, "destination": "business_group"},
            d(
                "2016-04-21",
                "2016-06-16",
                "2016-08-18",
                "2016-10-20",
                "2016-12-15",
                "2017-02-16",
            ),
        ),
        (
            {"frequency": Frequency.QUARTERLY},
            d("2016-05-12", "2016-07-14", "2016-11-10", "2017-01-12"),
        ),
        (
            {"frequency": Frequency.QUARTERLY, "destination": "business_group"},
            d("2016-04-21", "2016-07-21", "2016-10-20", "2017-01-19"),
        ),
        ({"frequency": Frequency.ANNUALLY, "month": 7}, d("2016-07-14")),
        ({"frequency": Frequency.ANNUALLY, "month": 8}, d("2016-09-08")),
        ({"frequency": Frequency.ANNUALLY, "month": 2}, d("2017-03-09")),
        ({"frequency": Frequency.ANNUALLY, "month": None}, d("2016-05-12")),
        (
            {
                "frequency": Frequency.ANNUALLY,
                "month": 1,
                "destination": "business_group",
            },
            d("2017-01-19"),
        ),
        ({"frequency": Frequency.ROLLING}, d("2016-05-12")),
        (
            {"frequency": Frequency.ROLLING, "destination": "business_group"},
            d("2016-04-21"),
        ),
        ({"frequency": Frequency.EVERY_MEETING, "destination": "pmqag"}, []),
        (
            {
                "frequency": Frequency.QUARTERLY,
                "destination": Destination.OTHER_BOARD,
                "destination_other": "Cumbria Safeguarding Adults Board",
            },
            [],
        ),
    ],
    ids=lambda v: "-".join(map(str, v.values())) if isinstance(v, dict) else "",
)
def test_report_is_due_at_the_meetings_its_frequency_gives(year_2016, fields, expected):
    assert due_dates(year_2016, **fields) == expected


def test_rolling_report_is_due_again_at_the_first_meeting_of_the_next_year(
    year_2016,
):
    item = PlanItemFactory(board=year_2016, frequency=Frequency.ROLLING)
    may_2017 = MeetingFactory(board=year_2016, kind=BOARD, date=date(2017, 5, 11))
    july_2017 = MeetingFactory(board=year_2016, kind=BOARD, date=date(2017, 7, 13))
    today = date(2017, 4, 1)
    assert [c.item for c in planner.meeting_reports(may_2017, today)] == [item]
    assert planner.meeting_reports(july_2017, today) == []


def test_meeting_reports_lists_only_the_reports_due_there(year_2016):
    annual = PlanItemFactory(
        board=year_2016, frequency=Frequency.ANNUALLY, month=7, what="Annual report"
    )
    every = PlanItemFactory(board=year_2016, what="Performance scorecard")
    PlanItemFactory(board=year_2016, destination="business_group")
    PlanItemFactory(board=year_2016, destination="pmqag")
    july = year_2016.meetings.get(kind=BOARD, date=date(2016, 7, 14))
    september = year_2016.meetings.get(kind=BOARD, date=date(2016, 9, 8))
    today = date(2016, 4, 1)
    assert [c.item for c in planner.meeting_reports(july, today)] == [annual, every]
    assert [c.item for c in planner.meeting_reports(september, today)] == [every]


# Paper deadlines and statuses --------------------------------------------------


@pytest.mark.parametrize(
    ("meeting_date", "working_days", "deadline"),
    [
        ("2016-07-14", 5, "2016-07-07"),  # Thursday to the Thursday before
        ("2016-07-11", 1, "2016-07-08"),  # Monday: back over the weekend to Friday
        ("2016-07-11", 5, "2016-07-04"),
        ("2016-07-12", 10, "2016-06-28"),  # two weeks, two weekends
        ("2016-07-10", 1, "2016-07-08"),  # a Sunday meeting
        ("2016-07-14", 0, "2016-07-14"),
    ],
)
def test_paper_deadline_counts_working_days(meeting_date, working_days, deadline):
    assert planner.paper_deadline(
        date.fromisoformat(meeting_date), working_days
    ) == date.fromisoformat(deadline)


@pytest.fixture
def july_meeting(cast):
    """Thursday 14 July 2016; a report five working days before is due on the 7th."""
    return MeetingFactory(board=cast.board, date=date(2016, 7, 14))


def status(item, meeting, today, due=True, paper=None):
    return planner.status_of(item, meeting, due=due, paper=paper, today=today)


def test_report_is_due_on_its_deadline_day(cast, july_meeting):
    cell = status(PlanItemFactory(board=cast.board), july_meeting, date(2016, 7, 7))
    assert (cell.status, cell.label, cell.deadline) == (
        "due",
        "Due",
        date(2016, 7, 7),
    )


def test_report_is_late_the_day_after_its_deadline(cast, july_meeting):
    cell = status(PlanItemFactory(board=cast.board), july_meeting, date(2016, 7, 8))
    assert (cell.status, cell.label) == ("late", "Late")


def test_report_with_a_paper_is_received_even_after_its_deadline(cast, july_meeting):
    item = PlanItemFactory(board=cast.board)
    paper = PaperFactory(meeting=july_meeting, plan_item=item)
    cell = status(item, july_meeting, date(2016, 7, 20), paper=paper)
    assert (cell.status, cell.label, cell.paper) == ("received", "Received", paper)


def test_report_not_due_is_not_needed(cast, july_meeting):
    cell = status(
        PlanItemFactory(board=cast.board), july_meeting, date(2016, 8, 1), due=False
    )
    assert (cell.status, cell.label, cell.deadline) == (
        "not_needed",
        "Not needed",
        None,
    )


def test_grid_shows_received_where_a_paper_exists_and_late_elsewhere(
    cast, july_meeting
):
    september = MeetingFactory(board=cast.board, date=date(2016, 9, 8))
    item = PlanItemFactory(board=cast.board)
    PaperFactory(meeting=july_meeting, plan_item=item)
    ((_, cells),) = planner.planner_grid(cast.board, 2016, date(2016, 9, 5))["rows"]
    assert [(c.meeting, c.status) for c in cells] == [
        (july_meeting, "received"),
        (september, "late"),
    ]


def test_planner_page_shows_each_status(cast, as_user, july_meeting):
    """On the page for 2016-17 (today is later: every report due then is late)."""
    received = PlanItemFactory(board=cast.board)
    PlanItemFactory(board=cast.board)  # nothing received: late
    PaperFactory(meeting=july_meeting, plan_item=received)
    PlanItemFactory(board=cast.board, destination="pmqag")
    response = as_user(cast.board_member).get("/boards/north/planner/?year=2016")
    page = response.content.decode()
    assert (page.count(">Received<"), page.count(">Late<")) == (1, 1)
    assert "not needed" in page
    assert [c.status for _, cells in response.context["rows"] for c in cells] == [
        "received",
        "late",
        "not_needed",
    ]
