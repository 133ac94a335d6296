"""Writes for meetings: details, minutes approval, the agenda and its papers,
attendance, and actions arising."""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lscb_portal.errors import AlreadyRecorded, DomainError, full_clean
from lscb_portal.versioning import lock, update_versioned

from ..models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingAction,
    MeetingActionStatus,
    Membership,
    MinutesStatus,
)

MAX_PAPER_BYTES = 10 * 1024 * 1024
# Allowed papers, checked by extension and by the file's first bytes.
PAPER_SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".docx": [b"PK\x03\x04"],
    ".xlsx": [b"PK\x03\x04"],
}
MEETING_EDITABLE_FIELDS = ("kind", "date", "starts_at", "location")


# Meetings ------------------------------------------------------------------------


def meeting_update(*, meeting: Meeting, version: int, changes: dict, user) -> Meeting:
    """Change a meeting's kind, date, time or place; raises StaleVersion if someone
    saved first. The date must stay before the meeting that approved its minutes
    and after any meeting whose minutes it approved."""
    changes = {k: v for k, v in changes.items() if k in MEETING_EDITABLE_FIELDS}
    new_date = changes.get("date", meeting.date)
    approver = meeting.minutes_approved_at
    if approver is not None and new_date >= approver.date:
        raise DomainError(
            {
                "date": f"These minutes were approved at the {approver}: the meeting "
                "must be before it."
            }
        )
    approved = (
        Meeting.objects.filter(minutes_approved_at=meeting).order_by("-date").first()
    )
    if approved is not None and new_date <= approved.date:
        raise DomainError(
            {
                "date": f"This meeting approved the minutes of the {approved}: it "
                "must be after it."
            }
        )
    return update_versioned(
        Meeting, pk=meeting.pk, version=version, changes=changes, user=user
    )


@transaction.atomic
def minutes_approve(
    *, meeting: Meeting, approving: Meeting, version: int, user, today=None
) -> Meeting:
    """Record that a later meeting, already held, approved this meeting's minutes;
    a second click finds them approved (AlreadyRecorded)."""
    today = today or timezone.localdate()
    meeting = lock(Meeting, pk=meeting.pk)
    if meeting.date > today:
        raise DomainError(
            "This meeting has not been held yet: its minutes cannot be approved."
        )
    if meeting.minutes_status == MinutesStatus.APPROVED:
        raise AlreadyRecorded(
            "These minutes were already approved at the "
            f"{meeting.minutes_approved_at}.",
            meeting,
        )
    if approving.board_id != meeting.board_id or approving.pk == meeting.pk:
        raise DomainError({"approving": "Choose a meeting of this board."})
    if approving.date <= meeting.date:
        raise DomainError(
            {
                "approving": "Minutes are approved at a later meeting: choose a "
                f"meeting held after {meeting.date:%-d %B %Y}."
            }
        )
    if approving.date > today:
        raise DomainError(
            {
                "approving": f"The {approving} has not been held yet: choose a "
                "meeting that has taken place."
            }
        )
    return update_versioned(
        Meeting,
        pk=meeting.pk,
        version=version,
        changes={
            "minutes_status": MinutesStatus.APPROVED,
            "minutes_approved_at": approving,
        },
        user=user,
    )


# Agenda --------------------------------------------------------------------------


def paper_check(upload) -> None:
    """Refuses a paper that is too big or not a PDF, Word or Excel file (by its
    extension and its first bytes)."""
    name = upload.name.rsplit("/", 1)[-1]
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if upload.size > MAX_PAPER_BYTES:
        raise DomainError(
            {
                "paper_file": "The paper must be smaller than "
                f"{MAX_PAPER_BYTES >> 20} MB."
            }
        )
    signatures = PAPER_SIGNATURES.get(extension)
    head = upload.read(8)
    upload.seek(0)
    if signatures is None or not any(head.startswith(s) for s in signatures):
        raise DomainError(
            {
                "paper_file": "The paper must be a PDF, Word (.docx) or Excel "
                "(.xlsx) file."
            }
        )


def next_item_number(meeting: Meeting) -> int:
    last = meeting.agenda_items.aggregate(last=Max("order"))["last"]
    return (last or 0) + 1


def _check_order(meeting, order, exclude_pk=None):
    clash = meeting.agenda_items.filter(order=order).exclude(pk=exclude_pk)
    if clash.exists():
        raise DomainError(
            {"order": f"Item {order} already exists: choose another number."}
        )


@transaction.atomic
def agenda_item_create(
    *,
    meeting: Meeting,
    user,
    order: int,
    title: str,
    presenter: str = "",
    paper_file=None,
    standing: bool = False,
    confidential: bool = False,
) -> AgendaItem:
    _check_order(meeting, order)
    if paper_file:
        paper_check(paper_file)
    item = AgendaItem(
        meeting=meeting,
        order=order,
        title=title,
        presenter=presenter,
        standing=standing,
        confidential=confidential,
    )
    if paper_file:
        item.paper_file = paper_file
    full_clean(item)
    item._history_user = user
    item.save()
    return item


