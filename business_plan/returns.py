"""The business plan's side of subgroup returns: the provider subgroups/actions.py
describes, set there when this app loads."""

from django.db import transaction
from django.db.models import Q

from lscb_portal.errors import DomainError
from lscb_portal.periods import quarter_of, reporting_year_start
from subgroups.actions import OwnedAction, RecordedUpdate

from . import services
from .models import Action, ActionUpdate, PlanStatus


def _queryset(subgroup, on):
    first_year = reporting_year_start(on)
    return (
        Action.objects.filter(owner_subgroups=subgroup)
        .exclude(plan__status=PlanStatus.CLOSED)
        .filter(Q(plan__first_year__lte=first_year), Q(plan__last_year__gt=first_year))
        .select_related("plan")
        .order_by("plan__first_year", "sort_key")
    )


def owned(subgroup, on):
    return [
        OwnedAction(a.pk, a.ref, a.text, a.plan.title, a.current_rag)
        for a in _queryset(subgroup, on).with_current_rag()
    ]


@transaction.atomic
def record(*, subgroup_return, entries, on, user):
    subgroup = subgroup_return.subgroup
    actions = {a.pk: a for a in _queryset(subgroup, on)}
    if set(entries) - set(actions):
        raise DomainError(
            {"actions": f"{subgroup} does not own one of the actions in this return."}
        )
    created = services.action_updates_record(
        rows=[
            services.UpdateRow(actions[action_id], rag, narrative)
            for action_id, (rag, narrative) in entries.items()
        ],
        update_date=on,
        user=user,
        subgroup=subgroup,
        subgroup_return=subgroup_return,
        quarter=subgroup_return.period or quarter_of(on),
    )
    return len(created)


def recorded(subgroup_return):
    updates = ActionUpdate.objects.filter(subgroup_return=subgroup_return)
    return [
        RecordedUpdate(u.action.ref, u.action.text, u.date, u.rag, u.narrative)
        for u in updates.select_related("action").order_by("action__sort_key", "id")
    ]
