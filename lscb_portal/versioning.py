"""Optimistic locking: an edit names the version it started from, and a stale one is
refused with who changed the record and when, never silently overwritten."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .errors import DomainError, full_clean


class StaleVersion(DomainError):
    """Someone saved the record after this edit started (HTTP 409)."""

    def __init__(self, instance, *, message: str = ""):
        if message:
            super().__init__(message)
            return
        last = instance.history.select_related("history_user").first()
        who = (last.history_user if last and last.history_user else None) or "someone"
        when = timezone.localtime(last.history_date) if last else None
        at = f" at {when:%H:%M} on {when:%-d %B %Y}" if when else ""
        super().__init__(
            f"This record was changed by {who}{at} after you opened it. "
            "Your changes have not been saved: check the current version and "
            "make them again."
        )


def lock(model, **lookup):
    """The row, locked until the transaction ends, so a second click waits and then
    sees the first one's result. select_for_update alone is ignored by SQLite, where
    two transactions that both read before writing deadlock; a no-op UPDATE takes
    the write lock first on either database."""
    pk = model._meta.pk.attname
    model._base_manager.filter(**lookup).update(**{pk: F(pk)})
    return model.objects.select_for_update().get(**lookup)


@transaction.atomic
def update_versioned(model, *, pk, version: int, changes: dict, user, reason=""):
    """Apply changes to a versioned row unless someone changed it since `version`;
    `reason` goes on the history record the save writes."""
    instance = lock(model, pk=pk)
    if instance.version != version:
        raise StaleVersion(instance)
    for field, value in changes.items():
        setattr(instance, field, value)
    instance.version += 1
    full_clean(instance)
    instance._history_user = user
    if reason:
        instance._change_reason = reason
    instance.save()
    return instance
