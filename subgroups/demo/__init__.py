"""The subgroups app's part of the demo data: the board's groups with their terms of
reference and chairs, the Reporting Planner, and some returns (the meetings they are
received for come from boards/demo/meetings.py)."""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from boards.demo import set_full_name
from boards.demo.meetings import nth_thursday
from boards.models import Agency, Board, Meeting, MeetingKind, Membership, Role, User
from lscb_portal.periods import quarter_bounds

from .. import planner
from ..models import (
    MeetingPaper,
    ReportingPlanItem,
    Responsibility,
    ReturnStatus,
    Subgroup,
    SubgroupReturn,
)
from .data import (
    CHAIR_NAMES,
    MEETINGS_PER_QUARTER,
    REPORTING_PLANNER,
    RETURNS_2016_17,
    SUBGROUP_CHAIRS,
    SUBGROUP_PURPOSE,
    SUBGROUPS,
    TERMS_OF_REFERENCE,
)

# The demo subgroup chair's group (see boards.demo.DEMO_SIGN_INS). Its 2016-17 Q4
# return is due, not yet submitted: a draft its chair has started, for the chair
# trying the demo to complete and submit.
DEMO_CHAIRED = "Learning and Improvement Subgroup"
LATEST_QUARTER = "2016-17 Q4"  # of the demo data
# Subgroups whose 2016-17 Q4 return is submitted in the demo; business_plan.demo
# links the April 2017 updates of the actions they own to these returns.
DEMO_RETURNS = [
    "Performance Management and Quality Assurance Subgroup",
    "CSE/MFH Subgroup",
    "Domestic Abuse Task and Finish Group",
]


def _meetings_held(board, author) -> None:
    """Each submitted 2016-17 return of a group whose meetings the seed counts
    (data.MEETINGS_PER_QUARTER) records them, if it records none yet."""
    for name, per_quarter in MEETINGS_PER_QUARTER.items():
        returns = (
            SubgroupReturn.objects.filter(
                subgroup__board=board,
                subgroup__name=name,
                period__startswith="2016-17 ",
                meetings_held__isnull=True,
            )
            .exclude(status=ReturnStatus.DRAFT)
            .order_by("period")
        )
        for subgroup_return in returns:
            subgroup_return.meetings_held = per_quarter
            subgroup_return._history_user = author
            subgroup_return.save()


def _chairs(board, groups):
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    for name, agency_name in SUBGROUP_CHAIRS.items():
        position = f"Chair, {name}"
        user, created = User.objects.get_or_create(
            email=f"chair.{slugify(name)}@{board.slug}.demo.example"
        )
        set_full_name(user, CHAIR_NAMES[name])
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        membership, _ = Membership.objects.update_or_create(
            user=user,
            board=board,
            role=Role.SUBGROUP_CHAIR,
            defaults={"agency": agencies.get(agency_name), "position": position},
        )
        _set_chair(groups[name], membership)
    demo_chair = Membership.objects.filter(
        board=board, role=Role.SUBGROUP_CHAIR, position=f"Chair, {DEMO_CHAIRED}"
    ).first()
    if demo_chair is not None:
        _set_chair(groups[DEMO_CHAIRED], demo_chair)


def _set_chair(group, membership):
    if group.chair_id != membership.pk:
        group.chair = membership
        group.save()


@transaction.atomic
def load() -> None:
    board = Board.objects.get(slug="cumbria")
    groups = {}
    for name, kind, parent in SUBGROUPS:
        groups[name], _ = Subgroup.objects.update_or_create(
            board=board,
            name=name,
            defaults={
                "kind": kind,
                "parent": groups.get(parent),
                "purpose": SUBGROUP_PURPOSE.get(name, ""),
            },
        )
    for name, responsibilities in TERMS_OF_REFERENCE.items():
        for number, text in enumerate(responsibilities, start=1):
            Responsibility.objects.update_or_create(
                subgroup=groups[name], number=number, defaults={"text": text}
            )
    _chairs(board, groups)

    for row in REPORTING_PLANNER:
        ReportingPlanItem.objects.update_or_create(
            board=board,
            what=row["what"],
            destination=row["destination"],
            destination_other=row["destination_other"],
            subgroup=groups.get(row["subgroup"]),
            producer=row["producer"],
            frequency=row["frequency"],
            defaults={
                "kind": row["kind"],
                "tells": row["tells"],
                "month": row["month"],
                "as_written": row["as_written"],
            },
        )

    team = Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM).first()
    author = team.user
    march_board = Meeting.objects.get(
        board=board, kind=MeetingKind.BOARD, date=nth_thursday(2017, 3, 2)
    )
    due_in_march = planner.meeting_reports(march_board, date(2017, 3, 1))
    chair = groups[DEMO_CHAIRED].chair
    if chair is not None:
        SubgroupReturn.objects.get_or_create(
            subgroup=groups[DEMO_CHAIRED],
            period=LATEST_QUARTER,
            defaults={"status": ReturnStatus.DRAFT, "created_by": chair.user},
        )
    for (name, period), (highlights, exceptions) in RETURNS_2016_17.items():
        if period == LATEST_QUARTER:
            continue  # below, with their meeting papers
        SubgroupReturn.objects.get_or_create(
            subgroup=groups[name],
            period=period,
            defaults={
                "status": ReturnStatus.SUBMITTED,
                "highlights": highlights,
                "exceptions": exceptions,
                "created_by": author,
                "submitted_by": author,
                "submitted_at": timezone.make_aware(
                    datetime.combine(quarter_bounds(period)[1], time(12))
                ),
            },
        )
    for name in DEMO_RETURNS:
        subgroup_return, _ = SubgroupReturn.objects.get_or_create(
            subgroup=groups[name],
            period=LATEST_QUARTER,
            defaults={
                "status": ReturnStatus.SUBMITTED,
                "highlights": RETURNS_2016_17[name, LATEST_QUARTER][0],
                "exceptions": RETURNS_2016_17[name, LATEST_QUARTER][1],
                "created_by": author,
                "submitted_by": author,
                "submitted_at": timezone.make_aware(
                    timezone.datetime(2017, 3, 1, 12, 0)
                ),
            },
        )
        for cell in due_in_march:
            if cell.item.subgroup_id == groups[name].pk:
                MeetingPaper.objects.get_or_create(
                    meeting=march_board,
                    plan_item=cell.item,
                    defaults={
                        "subgroup_return": subgroup_return,
                        "received_by": author,
                    },
                )
    _meetings_held(board, author)