ITEM_EDITABLE_FIELDS = ("order", "title", "presenter", "standing", "confidential")


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, changes: dict, user, paper_file=None, remove_paper=False
) -> AgendaItem:
    """Change an item's details; a new file replaces its paper, or `remove_paper`
    takes the file off."""
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    changes = {k: v for k, v in changes.items() if k in ITEM_EDITABLE_FIELDS}
    if "order" in changes:
        _check_order(item.meeting, changes["order"], exclude_pk=item.pk)
    if paper_file:
        paper_check(paper_file)
    for name, value in changes.items():
        setattr(item, name, value)
    if paper_file:
        item.paper_file = paper_file
    elif remove_paper:
        item.paper_file = ""
    full_clean(item)
    item._history_user = user
    item.save()
    return item


def agenda_item_record_minutes(
    *, item: AgendaItem, minutes: str, decisions: str, user
) -> AgendaItem:
    item.minutes = minutes
    item.decisions = decisions
    item._history_user = user
    item.save(update_fields=["minutes", "decisions"])
    return item


# Attendance ----------------------------------------------------------------------


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    entries: dict[int, tuple[str, str]],
    members,
    user,
    today: date | None = None,
) -> int:
    """Records attendance for every member at once: `entries` maps a membership id
    to (status, deputy); `members` are the memberships the form listed (the
    meeting's current members). All are saved, or none is. Returns how many."""
    today = today or timezone.localdate()
    if meeting.date > today:
        raise DomainError(
            "Attendance can be recorded once the meeting has taken place."
        )
    allowed = {m.pk: m for m in members}
    errors = {}
    for membership_id, (status, deputy) in entries.items():
        member = allowed.get(membership_id)
        if member is None or member.board_id != meeting.board_id:
            raise DomainError("A member on the form is not a member of the board.")
        if status not in AttendanceStatus.values:
            errors[membership_id] = "Choose present, apologies or absent."
        elif deputy.strip() and status != AttendanceStatus.APOLOGIES:
            errors[membership_id] = (
                "Only a member who sent apologies can send a deputy: clear the "
                "deputy or choose apologies."
            )
    if errors:
        raise DomainError(errors)
    existing = {
        a.membership_id: a
        for a in Attendance.objects.select_for_update().filter(
            meeting=meeting, membership_id__in=list(entries)
        )
    }
    saved = 0
    for membership_id, (status, deputy) in entries.items():
        record = existing.get(membership_id)
        deputy = deputy.strip()
        if record is None:
            record = Attendance(meeting=meeting, membership=allowed[membership_id])
        elif record.status == status and record.deputy == deputy:
            continue
        record.status = status
        record.deputy = deputy
        record._history_user = user
        record.save()
        saved += 1
    return saved


# Actions arising -----------------------------------------------------------------


def _check_owner(meeting, owner, owner_text):
    if owner is not None and owner.board_id != meeting.board_id:
        raise DomainError({"owner": "Choose a member of this board."})
    if owner is None and not owner_text.strip():
        raise DomainError({"owner": "Choose who owns the action, or type who owns it"})
    if owner is not None and owner_text.strip():
        raise DomainError(
            {"owner_text": "Choose an owner from the list or type one, not both"}
        )


def action_create(
    *,
    meeting: Meeting,
    user,
    description: str,
    owner: Membership | None = None,
    owner_text: str = "",
    due_date: date | None = None,
    agenda_item: AgendaItem | None = None,
) -> MeetingAction:
    _check_owner(meeting, owner, owner_text)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise DomainError({"agenda_item": "Choose an item of this meeting."})
    action = MeetingAction(
        meeting=meeting,
        agenda_item=agenda_item,
        description=description,
        owner=owner,
        owner_text=owner_text.strip(),
        due_date=due_date,
    )
    full_clean(action)
    action._history_user = user
    action.save()
    return action


def action_update(
    *,
    action: MeetingAction,
    version: int,
    status: str,
    update: str,
    closed_on: date | None,
    user,
    today: date | None = None,
) -> MeetingAction:
    """Record progress on an action, or close it (closing needs the date it was
    closed: not before the meeting that raised it, nor in the future). Raises
    StaleVersion if someone saved first."""
    today = today or timezone.localdate()
    if status == MeetingActionStatus.CLOSED:
        if closed_on is None:
            raise DomainError({"closed_on": "Enter the date the action was closed"})
        if closed_on < action.meeting.date:
            raise DomainError(
                {
                    "closed_on": "The action cannot be closed before it was raised, "
                    f"on {action.meeting.date:%-d %B %Y}."
                }
            )
        if closed_on > today:
            raise DomainError(
                {"closed_on": "The date the action was closed cannot be in the future."}
            )
    else:
        closed_on = None
    return update_versioned(
        MeetingAction,
        pk=action.pk,
        version=version,
        changes={"status": status, "update": update, "closed_on": closed_on},
        user=user,
    )
