"""Demo governance for the 2016-17 board meetings: agendas, attendance, actions
arising, minutes approval and annual declarations.

Everything here is ILLUSTRATIVE. The seeds give no attendance, agendas, minutes or
actions, so:
- attendance is made up for every member at each 2016-17 board meeting: mostly
  present, some apologies (with a deputy named by role where the member represents
  an agency), a few absent; it is chosen by a hash of the meeting date and the
  member's seat, so it is the same on every load;
- each meeting has the standard agenda (the standing items the Reporting Planner
  names) and two actions arising, some closed at later meetings, some still open;
- each meeting's minutes are approved at the next board meeting (the March 2017
  minutes stay draft unless a board meeting follows within four months);
- some members have a nil ("None") annual declaration for 2016-17.
People appear by their position only. Meetings come from meetings.py."""

import zlib
from datetime import date, timedelta

from ..models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    Meeting,
    MeetingAction,
    MeetingActionStatus,
    MeetingKind,
    Membership,
    MinutesStatus,
    Role,
)
from ..selectors.members import MEMBER_ROLES

YEAR = 2016
BUSINESS_TEAM = "Senior Manager - LSCB and Improvement"

# (order, title, presenter, standing)
AGENDA = [
    (1, "Apologies and declarations of interest", "Independent Chair", False),
    (2, "Minutes of the last meeting and action log", "Independent Chair", False),
    (3, "Business plan monitoring: exceptions and highlights", BUSINESS_TEAM, True),
    (4, "Risk log", BUSINESS_TEAM, True),
    (
        5,
        "Serious case review action plan update",
        "Chair, Learning and Improvement Subgroup",
        True,
    ),
    (6, "Subgroup reports", "Subgroup chairs", False),
    (7, "Any other business", "Independent Chair", False),
]

# (meeting index in the year, agenda item, action, owner's position, closed at the
# meeting with this index or None for still open, latest update)
ACTIONS = [
    (
        0,
        4,
        "Add the risk of reduced partner contributions to the risk log and propose "
        "mitigation.",
        BUSINESS_TEAM,
        1,
        "Added to the risk log; mitigation agreed by the Business Group.",
    ),
    (
        0,
        5,
        "Confirm to the board that the police's single-agency actions from the "
        "serious case review action plan are complete.",
        "Assistant Chief Constable",
        2,
        "Confirmed complete; evidence given to the Case Review Group.",
    ),
    (
        1,
        3,
        "Bring an exceptions report on the business plan actions rated amber.",
        BUSINESS_TEAM,
        2,
        "Exceptions report taken at the September meeting.",
    ),
    (
        1,
        6,
        "Circulate the CSE and missing from home scorecard to board members before "
        "the next meeting.",
        "Chair, CSE and Missing from Home Subgroup",
        2,
        "Circulated with the papers.",
    ),
    (
        2,
        6,
        "Agree the timetable for the annual report and ask each subgroup for its "
        "contribution.",
        BUSINESS_TEAM,
        4,
        "Timetable agreed; subgroup contributions requested.",
    ),
    (
        2,
        4,
        "Review the risk rating for the Safeguarding Hub programme.",
        "Assistant Director - Children and Families",
        3,
        "Rating reviewed with the Safeguarding Hub Programme Board.",
    ),
    (
        3,
        3,
        "Report progress on the neglect strategy to the next meeting.",
        "Assistant Director - Children and Families",
        4,
        "Progress report taken in January.",
    ),
    (
        3,
        7,
        "Arrange a development day on the findings of the Section 11 audit.",
        BUSINESS_TEAM,
        5,
        "Development day held.",
    ),
    (
        4,
        5,
        "Seek assurance from partner agencies that the lessons of the serious case "
        "review have reached their staff.",
        "Chair, Learning and Improvement Subgroup",
        None,
        "Assurance requested from each agency; responses awaited.",
    ),
    (
        4,
        6,
        "Bring the Domestic Abuse Task and Finish Group's recommendations to the "
        "board.",
        "Chair, Domestic Abuse Task and Finish Group",
        5,
        "Recommendations presented in March.",
    ),
    (
        5,
        3,
        "Carry forward the business plan actions that are not complete into the "
        "2017-20 plan.",
        BUSINESS_TEAM,
        None,
        "",
    ),
    (
        5,
        4,
        "Review the risk log against the priorities of the new business plan.",
        "Independent Chair",
        None,
        "",
    ),
]


