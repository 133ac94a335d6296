"""Writes to the challenge log: raising a challenge, changing it, recording the
response and outcome, closing it. A challenge is closed only with its outcome."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from lscb_portal.errors import AlreadyRecorded, DomainError, full_clean
from lscb_portal.versioning import lock, update_versioned

from ..models import Agency, ChallengeLogEntry, ChallengeStatus, Membership

CLOSE_NEEDS_OUTCOME = "Record the outcome before closing the challenge"
CLOSED_BEFORE_RAISED = (
    "The date it was closed must be the same as or after the date it was raised"
)

DETAIL_FIELDS = ("date", "raised_by", "agency_challenged", "subject", "details")
RESPONSE_FIELDS = ("response", "outcome", "impact", "status", "closed_on")


def _check_belongs(board, *, raised_by: Membership, agency_challenged: Agency):
    errors = {}
    if raised_by is not None and raised_by.board_id != board.pk:
        errors["raised_by"] = "Choose a member of this board"
    if agency_challenged is not None and agency_challenged.board_id != board.pk:
        errors["agency_challenged"] = "Choose one of this board's agencies"
    if errors:
        raise DomainError(errors)


@transaction.atomic
def challenge_raise(
    *,
    board,
    raised_by: Membership,
    agency_challenged: Agency,
    subject: str,
    user,
    date: date | None = None,
    details: str = "",
    prompted_by=None,
) -> ChallengeLogEntry:
    """Log a new, open challenge; the raising member's agency is recorded with it."""
    _check_belongs(board, raised_by=raised_by, agency_challenged=agency_challenged)
    challenge = ChallengeLogEntry(
        board=board,
        date=date or timezone.localdate(),
        raised_by=raised_by,
        raised_by_agency=raised_by.agency,
        agency_challenged=agency_challenged,
        subject=subject,
        details=details,
        status=ChallengeStatus.OPEN,
    )
    if prompted_by is not None:
        challenge.prompted_by = prompted_by
    full_clean(challenge)
    challenge._history_user = user
    challenge.save()
    return challenge


def challenge_update_details(
    *, challenge: ChallengeLogEntry, version: int, changes: dict, user
) -> ChallengeLogEntry:
    """Change who raised the challenge, of whom, when and about what; raises
    StaleVersion if someone saved first."""
    changes = {k: v for k, v in changes.items() if k in DETAIL_FIELDS}
    raised_by = changes.get("raised_by", challenge.raised_by)
    _check_belongs(
        challenge.board,
        raised_by=raised_by,
        agency_challenged=changes.get("agency_challenged"),
    )
    if "raised_by" in changes:
        changes["raised_by_agency"] = raised_by.agency
    closed_on = challenge.closed_on
    when = changes.get("date", challenge.date)
    if closed_on and when and closed_on < when:
        raise DomainError({"date": CLOSED_BEFORE_RAISED})
    return update_versioned(
        ChallengeLogEntry,
        pk=challenge.pk,
        version=version,
        changes=changes,
        user=user,
    )


@transaction.atomic
def challenge_respond(
    *,
    challenge: ChallengeLogEntry,
    version: int,
    user,
    response: str = "",
    outcome: str = "",
    impact: str = "",
    status: str = ChallengeStatus.OPEN,
    closed_on: date | None = None,
) -> ChallengeLogEntry:
    """Record the agency's response, the outcome and its impact; with status closed
    this closes the challenge (dated today unless `closed_on` is given), which is
    refused without an outcome. Reopening clears the closing date. Raises
    StaleVersion if someone saved first, AlreadyRecorded if they closed it."""
    challenge = lock(ChallengeLogEntry, pk=challenge.pk)
    if (
        challenge.version != version
        and status == ChallengeStatus.CLOSED == challenge.status
    ):
        raise AlreadyRecorded(
            f"This challenge was already closed on {challenge.closed_on:%-d %B %Y}.",
            challenge,
        )
    outcome = (outcome or "").strip()
    if status not in ChallengeStatus.values:
        raise DomainError({"status": "Choose open or closed"})
    if status == ChallengeStatus.CLOSED:
        if not outcome:
            raise DomainError({"outcome": CLOSE_NEEDS_OUTCOME})
        closed_on = closed_on or challenge.closed_on or timezone.localdate()
        if closed_on < challenge.date:
            raise DomainError({"closed_on": CLOSED_BEFORE_RAISED})
    else:
        closed_on = None
    return update_versioned(
        ChallengeLogEntry,
        pk=challenge.pk,
        version=version,
        changes={
            "response": (response or "").strip(),
            "outcome": outcome,
            "impact": (impact or "").strip(),
            "status": status,
            "closed_on": closed_on,
        },
        user=user,
    )
