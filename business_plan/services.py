"""Writes and workflows of the business plan: every change goes through here."""

import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from lscb_portal import rag as rag_rules
from lscb_portal.errors import AlreadyRecorded, DomainError, full_clean
from lscb_portal.periods import end_of_month, quarter_of
from lscb_portal.versioning import lock, update_versioned

from .models import (
    Action,
    ActionUpdate,
    BusinessPlan,
    Challenge,
    ChallengeResponse,
    PlanStatus,
    Rag,
    Theme,
)

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
        ],
        start=1,
    )
}
WHEN_RE = re.compile(r"\b([A-Za-z]{3})[a-z]*[\s\-/]+(\d{4}|\d{2})\b")


def due_date_from_when(when: str) -> date | None:
    """The last day of the month a "when" names ("Jul-17", "November 2016 and
    ongoing"); None for "Annually", "Ongoing" and other texts without a month."""
    for match in WHEN_RE.finditer(when or ""):
        month = MONTHS.get(match[1].lower())
        if month:
            year = int(match[2])
            return end_of_month(year + 2000 if year < 100 else year, month)
    return None


def _ensure_open(plan: BusinessPlan):
    if plan.is_closed:
        raise DomainError(f"{plan} is closed: its actions can no longer be changed.")


def plan_create(*, board, title, first_year, last_year, status, user) -> BusinessPlan:
    plan = BusinessPlan(
        board=board,
        title=title,
        first_year=first_year,
        last_year=last_year,
        status=status,
    )
    full_clean(plan)
    plan._history_user = user
    plan.save()
    return plan


def plan_update(*, plan, version, changes, user) -> BusinessPlan:
    if plan.is_closed:
        raise DomainError(f"{plan} is closed and can no longer be changed.")
    allowed = {"title", "first_year", "last_year", "status"}
    if changes.get("status") == PlanStatus.CLOSED:
        raise DomainError("Close a plan with “Close and carry forward”.")
    return update_versioned(
        BusinessPlan,
        pk=plan.pk,
        version=version,
        changes={k: v for k, v in changes.items() if k in allowed},
        user=user,
    )


def theme_create(*, plan, number, title, user) -> Theme:
    _ensure_open(plan)
    theme = Theme(plan=plan, number=number, title=title)
    full_clean(theme)
    theme._history_user = user
    theme.save()
    return theme


def _apply_owners(action, subgroups, agencies):
    action.owner_subgroups.set(subgroups)
    action.owner_agencies.set(agencies)


@transaction.atomic
def action_create(
    *,
    plan,
    theme,
    ref,
    text,
    user,
    owner_subgroups=(),
    owner_agencies=(),
    owner_role="",
    when_text="",
    due_date=None,
    outcome="",
    source="",
    carried_from=None,
) -> Action:
    _ensure_open(plan)
    action = Action(
        plan=plan,
        theme=theme,
        ref=ref.strip(),
        text=text,
        owner_role=owner_role,
        when_text=when_text,
        due_date=due_date or due_date_from_when(when_text),
        outcome=outcome,
        source=source,
        carried_from=carried_from,
    )
    full_clean(action)
    action._history_user = user
    action.save()
    _apply_owners(action, owner_subgroups, owner_agencies)
    return action


@transaction.atomic
def action_update_details(*, action, version, changes, user, reason="") -> Action:
    """Change an action's details; `reason` goes on the history records the save
    and any owner changes write."""
    _ensure_open(action.plan)
    subgroups = changes.pop("owner_subgroups", None)
    agencies = changes.pop("owner_agencies", None)
    if "when_text" in changes and not changes.get("due_date"):
        changes["due_date"] = due_date_from_when(changes["when_text"])
    action = update_versioned(
        Action,
        pk=action.pk,
        version=version,
        changes=changes,
        user=user,
        reason=reason,
    )
    if subgroups is not None:
        action.owner_subgroups.set(subgroups)
    if agencies is not None:
        action.owner_agencies.set(agencies)
    return action


def _update_errors(action, update_date, rag, narrative) -> dict[str, str]:
    """What is wrong with an update, by field; empty when nothing."""
    plan = action.plan
    errors = rag_rules.entry_errors(rag, narrative)
    if not plan.starts <= update_date <= plan.ends:
        errors["date"] = (
            f"The date must be within the plan's years, "
            f"{plan.starts:%-d %B %Y} to {plan.ends:%-d %B %Y}."
        )
    return errors


