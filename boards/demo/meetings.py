"""Demo meetings. The seeds give no meeting dates, so meetings are scheduled by rule:
the board on the second Thursday of every other month from May, the Business Group
on the third Thursday of every month but August. They are made for 2016-17 only,
the year the figures describe: no meeting is invented for years the demo has no
data for, so the latest meeting is March 2017 and pages open on that year."""

from datetime import date, time, timedelta

from lscb_portal.periods import calendar_year

from ..models import Meeting, MeetingKind

BOARD_MONTHS = [5, 7, 9, 11, 1, 3]
BUSINESS_GROUP_MONTHS = [4, 5, 6, 7, 9, 10, 11, 12, 1, 2, 3]
YEAR = 2016  # the reporting year of the demo's figures


def nth_thursday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 7 * (n - 1))


def load(board) -> None:
    for kind, months, n in (
        (MeetingKind.BOARD, BOARD_MONTHS, 2),
        (MeetingKind.BUSINESS_GROUP, BUSINESS_GROUP_MONTHS, 3),
    ):
        for month in months:
            Meeting.objects.get_or_create(
                board=board,
                kind=kind,
                date=nth_thursday(calendar_year(YEAR, month), month, n),
                defaults={"starts_at": time(10, 0), "location": "Carlisle"},
            )
