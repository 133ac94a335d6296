"""The business plan's side of subgroup returns (see subgroups/actions.py)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from lscb_portal.errors import DomainError
from lscb_portal.periods import quarter_of
from subgroups.actions import OwnedAction, RecordedUpdate

from .models import Action, ActionUpdate, PlanStatus
from .services import validate_update


class PlanActions:
    def _queryset(self, subgroup, on):
        first_year = on.year if on.month >= 4 else on.year - 1
        return (
            Action.objects.filter(owner_subgroups=subgroup)
            .exclude(plan__status=PlanStatus.CLOSED)
            .filter(
                Q(plan__first_year__lte=first_year), Q(plan__last_year__gt=first_year)
            )
            .select_related("plan")
            .order_by("plan__first_year", "sort_key")
        )

    def owned(self, subgroup, on):
        return [
            OwnedAction(a.pk, a.ref, a.text, a.plan.title, a.current_rag)
            for a in self._queryset(subgroup, on).with_current_rag()
        ]

    @transaction.atomic
    def record(self, *, subgroup_return, entries, on, user):
        subgroup = subgroup_return.subgroup
        actions = {a.pk: a for a in self._queryset(subgroup, on)}
        errors = {}
        for action_id in entries:
            if action_id not in actions:
                errors.setdefault("actions", []).append(
                    f"{subgroup} does not own one of the actions in this return."
                )
        for action_id, (rag, narrative) in entries.items():
            action = actions.get(action_id)
            if action is None:
                continue
            try:
                validate_update(action, on, rag, narrative)
            except ValidationError as error:
                errors[action.ref] = [
                    m for ms in error.message_dict.values() for m in ms
                ]
        if errors:
            raise DomainError(errors)
        ActionUpdate.objects.bulk_create(
            ActionUpdate(
                action=actions[action_id],
                date=on,
                quarter=subgroup_return.period or quarter_of(on),
                rag=rag,
                narrative=narrative.strip(),
                author=user,
                subgroup=subgroup,
                subgroup_return=subgroup_return,
            )
            for action_id, (rag, narrative) in entries.items()
        )
        return len(entries)

    def recorded(self, subgroup_return):
        updates = ActionUpdate.objects.filter(subgroup_return=subgroup_return)
        return [
            RecordedUpdate(u.action.ref, u.action.text, u.date, u.rag, u.narrative)
            for u in updates.select_related("action").order_by("action__sort_key", "id")
        ]
