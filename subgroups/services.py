"""Writes and workflows of subgroups, returns, the planner and reminders."""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from boards.models import Meeting
from lscb_portal.errors import AlreadyRecorded, DomainError
from lscb_portal.files import MAX_UPLOAD_BYTES, upload_name, upload_refusal
from lscb_portal.periods import quarter_bounds
from lscb_portal.versioning import StaleVersion, lock, update_versioned

from . import actions, planner
from .models import (
    MeetingPaper,
    ReminderKind,
    ReturnAttachment,
    ReturnReminder,
    ReturnStatus,
    Subgroup,
    SubgroupReturn,
)

SUBMITTED = "Submitted"  # the reason on a submission's history row
MAX_ATTACHMENT_BYTES = MAX_UPLOAD_BYTES


def subgroup_update(*, subgroup, version, changes, user) -> Subgroup:
    members = changes.pop("members", None)
    agencies = changes.pop("member_agencies", None)
    with transaction.atomic():
        subgroup = update_versioned(
            Subgroup, pk=subgroup.pk, version=version, changes=changes, user=user
        )
        if members is not None:
            subgroup.members.set(members)
        if agencies is not None:
            subgroup.member_agencies.set(agencies)
    return subgroup


def return_update_date(subgroup_return) -> date:
    """The date its RAG updates carry: the period's end, or today if earlier."""
    return min(quarter_bounds(subgroup_return.period)[1], timezone.localdate())


def return_start(*, subgroup, period, user) -> SubgroupReturn:
    """A new draft; a second return for the same period is refused."""
    quarter_bounds(period)  # raises ValueError for a badly written period
    if SubgroupReturn.objects.filter(subgroup=subgroup, period=period).exists():
        raise DomainError({"period": f"{subgroup} already has a return for {period}."})
    subgroup_return = SubgroupReturn(subgroup=subgroup, period=period, created_by=user)
    subgroup_return._history_user = user
    subgroup_return.save()
    return subgroup_return


def return_save(*, subgroup_return, version, changes, user) -> SubgroupReturn:
    """Save answers from one question page (draft or after submission: the
    earlier version stays in history)."""
    allowed = {"highlights", "meetings_held", "exceptions", "risks"}
    return update_versioned(
        SubgroupReturn,
        pk=subgroup_return.pk,
        version=version,
        changes={k: v for k, v in changes.items() if k in allowed},
        user=user,
    )


def return_save_actions(*, subgroup_return, entries: dict, user) -> SubgroupReturn:
    """Keep the draft RAG entries {action id: (rag, narrative)} on the return, after
    checking the subgroup owns every action."""
    owned = {
        a.id
        for a in actions.provider.owned(
            subgroup_return.subgroup, return_update_date(subgroup_return)
        )
    }
    if set(entries) - owned:
        raise DomainError(
            f"{subgroup_return.subgroup} does not own every action in this return."
        )
    subgroup_return.action_entries = {
        str(action_id): {"rag": rag, "narrative": narrative}
        for action_id, (rag, narrative) in entries.items()
    }
    subgroup_return.save(update_fields=["action_entries", "modified_at"])
    return subgroup_return


def draft_entries(subgroup_return) -> dict[int, tuple[str, str]]:
    return {
        int(action_id): (entry["rag"], entry["narrative"])
        for action_id, entry in subgroup_return.action_entries.items()
    }


@transaction.atomic
def return_submit(
    *, subgroup_return, user, version: int | None = None
) -> SubgroupReturn:
    """Submit (or re-submit after changes): the RAG entries become the actions'
    updates, and the return is received for the next meeting it is due at.
    `version` is the one the check page showed (default: the instance's): a
    second click, or a concurrent submission, finds it submitted since and is
    refused with AlreadyRecorded, so one submission is recorded once."""
    seen = subgroup_return.version if version is None else version
    subgroup_return = lock(SubgroupReturn, pk=subgroup_return.pk)
    if subgroup_return.version != seen:
        last = subgroup_return.history.select_related("history_user").first()
        if last is not None and last.history_change_reason == SUBMITTED:
            when = timezone.localtime(last.history_date)
            raise AlreadyRecorded(
                f"{subgroup_return} was already submitted by "
                f"{last.history_user or 'someone'} at {when:%H:%M} on "
                f"{when:%-d %B %Y}.",
                subgroup_return,
            )
        raise StaleVersion(subgroup_return)
    entries = draft_entries(subgroup_return)
    if entries:
        actions.provider.record(
            subgroup_return=subgroup_return,
            entries=entries,
            on=return_update_date(subgroup_return),
            user=user,
        )
    first_submission = subgroup_return.status == ReturnStatus.DRAFT
    if first_submission:
        subgroup_return.status = ReturnStatus.SUBMITTED
        subgroup_return.submitted_by = user
        subgroup_return.submitted_at = timezone.now()
    subgroup_return.action_entries = {}
    subgroup_return.version += 1
    subgroup_return._history_user = user
    subgroup_return._change_reason = SUBMITTED
    subgroup_return.save()
    if first_submission:
        _receive_for_next_meeting(subgroup_return, user)
    return subgroup_return


