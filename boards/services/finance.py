"""Writes to the budget: contributions by agency and spend by heading."""

from decimal import Decimal

from django.db import IntegrityError, transaction

from lscb_portal.errors import AlreadyRecorded, DomainError, full_clean
from lscb_portal.versioning import StaleVersion, lock

from ..models import Agency, Board, Contribution, Spend

CONTRIBUTION_EXISTS = (
    "This agency's contribution for the year is already recorded: change it instead."
)
SPEND_EXISTS = "This heading is already recorded for the year: change it instead."
NEGATIVE = "The amount cannot be negative: enter £0 or more"


def last_change_id(instance) -> int | None:
    """The newest history row of a record: what an edit form saw when it opened.
    These models carry no version field, so their history stands in for one."""
    return (
        instance.history.order_by("-history_id")
        .values_list("history_id", flat=True)
        .first()
    )


def lock_unchanged(model, *, pk: int, seen: int | None):
    """The row, locked for the rest of the transaction; StaleVersion if someone
    changed it after the form showing `seen` was opened."""
    instance = lock(model, pk=pk)
    if seen is not None and last_change_id(instance) != seen:
        raise StaleVersion(instance)
    return instance


def save_with_history(instance, *, user, find_duplicate=None, duplicate_message=""):
    """Validates and saves. If a concurrent save wins the race past the duplicate
    check, the unique constraint's IntegrityError becomes AlreadyRecorded with the
    row `find_duplicate()` returns, not a 500."""
    full_clean(instance)
    instance._history_user = user
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        existing = find_duplicate() if find_duplicate else None
        if existing is None:
            raise
        raise AlreadyRecorded(duplicate_message, existing) from None
    return instance


def _existing_contribution(*, board, year, agency, exclude_pk=None):
    found = Contribution.objects.filter(board=board, year=year, agency=agency)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found.first()


def _existing_spend(*, board, year, heading, exclude_pk=None):
    found = Spend.objects.filter(board=board, year=year, heading__iexact=heading)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found.first()


def _check_amount(amount: Decimal) -> None:
    if amount is not None and amount < 0:
        raise DomainError({"amount": NEGATIVE})


def _check_contribution(*, board, year, agency, amount, exclude_pk=None):
    _check_amount(amount)
    if agency.board_id != board.pk:
        raise DomainError({"agency": "Choose one of the board's agencies"})
    existing = _existing_contribution(
        board=board, year=year, agency=agency, exclude_pk=exclude_pk
    )
    if existing is not None:
        raise AlreadyRecorded(CONTRIBUTION_EXISTS, existing)


def _check_spend(*, board, year, heading, amount, exclude_pk=None):
    _check_amount(amount)
    existing = _existing_spend(
        board=board, year=year, heading=heading, exclude_pk=exclude_pk
    )
    if existing is not None:
        raise AlreadyRecorded(SPEND_EXISTS, existing)


@transaction.atomic
def contribution_create(
    *, board: Board, year: int, agency: Agency, amount: Decimal, user
) -> Contribution:
    """Record an agency's contribution for a year: one per agency and year."""
    _check_contribution(board=board, year=year, agency=agency, amount=amount)
    contribution = Contribution(board=board, year=year, agency=agency, amount=amount)
    return save_with_history(
        contribution,
        user=user,
        duplicate_message=CONTRIBUTION_EXISTS,
        find_duplicate=lambda: _existing_contribution(
            board=board, year=year, agency=agency
        ),
    )


@transaction.atomic
def contribution_update(
    *,
    contribution: Contribution,
    seen: int | None,
    year: int,
    agency: Agency,
    amount: Decimal,
    user,
) -> Contribution:
    board = contribution.board
    contribution = lock_unchanged(Contribution, pk=contribution.pk, seen=seen)
    _check_contribution(
        board=board,
        year=year,
        agency=agency,
        amount=amount,
        exclude_pk=contribution.pk,
    )
    contribution.year, contribution.agency, contribution.amount = year, agency, amount
    return save_with_history(
        contribution,
        user=user,
        duplicate_message=CONTRIBUTION_EXISTS,
        find_duplicate=lambda: _existing_contribution(
            board=board, year=year, agency=agency, exclude_pk=contribution.pk
        ),
    )


@transaction.atomic
def contribution_delete(*, contribution: Contribution, user) -> None:
    contribution._history_user = user
    contribution.delete()


@transaction.atomic
def spend_create(*, board: Board, year: int, heading: str, amount: Decimal, user):
    """Record what was spent under a heading in a year: one line per heading."""
    heading = heading.strip()
    _check_spend(board=board, year=year, heading=heading, amount=amount)
    spend = Spend(board=board, year=year, heading=heading, amount=amount)
    return save_with_history(
        spend,
        user=user,
        duplicate_message=SPEND_EXISTS,
        find_duplicate=lambda: _existing_spend(board=board, year=year, heading=heading),
    )


@transaction.atomic
def spend_update(
    *, spend: Spend, seen: int | None, year: int, heading: str, amount: Decimal, user
) -> Spend:
    board = spend.board
    heading = heading.strip()
    spend = lock_unchanged(Spend, pk=spend.pk, seen=seen)
    _check_spend(
        board=board, year=year, heading=heading, amount=amount, exclude_pk=spend.pk
    )
    spend.year, spend.heading, spend.amount = year, heading, amount
    return save_with_history(
        spend,
        user=user,
        duplicate_message=SPEND_EXISTS,
        find_duplicate=lambda: _existing_spend(
            board=board, year=year, heading=heading, exclude_pk=spend.pk
        ),
    )


@transaction.atomic
def spend_delete(*, spend: Spend, user) -> None:
    spend._history_user = user
    spend.delete()