@dataclass
class UpdateRow:
    action: Action
    rag: str
    narrative: str


@transaction.atomic
def action_updates_record(
    *,
    rows: list[UpdateRow],
    update_date,
    user,
    subgroup=None,
    subgroup_return=None,
    quarter="",
    via="",
) -> list[ActionUpdate]:
    """The one writer of action updates, for the update form, the API, the
    quarterly bulk form and subgroup returns: every row is saved, or none is.
    Raises DomainError: for a closed plan, or with errors keyed by action ref."""
    errors = {}
    for row in rows:
        _ensure_open(row.action.plan)
        problems = _update_errors(row.action, update_date, row.rag, row.narrative)
        if problems:
            errors[row.action.ref] = list(problems.values())
    if errors:
        raise DomainError(errors)
    quarter = quarter or quarter_of(update_date)
    return ActionUpdate.objects.bulk_create(
        ActionUpdate(
            action=row.action,
            date=update_date,
            quarter=quarter,
            rag=row.rag,
            narrative=row.narrative.strip(),
            author=user,
            subgroup=subgroup,
            subgroup_return=subgroup_return,
            entered_via=via,
        )
        for row in rows
    )


def action_update_record(
    *, action, update_date, rag, narrative, user, subgroup=None, via=""
) -> ActionUpdate:
    """Append one dated RAG update to an action (the update form and the API):
    action_updates_record, refused with errors by field."""
    _ensure_open(action.plan)
    errors = _update_errors(action, update_date, rag, narrative)
    if errors:
        raise DomainError(errors)
    [update] = action_updates_record(
        rows=[UpdateRow(action, rag, narrative)],
        update_date=update_date,
        user=user,
        subgroup=subgroup,
        via=via,
    )
    return update


def challenge_raise(*, update, text, user) -> Challenge:
    if not text.strip():
        raise DomainError({"text": "Enter your challenge."})
    return Challenge.objects.create(update=update, raised_by=user, text=text.strip())


def challenge_respond(*, challenge, text, user) -> ChallengeResponse:
    if not text.strip():
        raise DomainError({"text": "Enter your response."})
    return ChallengeResponse.objects.create(
        challenge=challenge, author=user, text=text.strip()
    )


@transaction.atomic
def plan_carry_forward(*, plan, into, user) -> list[Action]:
    """Close `plan`, copying every action not complete into `into` (the annual
    report's rule: anything not complete is carried forward)."""
    plan = lock(BusinessPlan, pk=plan.pk)
    if plan.is_closed:
        raise AlreadyRecorded(f"{plan} is already closed.", plan)
    if into.pk == plan.pk or into.board_id != plan.board_id:
        raise DomainError("Choose another plan of this board to carry actions into.")
    if into.is_closed:
        raise DomainError(f"{into} is closed: choose an open plan.")

    incomplete = list(
        Action.objects.filter(plan=plan)
        .with_current_rag()
        .exclude(current_rag=Rag.COMPLETE)
        .select_related("theme")
        .prefetch_related("owner_subgroups", "owner_agencies")
    )
    taken = set(Action.objects.filter(plan=into).values_list("ref", flat=True))
    clashes = sorted({a.ref for a in incomplete} & taken, key=lambda r: r)
    if clashes:
        raise DomainError(
            f"{into} already has actions numbered {', '.join(clashes)}: "
            "renumber them before carrying forward."
        )
    themes = {t.number: t for t in Theme.objects.filter(plan=into)}
    copies = []
    for action in incomplete:
        theme = themes.get(action.theme.number)
        if theme is None:
            theme = themes[action.theme.number] = theme_create(
                plan=into,
                number=action.theme.number,
                title=action.theme.title,
                user=user,
            )
        copies.append(
            action_create(
                plan=into,
                theme=theme,
                ref=action.ref,
                text=action.text,
                user=user,
                owner_subgroups=list(action.owner_subgroups.all()),
                owner_agencies=list(action.owner_agencies.all()),
                owner_role=action.owner_role,
                when_text=action.when_text,
                due_date=action.due_date,
                outcome=action.outcome,
                source=action.source,
                carried_from=action,
            )
        )
    plan.status = PlanStatus.CLOSED
    plan.carried_forward_to = into
    plan.version += 1
    plan._history_user = user
    plan.save()
    return copies