def _receive_for_next_meeting(subgroup_return, user):
    """Records the return against the earliest coming meeting at which one of its
    subgroup's planner reports is due and not yet received."""
    today = timezone.localdate()
    subgroup = subgroup_return.subgroup
    items = list(subgroup.plan_items.all())
    if not items:
        return
    upcoming = Meeting.objects.filter(board=subgroup.board, date__gte=today).order_by(
        "date"
    )
    for meeting in upcoming[:24]:
        due_here = [
            cell
            for cell in planner.meeting_reports(meeting, today)
            if cell.item.subgroup_id == subgroup.pk and cell.paper is None
        ]
        if due_here:
            for cell in due_here:
                MeetingPaper.objects.create(
                    meeting=meeting,
                    plan_item=cell.item,
                    subgroup_return=subgroup_return,
                    received_by=user,
                )
            return


def attachment_add(*, subgroup_return, upload, user) -> ReturnAttachment:
    refusal = upload_refusal(upload)
    if refusal:
        raise DomainError({"file": refusal})
    name = upload_name(upload)
    return ReturnAttachment.objects.create(
        subgroup_return=subgroup_return,
        file=upload,
        name=name[:200],
        size=upload.size,
        uploaded_by=user,
    )


def paper_receive(*, meeting, plan_item, user, subgroup_return=None, note=""):
    try:
        with transaction.atomic():
            return MeetingPaper.objects.create(
                meeting=meeting,
                plan_item=plan_item,
                subgroup_return=subgroup_return,
                note=note,
                received_by=user,
            )
    except IntegrityError:
        raise DomainError(
            f"{plan_item} is already received for this meeting."
        ) from None


def reminders_send(*, today: date | None = None) -> int:
    """E-mails each subgroup chair once when a report their subgroup owes is due
    within RETURN_REMINDER_DAYS, and once when it is late. Returns how many sent."""
    today = today or timezone.localdate()
    sent = 0
    meetings = Meeting.objects.filter(date__gte=today).select_related("board")
    for meeting in meetings.order_by("date")[:200]:
        for cell in planner.meeting_reports(meeting, today):
            kind = _reminder_kind(cell, today)
            chair = cell.item.subgroup.chair if cell.item.subgroup_id else None
            if kind is None or chair is None or not chair.user.email:
                continue
            if _send_reminder(cell, kind, chair.user.email):
                sent += 1
    return sent


def _reminder_kind(cell, today):
    if cell.status == planner.Status.LATE:
        return ReminderKind.LATE
    if (
        cell.status == planner.Status.DUE
        and (cell.deadline - today).days <= settings.RETURN_REMINDER_DAYS
    ):
        return ReminderKind.DUE
    return None


def _send_reminder(cell, kind, email) -> bool:
    """Records the attempt, sends, then marks it sent: a send that did not finish
    (the worker killed, the mail server stalled) is tried again by a later run,
    and one that finished is never sent again."""
    claim = _claim_reminder(cell, kind, email)
    if claim is None:
        return False
    when = f"{cell.deadline:%-d %B %Y}"
    if kind == ReminderKind.DUE:
        subject = f"Reminder: {cell.item} is due by {when}"
        opening = f"{cell.item} is due for the {cell.meeting} by {when}."
    else:
        subject = f"Late: {cell.item} was due by {when}"
        opening = f"{cell.item} was due for the {cell.meeting} by {when}."
    try:
        send_mail(
            subject,
            f"{opening}\n\nPlease submit it through the LSCB portal.\n",
            None,
            [email],
        )
    except BaseException:  # SoftTimeLimitExceeded too: not sent, the next run tries
        ReturnReminder.objects.filter(pk=claim.pk, sent_at__isnull=True).delete()
        raise
    ReturnReminder.objects.filter(pk=claim.pk).update(sent_at=timezone.now())
    return True


def _claim_reminder(cell, kind, email) -> ReturnReminder | None:
    """The reminder's row for this attempt: a new one, or an unsent one whose
    attempt died with its run (older than a reminder run's hard time limit).
    Conditional updates, so of two runs at once only one sends."""
    now = timezone.now()
    reminder, created = ReturnReminder.objects.get_or_create(
        plan_item=cell.item,
        meeting=cell.meeting,
        kind=kind,
        defaults={"sent_to": email, "attempted_at": now},
    )
    if created:
        return reminder
    abandoned = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    retaken = ReturnReminder.objects.filter(
        pk=reminder.pk, sent_at__isnull=True, attempted_at__lt=abandoned
    ).update(attempted_at=now, sent_to=email)
    return reminder if retaken else None
