"""Demo governance for the 2016-17 board meetings: agendas, attendance, actions
arising, minutes approval and annual declarations.

Everything here is ILLUSTRATIVE. The seeds give no attendance, agendas, minutes or
actions, so:
- attendance is made up for every member at each 2016-17 board meeting: mostly
  present, some apologies (with a deputy named by role where the member represents
  an agency), a few absent; it is chosen by a hash of the meeting date and the
  member's seat, so it is the same on every load;
- each meeting has the standard agenda (the standing items the Reporting Planner
  names) with short minutes and decisions per item, written by role, and two
  actions arising, some closed at later meetings, some still open;
- every report the Reporting Planner makes due at a meeting is marked received a
  few days before it (load_papers, run once the other apps' data is loaded), with
  the quarter's subgroup return where the demo has one, except the single agency
  data for March 2017, left not received so that the pack lists it; the business
  plan, risk log, review action plans and subgroup reports items link their paper,
  and the minutes item the meeting before (the pack prints its minutes);
- each meeting's minutes are approved at the next board meeting (the March 2017
  minutes stay draft unless a board meeting follows within four months);
- some members have a nil ("None") annual declaration for 2016-17.
People appear by their position only. Meetings come from meetings.py."""

import zlib
from datetime import date, datetime, timedelta

from django.utils import timezone

from ..models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Board,
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
from .data import BOARD

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

# What was said and decided, by meeting (index in the year) and agenda item:
# {item: (minutes, decisions)}. Items 1, 2 and 7 have standard minutes below.
NOTES = [
    {
        3: (
            "The business team presented the first exceptions and highlights report "
            "on the Business Plan 2016-19. Most actions have only just started; "
            "none is rated red.",
            "The board will take the exceptions and highlights each quarter.",
        ),
        4: (
            "The rising number of children subject to a child protection plan "
            "remains the highest risk. Members asked that the risk of reduced "
            "partner contributions be added to the log.",
            "The risk log was agreed, with the addition to be made.",
        ),
        5: (
            "The Learning and Improvement Subgroup's chair reported progress on the "
            "serious case review action plan; the police's single-agency actions "
            "are nearly complete.",
            "The board noted the update.",
        ),
        6: (
            "Subgroup chairs gave verbal updates. The CSE and Missing from Home "
            "Subgroup is building its scorecard.",
            "The board noted the subgroup reports.",
        ),
    },
    {
        3: (
            "Members discussed the actions rated amber and asked what is needed to "
            "bring them back on track.",
            "An exceptions report on the amber actions to come to the September "
            "meeting.",
        ),
        4: (
            "The risk of reduced partner contributions has been added, with "
            "mitigation agreed by the Business Group.",
            "The board accepted the updated risk log.",
        ),
        5: (
            "Two multi-agency actions of the serious case review action plan "
            "remain open; both are on track.",
            "The board noted the update.",
        ),
        6: (
            "The CSE and Missing from Home Subgroup presented its draft scorecard.",
            "The scorecard to be circulated to members before the next meeting.",
        ),
    },
    {
        3: (
            "The exceptions report on the amber actions was taken. Members were "
            "assured that the slipping actions have revised dates.",
            "The board accepted the revised timescales.",
        ),
        4: (
            "Members questioned the rating of the Safeguarding Hub programme's risk.",
            "The rating to be reviewed with the Safeguarding Hub Programme Board.",
        ),
        5: (
            "The police confirmed that their single-agency actions are complete; "
            "the evidence has been given to the Case Review Group.",
            "The police's actions on the plan are closed.",
        ),
        6: (
            "The board discussed the timetable for the annual report 2016-17.",
            "Each subgroup to send its contribution to the business team.",
        ),
    },
    {
        3: (
            "Progress on the neglect strategy was discussed; the toolkit is in use "
            "but training has been slower than planned.",
            "A progress report on the neglect strategy to come to January.",
        ),
        4: (
            "Return home interviews within 72 hours are well below the target of "
            "80%. The risk was added to the log with a high score.",
            "The board agreed the new risk and its mitigation through the Missing "
            "from Home task and finish group.",
        ),
        5: (
            "The action plan was reviewed; the remaining actions are on track.",
            "The board noted the update.",
        ),
        6: (
            "The Performance Management and Quality Assurance Subgroup reported the "
            "first findings of the Section 11 audit.",
            "A development day on the Section 11 findings to be arranged.",
        ),
    },
    {
        3: (
            "The progress report on the neglect strategy was received. Members "
            "welcomed the take-up of the toolkit by schools.",
            "The board endorsed the next steps of the neglect strategy.",
        ),
        4: (
            "The risk log was reviewed; no score has changed since November.",
            "The board noted the risk log.",
        ),
        5: (
            "Members asked how the lessons of the serious case review have reached "
            "front-line staff.",
            "Assurance to be sought from each partner agency.",
        ),
        6: (
            "The Domestic Abuse Task and Finish Group reported its progress.",
            "Its recommendations to come to the board in March.",
        ),
    },
    {
        3: (
            "The last exceptions and highlights report of the year. Actions not "
            "complete by 31 March will be carried forward.",
            "Actions not complete to be carried forward into the 2017-20 plan.",
        ),
        4: (
            "The risk log was rescored against the year's data; the business "
            "team's capacity and public sector funding were added as risks.",
            "The board agreed the rescored risk log.",
        ),
        5: (
            "Responses from partner agencies on the lessons of the serious case "
            "review are still awaited.",
            "The action stays open until every agency has replied.",
        ),
        6: (
            "Subgroups submitted their quarter 4 returns. The Domestic Abuse Task "
            "and Finish Group presented its recommendations.",
            "The board accepted the task and finish group's recommendations.",
        ),
    },
]
STANDARD_MINUTES = {
    1: "The Independent Chair welcomed members. Apologies are as recorded in the "
    "attendance; no interest was declared on the items of this agenda.",
    2: "The minutes of the last meeting were agreed as a true record. The action "
    "log was reviewed.",
    7: "No other business was raised.",
}
FIRST_MINUTES = (
    "The minutes of the last meeting of 2015-16 were agreed as a true record. The "
    "action log was reviewed."
)
# (meeting index, report) left not received, so that the pack lists it.
NOT_RECEIVED = {(5, "Single Agency Data")}
# The agenda item that takes each kind of report as its paper.
PAPER_ITEMS = {"risk_log": 4, "review_action_plans": 5, "subgroup_return": 6}


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


