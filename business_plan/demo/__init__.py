"""The business plan's part of the demo data: the 2014-17 plan (closed) and the
2016-19 plan as the annual report 2016-17 gives it at April 2017.

Real data has quirks, kept and made unique rather than dropped: in the 2016-19
plan two different actions are both numbered 3.2 (the second is stored as 3.2b)
and an unnumbered action follows 7.2 (stored as 7.2b); data_2016_19.py says
more. References are free text, so users can keep such suffixes too."""

from datetime import date

from django.db import transaction

from boards.models import Agency, Board, Membership, Role
from subgroups.models import ReturnStatus, Subgroup, SubgroupReturn

from .. import services
from ..models import Action, BusinessPlan, PlanStatus, Theme
from . import data_2014_17, data_2016_19

APRIL_2017_UPDATE = date(2017, 3, 31)  # the updates the annual report prints


def _load_plan(board, data, status, user):
    # Open while its updates are written: the writer refuses a closed plan's.
    plan, _ = BusinessPlan.objects.update_or_create(
        board=board,
        first_year=data.PLAN["first_year"],
        last_year=data.PLAN["last_year"],
        defaults={"title": data.PLAN["title"], "status": PlanStatus.ACTIVE},
    )
    themes = {}
    for number, title in data.THEMES:
        themes[number], _ = Theme.objects.update_or_create(
            plan=plan, number=number, defaults={"title": title}
        )
    subgroups = {s.name: s for s in Subgroup.objects.filter(board=board)}
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    # The demo's submitted 2016-17 Q4 subgroup returns carry their subgroups'
    # updates (a draft's updates are recorded when it is submitted).
    returns = {
        r.subgroup.name: r
        for r in SubgroupReturn.objects.filter(
            subgroup__board=board,
            period="2016-17 Q4",
            status__in=[ReturnStatus.SUBMITTED, ReturnStatus.NOTED],
        ).select_related("subgroup")
    }
    for row in data.ACTIONS:
        action, _ = Action.objects.update_or_create(
            plan=plan,
            ref=row["ref"],
            defaults={
                "theme": themes[row["theme"]],
                "text": row["text"],
                "owner_role": row["owner_role"],
                "when_text": row["when"],
                "due_date": services.due_date_from_when(row["when"]),
                "outcome": row["outcome"],
                "source": row["source"],
            },
        )
        action.owner_subgroups.set([subgroups[name] for name in row["subgroups"]])
        action.owner_agencies.set([agencies[name] for name in row.get("agencies", [])])
        if "update" in row and not action.updates.exists():
            services.action_updates_record(
                rows=[services.UpdateRow(action, row["rag"] or "", row["update"])],
                update_date=APRIL_2017_UPDATE,
                user=user,
                subgroup_return=returns.get(row["subgroups"][0])
                if len(row["subgroups"]) == 1
                else None,
            )
    if plan.status != status:
        plan.status = status
        plan.save()
    return plan


@transaction.atomic
def load() -> None:
    board = Board.objects.get(slug="cumbria")
    team = Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM).first()
    user = team.user if team else None
    _load_plan(board, data_2014_17, PlanStatus.CLOSED, user)
    plan = _load_plan(board, data_2016_19, PlanStatus.ACTIVE, user)
    previous = BusinessPlan.objects.get(board=board, first_year=2014)
    if previous.carried_forward_to_id != plan.pk:
        previous.carried_forward_to = plan
        previous.save()
