"""The business plan's section of the annual report (see reports.sections)."""

from datetime import date

from lscb_portal.charts import rag_bar

from .models import Action, BusinessPlan
from .selectors import RagCounts

CHART = "business-plan-rag"


def plan_for_year(board, year):
    """The plan covering the reporting year; the newest if plans overlap."""
    return (
        BusinessPlan.objects.filter(
            board=board, first_year__lte=year, last_year__gt=year
        )
        .order_by("-first_year")
        .first()
    )


def _who(action) -> str:
    names = [s.name for s in action.owner_subgroups.all()]
    names += [a.short_name or a.name for a in action.owner_agencies.all()]
    if action.owner_role:
        names.append(action.owner_role)
    return ", ".join(names)


def _when(action) -> str:
    if action.when_text:
        return action.when_text
    return f"{action.due_date:%-d %B %Y}" if action.due_date else ""


def business_plan_update(board, year):
    """Every action of the plan with its RAG and latest update at the year end,
    the RAG counts and a bar of them."""
    plan = plan_for_year(board, year)
    if plan is None:
        return None
    end = date(year + 1, 3, 31)
    actions = list(
        Action.objects.filter(plan=plan)
        .with_rag_as_of(end, name="at_end")
        .select_related("theme")
        .prefetch_related("owner_subgroups", "owner_agencies")
        .order_by("sort_key")
    )
    if not actions:
        return None
    counts = RagCounts("All themes")
    by_theme: dict[int, RagCounts] = {}
    rows = []
    for action in actions:
        rag = action.rag_at_end
        counts.counts[rag] += 1
        theme = by_theme.setdefault(action.theme_id, RagCounts(str(action.theme)))
        theme.counts[rag] += 1
        rows.append(
            {
                "action": action,
                "rag": rag,
                "update": action.narrative_at_end,
                "who": _who(action),
                "when": _when(action),
            }
        )
    chart = rag_bar(counts.ordered(), title=f"RAG of the {plan.title} actions")
    return {
        "plan": plan,
        "rows": rows,
        "theme_counts": list(by_theme.values()),
        "total_counts": counts,
        "chart_name": CHART,
        "chart_svg": chart,
        "charts": {CHART: chart},
    }