def _agenda(meeting, index: int) -> dict[int, AgendaItem]:
    items = {}
    notes = NOTES[index] if index < len(NOTES) else {}
    for order, title, presenter, standing in AGENDA:
        minutes, decisions = notes.get(order, (STANDARD_MINUTES.get(order, ""), ""))
        if order == 2 and index == 0:
            minutes = FIRST_MINUTES
        items[order], _ = AgendaItem.objects.update_or_create(
            meeting=meeting,
            order=order,
            defaults={
                "title": title,
                "presenter": presenter,
                "standing": standing,
                "minutes": minutes,
                "decisions": decisions,
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
        agendas.append(_agenda(meeting, index))
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


def _received_at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12, 0))


def _link(item: AgendaItem, record) -> None:
    if record is None or item.paper == record:
        return
    item.paper = record
    item.save()


def _return_for(cell, returns, used):
    """The quarter's return of the report's subgroup, or for a report from all
    subgroups, the first return not yet taken at the meeting."""
    for subgroup_return in returns:
        if cell.item.subgroup_id in (None, subgroup_return.subgroup_id) and (
            subgroup_return.pk not in used
        ):
            used.add(subgroup_return.pk)
            return subgroup_return
    return None


def _papers(meeting, index, recorder, plan, previous) -> None:
    from lscb_portal.periods import quarter_of
    from subgroups.models import MeetingPaper, ReportKind, SubgroupReturn
    from subgroups.planner import meeting_reports

    cells = meeting_reports(meeting, today=meeting.date)
    returns = list(
        SubgroupReturn.objects.filter(
            subgroup__board=meeting.board,
            period=quarter_of(meeting.date),
            submitted_at__lt=_received_at(meeting.date),
        ).order_by("subgroup__name")
    )
    used = set(
        MeetingPaper.objects.filter(meeting=meeting).values_list(
            "subgroup_return", flat=True
        )
    )
    by_kind = {}
    # The serious case review's action plan is the review item's own paper.
    for cell in sorted(cells, key=lambda c: not c.item.what.startswith("Serious")):
        if (index, cell.item.what) in NOT_RECEIVED:
            continue
        paper = cell.paper
        if paper is None:
            subgroup_return = None
            if cell.item.kind == ReportKind.SUBGROUP_RETURN:
                subgroup_return = _return_for(cell, returns, used)
            paper, _ = MeetingPaper.objects.get_or_create(
                meeting=meeting,
                plan_item=cell.item,
                defaults={"subgroup_return": subgroup_return, "received_by": recorder},
            )
        # Received by its paper deadline, not on the day the demo was loaded.
        if paper.received_at > _received_at(cell.deadline):
            paper.received_at = _received_at(cell.deadline)
            MeetingPaper.objects.filter(pk=paper.pk).update(
                received_at=paper.received_at
            )
        by_kind.setdefault(cell.item.kind, paper)
    items = {item.order: item for item in meeting.agenda_items.all()}
    _link(items[2], previous)
    _link(items[3], plan)
    for kind, order in PAPER_ITEMS.items():
        _link(items[order], by_kind.get(kind))


def load_papers(board=None) -> None:
    """The reports due at each 2016-17 board meeting, received; run after every
    app's demo data (the planner, returns, plan) is loaded. Idempotent."""
    from business_plan.models import BusinessPlan, PlanStatus

    board = board or Board.objects.get(slug=BOARD["slug"])
    recorder = (
        Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM)
        .select_related("user")
        .first()
    )
    if recorder is None:
        return
    plan = (
        BusinessPlan.objects.filter(
            board=board,
            status=PlanStatus.ACTIVE,
            first_year__lte=YEAR,
            last_year__gt=YEAR,
        )
        .order_by("-first_year")
        .first()
    )
    meetings = _board_meetings(board)
    for index, meeting in enumerate(meetings):
        previous = meetings[index - 1] if index else None
        _papers(meeting, index, recorder.user, plan, previous)
