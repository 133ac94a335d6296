"""Optimistic locking: an edit names the version it started from, and a stale one is
refused with who changed the record and when, never silently overwritten."""

from django.db import transaction
from django.utils import timezone


class StaleVersion(Exception):
    def __init__(self, instance):
        last = instance.history.select_related("history_user").first()
        who = (last.history_user if last and last.history_user else None) or "someone"
        when = timezone.localtime(last.history_date) if last else None
        at = f" at {when:%H:%M} on {when:%-d %B %Y}" if when else ""
        super().__init__(
            f"This record was changed by {who}{at} after you opened it. "
            "Your changes have not been saved: check the current version and "
            "make them again."
        )


@transaction.atomic
def update_versioned(model, *, pk, version: int, changes: dict, user):
    """Apply changes to a versioned row unless someone changed it since `version`."""
    instance = model.objects.select_for_update().get(pk=pk)
    if instance.version != version:
        raise StaleVersion(instance)
    for field, value in changes.items():
        setattr(instance, field, value)
    instance.version += 1
    instance.full_clean()
    instance._history_user = user
    instance.save()
    return instance
