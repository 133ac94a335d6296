"""Reads of the business plan: overview counts, RAG changes, the monitoring report.
Each runs a fixed number of queries whatever the plan's size."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Max, Prefetch

from boards.models import Meeting, MeetingKind
from lscb_portal.periods import quarter_bounds

from .models import (
    Action,
    ActionUpdate,
    BusinessPlan,
    Challenge,
    PlanStatus,
    Rag,
    Theme,
)

RAG_ORDER = ["R", "A", "G", "C", ""]


@dataclass
class RagCounts:
    label: str
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def ordered(self) -> list[tuple[str, int]]:
        return [(rag, self.counts.get(rag, 0)) for rag in RAG_ORDER]


def plan_overview(plan) -> dict:
    """RAG counts per theme and in total, from each action's current RAG."""
    themes = list(Theme.objects.filter(plan=plan))
    rows = {theme.pk: RagCounts(str(theme)) for theme in themes}
    total = RagCounts("All themes")
    pairs = Action.objects.filter(plan=plan).with_current_rag()
    for theme_id, rag in pairs.values_list("theme_id", "current_rag"):
        rows[theme_id].counts[rag] += 1
        total.counts[rag] += 1
    return {"theme_counts": list(rows.values()), "total_counts": total}


def actions_for_list(plan):
    """The plan's actions with what a list shows: theme, owners, current RAG."""
    return (
        Action.objects.filter(plan=plan)
        .with_current_rag()
        .select_related("theme")
        .prefetch_related("owner_subgroups", "owner_agencies")
        .order_by("sort_key")
    )


def action_detail(action) -> list[ActionUpdate]:
    """An action's whole update history, newest first, with challenge threads."""
    return list(
        ActionUpdate.objects.filter(action=action)
        .select_related("author", "subgroup")
        .prefetch_related(
            Prefetch(
                "challenges",
                queryset=Challenge.objects.select_related("raised_by").prefetch_related(
                    "responses__author"
                ),
            )
        )
    )


@dataclass
class RagChange:
    action: Action
    before: str
    after: str
    narrative: str

    @property
    def completed(self) -> bool:
        return self.after == Rag.COMPLETE


def rag_changes(plan, start: date, end: date) -> list[RagChange]:
    """Actions whose RAG on `end` differs from their RAG the day before `start`
    (e.g. G→A), with the latest narrative; new completions included."""
    actions = (
        Action.objects.filter(plan=plan)
        .with_rag_as_of(start - timedelta(days=1), name="before")
        .with_rag_as_of(end, name="after")
        .select_related("theme")
        .order_by("sort_key")
    )
    return [
        RagChange(a, a.rag_before, a.rag_after, a.narrative_after)
        for a in actions
        if a.rag_before != a.rag_after
    ]


def data_until(plan, today: date) -> tuple[date | None, date]:
    """The plan's latest update (None without one) and the last day its figures
    reach: that update, or today when earlier. Pages that pick a period open on
    it, so a plan whose updates stopped years ago opens on them. One query."""
    latest = ActionUpdate.objects.filter(action__plan=plan).aggregate(d=Max("date"))[
        "d"
    ]
    return latest, min(latest, today) if latest else today


def board_meetings_before(board, day: date):
    """The board's own (board) meetings before `day`, newest first."""
    return Meeting.objects.filter(
        board=board, kind=MeetingKind.BOARD, date__lt=day
    ).order_by("-date", "-pk")


def monitoring_report(plan, quarter: str) -> dict:
    """The quarterly exceptions-and-highlights report: red and amber actions with
    their narrative, RAG changes this quarter, completions, overdue actions."""
    start, end = quarter_bounds(quarter)
    actions = list(
        Action.objects.filter(plan=plan)
        .with_rag_as_of(end, name="now")
        .select_related("theme")
        .prefetch_related("owner_subgroups", "owner_agencies")
        .order_by("sort_key")
    )
    changes = rag_changes(plan, start, end)
    ratings = Counter(a.rag_now for a in actions)
    return {
        "quarter": quarter,
        "start": start,
        "end": end,
        # Every action's RAG at the quarter's end, for the summary line.
        "rag_counts": [(rag.label, ratings[rag.value]) for rag in Rag]
        + [("Not rated", ratings[""])],
        "red": [a for a in actions if a.rag_now == Rag.RED],
        "amber": [a for a in actions if a.rag_now == Rag.AMBER],
        "changes": [c for c in changes if not c.completed],
        "completions": [c for c in changes if c.completed],
        "overdue": [a for a in actions if a.is_overdue_on(end, a.rag_now)],
    }


def agency_actions(agency) -> dict:
    """For the agency's page: actions of open plans the agency owns, with RAG."""
    actions = (
        Action.objects.filter(owner_agencies=agency)
        .exclude(plan__status="closed")
        .with_current_rag()
        .select_related("plan__board")
        .order_by("plan__first_year", "sort_key")
    )
    return {"actions": list(actions)}


def describe_plans(board) -> str:
    plans = list(BusinessPlan.objects.filter(board=board).only("title", "status"))
    active = [p.title for p in plans if p.status == PlanStatus.ACTIVE]
    if not plans:
        return "No plan yet"
    text = f"{len(plans)} plan{'s' if len(plans) != 1 else ''}"
    return f"{text}; active: {', '.join(active)}" if active else text
