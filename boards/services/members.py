"""Writes for members: their dates and induction record, and declarations of
interest (annual, or on an agenda item)."""

from datetime import date

from lscb_portal.errors import DomainError, full_clean
from lscb_portal.versioning import update_versioned

from ..models import AgendaItem, Declaration, Membership

MEMBER_EDITABLE_FIELDS = (
    "member_from",
    "member_to",
    "induction_done",
    "handbook_signed",
    "last_one_to_one",
)


def membership_update(
    *, membership: Membership, version: int, changes: dict, user
) -> Membership:
    """Change a member's dates and induction record; raises StaleVersion if
    someone saved first."""
    changes = {k: v for k, v in changes.items() if k in MEMBER_EDITABLE_FIELDS}
    start, end = (
        changes.get("member_from", membership.member_from),
        changes.get("member_to", membership.member_to),
    )
    if start and end and end < start:
        raise DomainError(
            {"member_to": "The date they left must be after the date they joined."}
        )
    return update_versioned(
        Membership, pk=membership.pk, version=version, changes=changes, user=user
    )


def _save(declaration, user):
    full_clean(declaration)
    declaration._history_user = user
    declaration.save()
    return declaration


def declaration_add_annual(
    *, membership: Membership, year: int, interest: str, declared_on: date, user
) -> Declaration:
    """A member's declaration of interests for a reporting year ("None" for nil)."""
    return _save(
        Declaration(
            membership=membership,
            year=year,
            interest=interest.strip(),
            declared_on=declared_on,
            recorded_by=user,
        ),
        user,
    )


def declaration_add_for_item(
    *,
    agenda_item: AgendaItem,
    membership: Membership,
    interest: str,
    declared_on: date,
    user,
) -> Declaration:
    """A member's interest declared on an item of a meeting's agenda."""
    if membership.board_id != agenda_item.meeting.board_id:
        raise DomainError({"membership": "Choose a member of this board."})
    return _save(
        Declaration(
            membership=membership,
            agenda_item=agenda_item,
            interest=interest.strip(),
            declared_on=declared_on,
            recorded_by=user,
        ),
        user,
    )
