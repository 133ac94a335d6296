"""What the board reads: the plan's overview and action list, what changed since
the last meeting, and the quarter's monitoring report."""

from datetime import timedelta
from functools import cached_property

from django.utils import timezone
from django.views.generic import TemplateView

from lscb_portal import charts
from lscb_portal.lists import Column, ListPageMixin
from lscb_portal.periods import quarter_of, quarters_between
from lscb_portal.templatetags.portal import rag_label

from .. import selectors
from ..filters import ActionFilter
from ..forms import SinceForm
from .mixins import PAGE_SIZE, PlanMixin


class PlanOverviewView(ListPageMixin, PlanMixin, TemplateView):
    """The board member's page: RAG counts per theme, filters, the actions."""

    template_name = "business_plan/plan_overview.html"
    page_size = PAGE_SIZE
    anchor = "actions"

    @property
    def list_name(self):
        return f"{self.plan.slug}-actions"

    def get_columns(self):
        def when(action):
            text = action.when_text or "–"
            return f"{text} Overdue" if action.is_overdue else text

        return [
            Column(
                "ref",
                "Ref",
                "ref",
                sort="sort_key",
                row_header=True,
                template="business_plan/_ref_cell.html",
            ),
            Column(
                "action",
                "Action",
                "text",
                sort="text",
                template="business_plan/_text_cell.html",
            ),
            Column("who", "Who", lambda a: a.owners_display()),
            Column(
                "when",
                "When",
                when,
                sort=("due_date", "sort_key"),
                template="business_plan/_when_cell.html",
            ),
            Column(
                "rag",
                "RAG",
                lambda a: rag_label(a.current_rag),
                sort=("current_rag", "sort_key"),
                template="business_plan/_rag_cell.html",
            ),
        ]

    @cached_property
    def filter(self):
        return ActionFilter(
            self.filter_data(),
            queryset=selectors.actions_for_list(self.plan),
            plan=self.plan,
        )

    def get_list(self):
        return self.filter.qs

    def get_caption(self):
        return f"Actions of {self.plan.title}"

    def get_context_data(self, **kwargs):
        overview = selectors.plan_overview(self.plan)
        return super().get_context_data(
            **overview,
            chart=charts.rag_bar(
                overview["total_counts"].ordered(), title=str(self.plan)
            ),
            filter=self.filter,
            **kwargs,
        )


class SinceLastMeetingView(PlanMixin, TemplateView):
    """Actions whose RAG changed since one of the board's meetings (or between
    two dates), and new completions. It opens on the latest board meeting before
    the plan's latest update, up to that update."""

    template_name = "business_plan/since.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        latest, until = selectors.data_until(self.plan, today)
        meetings = list(
            selectors.board_meetings_before(self.board, today + timedelta(days=1))
        )
        default = next((m for m in meetings if m.date < until), None)
        data = self.request.GET or None
        if data is None and default is not None:
            data = {"meeting": str(default.pk), "until": until.isoformat()}
        form = SinceForm(data, meetings=meetings)
        context = {"form": form, "latest_update": latest, "searched": False}
        if form.is_valid():
            since = form.cleaned_data["since"]
            end = form.cleaned_data["until"] or today
            changes = selectors.rag_changes(self.plan, since, end)
            context |= {
                "searched": True,
                "defaulted": not self.request.GET,
                "meeting": form.cleaned_data["meeting"],
                "since": since,
                "until": end,
                "changes": [c for c in changes if not c.completed],
                "completions": [c for c in changes if c.completed],
            }
        return super().get_context_data(**context, **kwargs)


class MonitoringReportView(PlanMixin, TemplateView):
    """The quarterly monitoring report: exceptions and highlights. It opens on
    the quarter of the plan's latest update (or today's, if earlier)."""

    template_name = "business_plan/monitoring.html"

    def get_context_data(self, **kwargs):
        plan = self.plan
        quarters = quarters_between(plan.starts, plan.ends)
        quarter = self.request.GET.get("quarter", "")
        opened_on = ""
        if quarter not in quarters:
            latest, until = selectors.data_until(plan, timezone.localdate())
            quarter = quarter_of(plan.clamp(until))
            opened_on = "the latest quarter with updates" if latest else "this quarter"
        return super().get_context_data(
            report=selectors.monitoring_report(plan, quarter),
            quarters=quarters,
            opened_on=opened_on,
            **kwargs,
        )