def _hash(*parts) -> int:
    return zlib.crc32("|".join(str(p) for p in parts).encode()) % 100


def _attendance(meeting, member) -> tuple[str, str]:
    if member.role == Role.CHAIR:
        return AttendanceStatus.PRESENT, ""  # the chair chairs every meeting
    seat = (member.position, member.agency.name if member.agency_id else "")
    roll = _hash(meeting.date.isoformat(), *seat, member.role)
    if roll < 78:
        return AttendanceStatus.PRESENT, ""
    if roll < 93:
        deputy = f"Deputy for the {member.position}" if member.agency_id else ""
        return AttendanceStatus.APOLOGIES, deputy
    return AttendanceStatus.ABSENT, ""


def _board_meetings(board) -> list[Meeting]:
    return list(
        Meeting.objects.filter(
            board=board,
            kind=MeetingKind.BOARD,
            date__range=(date(YEAR, 4, 1), date(YEAR + 1, 3, 31)),
        ).order_by("date")
    )


def _agenda(meeting, first: bool) -> dict[int, AgendaItem]:
    items = {}
    for order, title, presenter, standing in AGENDA:
        minutes = ""
        if order == 2 and not first:
            minutes = (
                "The minutes of the last meeting were agreed as a true record. "
                "The action log was reviewed."
            )
        items[order], _ = AgendaItem.objects.update_or_create(
            meeting=meeting,
            order=order,
            defaults={
                "title": title,
                "presenter": presenter,
                "standing": standing,
                "minutes": minutes,
            },
        )
    return items


def _members(board) -> list[Membership]:
    return list(
        Membership.objects.filter(board=board, role__in=MEMBER_ROLES)
        .select_related("agency")
        .order_by("pk")
    )


def _approve(meetings, board):
    later = Meeting.objects.filter(
        board=board, kind=MeetingKind.BOARD, date__gt=meetings[-1].date
    ).order_by("date")
    following = later.first()
    for index, meeting in enumerate(meetings):
        approver = meetings[index + 1] if index + 1 < len(meetings) else following
        if approver is None or approver.date > meeting.date + timedelta(days=120):
            continue
        if meeting.minutes_approved_at_id != approver.pk:
            meeting.minutes_status = MinutesStatus.APPROVED
            meeting.minutes_approved_at = approver
            meeting.save(
                update_fields=["minutes_status", "minutes_approved_at", "modified_at"]
            )


def load(board) -> None:
    meetings = _board_meetings(board)
    if not meetings:
        return
    members = _members(board)
    by_position = {
        m.position: m for m in Membership.objects.filter(board=board).order_by("-pk")
    }
    recorder = (
        Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM)
        .select_related("user")
        .first()
    )
    agendas = []
    for index, meeting in enumerate(meetings):
        agendas.append(_agenda(meeting, first=index == 0))
        for member in members:
            status, deputy = _attendance(meeting, member)
            Attendance.objects.update_or_create(
                meeting=meeting,
                membership=member,
                defaults={"status": status, "deputy": deputy},
            )
    for index, order, description, owner, closed_at, update in ACTIONS:
        if index >= len(meetings):
            continue
        meeting = meetings[index]
        due = meetings[index + 1].date if index + 1 < len(meetings) else None
        closing = meetings[closed_at] if closed_at is not None else None
        if closed_at is not None and closed_at >= len(meetings):
            closing = None
        member = by_position.get(owner)
        MeetingAction.objects.update_or_create(
            meeting=meeting,
            description=description,
            defaults={
                "agenda_item": agendas[index][order],
                "owner": member,
                "owner_text": "" if member else owner,
                "due_date": due,
                "status": MeetingActionStatus.CLOSED
                if closing
                else MeetingActionStatus.OPEN,
                "closed_on": closing.date if closing else None,
                "update": update,
            },
        )
    _approve(meetings, board)
    if recorder is None:
        return
    for member in members:
        if _hash("declaration", member.position, member.role) % 3 == 0:
            continue
        Declaration.objects.get_or_create(
            membership=member,
            year=YEAR,
            agenda_item=None,
            defaults={
                "interest": "None",
                "declared_on": meetings[0].date,
                "recorded_by": recorder.user,
            },
        )
