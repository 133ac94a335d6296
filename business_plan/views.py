from datetime import timedelta
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from lscb_portal import charts
from lscb_portal.errors import DomainError
from lscb_portal.forms import FormPageMixin, VersionedEditMixin, add_errors
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin
from lscb_portal.periods import quarter_of, quarters_between
from lscb_portal.tables import ImportFailed
from lscb_portal.templatetags.portal import rag_label
from subgroups.models import Subgroup

from . import permissions, selectors, services
from .filters import ActionFilter
from .forms import (
    ActionEditForm,
    ActionForm,
    BulkRowForm,
    BulkUpdateDateForm,
    CarryForwardForm,
    ChallengeForm,
    ImportForm,
    PlanEditForm,
    PlanForm,
    ResponseForm,
    SinceForm,
    ThemeForm,
    UpdateForm,
)
from .imports import plan_import
from .models import Action, ActionUpdate, BusinessPlan, Challenge, Rag

PAGE_SIZE = 50


def plan_url(plan):
    return reverse("business_plan:overview", args=[plan.board.slug, plan.slug])


def action_url(action):
    return reverse(
        "business_plan:action",
        args=[action.plan.board.slug, action.plan.slug, action.ref],
    )


class PlanMixin(BoardMixin):
    """Resolves /boards/<board>/plans/<plan_slug>/ (e.g. 2016-19) to self.plan."""

    permission = staticmethod(permissions.can_view_plans)
    open_plan_only = False  # True for pages that change the plan

    @cached_property
    def plan(self) -> BusinessPlan:
        slug = self.kwargs["plan_slug"]
        try:
            first = int(slug[:4])
            last = first // 100 * 100 + int(slug[5:7])
        except ValueError:
            raise Http404 from None
        if last < first:
            last += 100
        return get_object_or_404(
            BusinessPlan, board=self.board, first_year=first, last_year=last
        )

    def before_handler(self, request):
        if self.open_plan_only and self.plan.is_closed:
            messages.error(
                request, f"{self.plan} is closed: its actions can no longer change."
            )
            return redirect("business_plan:overview", self.board.slug, self.plan.slug)
        return None

    def get_context_data(self, **kwargs):
        kwargs.setdefault("plan", self.plan)
        kwargs.setdefault(
            "can_manage", permissions.can_manage_plans(self.request.user, self.board)
        )
        return super().get_context_data(**kwargs)


class ActionMixin(PlanMixin):
    """Resolves .../actions/<ref>/ to self.action."""

    # A predicate (user, action) -> bool checked once the action is known.
    action_permission = None

    @cached_property
    def action(self) -> Action:
        return get_object_or_404(
            Action.objects.with_current_rag()
            .select_related("theme", "plan__board")
            .prefetch_related("owner_subgroups__chair", "owner_agencies"),
            plan=self.plan,
            ref=self.kwargs["ref"],
        )

    def before_handler(self, request):
        if self.action_permission is not None and not self.action_permission(
            request.user, self.action
        ):
            raise PermissionDenied
        return super().before_handler(request)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("action", self.action)
        return super().get_context_data(**kwargs)


# Plans -------------------------------------------------------------------------


class PlanListView(BoardMixin, TemplateView):
    template_name = "business_plan/plan_list.html"
    permission = staticmethod(permissions.can_view_plans)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            plans=BusinessPlan.objects.filter(board=self.board),
            can_manage=permissions.can_manage_plans(self.request.user, self.board),
            **kwargs,
        )


class PlanCreateView(BoardMixin, FormPageMixin, FormView):
    form_class = PlanForm
    permission = staticmethod(permissions.can_manage_plans)
    page_title = "New business plan"
    submit_label = "Create plan"

    def get_back_url(self):
        return reverse("business_plan:list", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_valid(self, form):
        try:
            plan = services.plan_create(
                board=self.board, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{plan} created. Add its themes and actions.")
        return redirect("business_plan:overview", self.board.slug, plan.slug)


class PlanEditView(PlanMixin, FormPageMixin, VersionedEditMixin, FormView):
    form_class = PlanEditForm
    permission = staticmethod(permissions.can_manage_plans)
    page_title = "Change the plan"
    submit_label = "Save changes"

    open_plan_only = True

    def get_back_url(self):
        return plan_url(self.plan)

    def versioned_record(self):
        return self.plan

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def save(self, data, version):
        plan = services.plan_update(
            plan=self.plan, version=version, changes=data, user=self.request.user
        )
        messages.success(self.request, f"{plan} saved.")
        return redirect("business_plan:overview", self.board.slug, plan.slug)


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


class PlanCloseView(PlanMixin, FormPageMixin, FormView):
    form_class = CarryForwardForm
    permission = staticmethod(permissions.can_manage_plans)
    submit_label = "Close and carry forward"

    def get_page_title(self):
        return f"Close {self.plan}"

    open_plan_only = True

    def get_back_url(self):
        return plan_url(self.plan)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def get_context_data(self, **kwargs):
        counts = selectors.plan_overview(self.plan)["total_counts"]
        incomplete = counts.total - counts.counts.get(Rag.COMPLETE, 0)
        intro = (
            f"Closing the plan copies its {incomplete} action"
            f"{'s' if incomplete != 1 else ''} that are not complete into the plan "
            "you choose, linked back to this one. The closed plan can no longer change."
        )
        return super().get_context_data(intro=intro, **kwargs)

    def form_valid(self, form):
        into = form.cleaned_data["into"]
        try:
            copies = services.plan_carry_forward(
                plan=self.plan, into=into, user=self.request.user
            )
        except DomainError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{self.plan} closed; {len(copies)} incomplete action"
            f"{'s' if len(copies) != 1 else ''} carried forward into {into}.",
        )
        return redirect("business_plan:overview", self.board.slug, into.slug)


class ThemeCreateView(PlanMixin, FormPageMixin, FormView):
    form_class = ThemeForm
    page_title = "Add a theme"
    submit_label = "Add theme"

    permission = staticmethod(permissions.can_manage_plans)
    open_plan_only = True

    def get_back_url(self):
        return plan_url(self.plan)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def form_valid(self, form):
        try:
            theme = services.theme_create(
                plan=self.plan, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Theme {theme} added.")
        return redirect("business_plan:overview", self.board.slug, self.plan.slug)


class ImportView(PlanMixin, FormPageMixin, FormView):
    form_class = ImportForm
    page_title = "Import actions"
    submit_label = "Import"
    multipart = True
    intro = (
        "Upload the plan's table as a CSV or XLSX file. Every row is imported, or "
        "none is: if a row has a problem, nothing is saved and each problem is listed "
        "with its row number."
    )

    permission = staticmethod(permissions.can_manage_plans)
    open_plan_only = True

    def get_back_url(self):
        return plan_url(self.plan)

    def form_valid(self, form):
        try:
            count = plan_import(
                plan=self.plan, upload=form.cleaned_data["file"], user=self.request.user
            )
        except ImportFailed as failure:
            for error in failure.errors[:100]:
                form.add_error(None, error)
            if len(failure.errors) > 100:
                form.add_error(None, f"… and {len(failure.errors) - 100} more errors.")
            form.add_error(
                None, "Nothing was imported: correct the file and try again."
            )
            return self.form_invalid(form)
        messages.success(self.request, f"{count} actions imported into {self.plan}.")
        return redirect("business_plan:overview", self.board.slug, self.plan.slug)


# Actions -----------------------------------------------------------------------


class ActionCreateView(PlanMixin, FormPageMixin, FormView):
    form_class = ActionForm
    page_title = "Add an action"
    submit_label = "Add action"

    permission = staticmethod(permissions.can_manage_plans)
    open_plan_only = True

    def get_back_url(self):
        return plan_url(self.plan)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def form_valid(self, form):
        try:
            action = services.action_create(
                plan=self.plan, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Action {action.ref} added.")
        return redirect(
            "business_plan:action", self.board.slug, self.plan.slug, action.ref
        )


class ActionDetailView(ActionMixin, TemplateView):
    template_name = "business_plan/action_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            updates=selectors.action_detail(self.action),
            current_rag=self.action.current_rag,
            owners=self.action.owners_display(),
            can_update=permissions.can_update_action(user, self.action)
            and not self.plan.is_closed,
            can_challenge=permissions.can_challenge(user, self.board),
            can_respond=permissions.can_respond_to_challenge(user, self.action),
            overdue=self.action.is_overdue,
            **kwargs,
        )


class ActionEditView(ActionMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = ActionEditForm
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change action {self.action.ref}"

    permission = staticmethod(permissions.can_manage_plans)
    open_plan_only = True

    def get_back_url(self):
        return action_url(self.action)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["plan"] = self.plan
        return kwargs

    def versioned_record(self):
        return self.action

    def save(self, data, version):
        action = services.action_update_details(
            action=self.action, version=version, changes=data, user=self.request.user
        )
        messages.success(self.request, f"Action {action.ref} saved.")
        return redirect(
            "business_plan:action", self.board.slug, self.plan.slug, action.ref
        )


class ActionHistoryView(ActionMixin, TemplateView):
    template_name = "business_plan/action_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.action.history.all()), **kwargs
        )


class UpdateCreateView(ActionMixin, FormPageMixin, FormView):
    form_class = UpdateForm
    submit_label = "Record update"

    def get_page_title(self):
        return f"Record an update on action {self.action.ref}"

    def get_back_url(self):
        return action_url(self.action)

    def get_context_data(self, **kwargs):
        return super().get_context_data(intro=self.action.text, **kwargs)

    action_permission = staticmethod(permissions.can_update_action)
    open_plan_only = True

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.action}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.action_update_record(
                action=self.action,
                update_date=data["date"],
                rag=data["rag"],
                narrative=data["narrative"],
                subgroup=data["subgroup"],
                user=self.request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Update recorded on action {self.action.ref}.")
        return redirect(
            "business_plan:action", self.board.slug, self.plan.slug, self.action.ref
        )


class ChallengeCreateView(ActionMixin, FormPageMixin, FormView):
    form_class = ChallengeForm
    submit_label = "Record challenge"

    def get_page_title(self):
        return f"Challenge an update on action {self.action.ref}"

    def get_back_url(self):
        return action_url(self.action)

    def get_update(self):
        return get_object_or_404(
            ActionUpdate.objects.select_related("author"),
            pk=self.kwargs["update_id"],
            action=self.action,
        )

    permission = staticmethod(permissions.can_challenge)

    def get_context_data(self, **kwargs):
        update = self.get_update()
        intro = (
            f"Update of {update.date:%-d %B %Y} ({rag_label(update.rag)}): "
            f"{update.narrative or 'no narrative'}"
        )
        return super().get_context_data(intro=intro, **kwargs)

    def form_valid(self, form):
        services.challenge_raise(
            update=self.get_update(),
            text=form.cleaned_data["text"],
            user=self.request.user,
        )
        messages.success(self.request, "Your challenge has been recorded.")
        return redirect(
            "business_plan:action", self.board.slug, self.plan.slug, self.action.ref
        )


class ChallengeRespondView(ActionMixin, FormPageMixin, FormView):
    form_class = ResponseForm
    page_title = "Respond to a challenge"
    submit_label = "Record response"

    def get_back_url(self):
        return action_url(self.action)

    def get_challenge(self):
        return get_object_or_404(
            Challenge.objects.select_related("raised_by", "update"),
            pk=self.kwargs["challenge_id"],
            update__action=self.action,
        )

    action_permission = staticmethod(permissions.can_respond_to_challenge)

    def get_context_data(self, **kwargs):
        challenge = self.get_challenge()
        intro = f"{challenge.raised_by} asked: {challenge.text}"
        return super().get_context_data(intro=intro, **kwargs)

    def form_valid(self, form):
        services.challenge_respond(
            challenge=self.get_challenge(),
            text=form.cleaned_data["text"],
            user=self.request.user,
        )
        messages.success(self.request, "Your response has been recorded.")
        return redirect(
            "business_plan:action", self.board.slug, self.plan.slug, self.action.ref
        )


# Reviews of progress -----------------------------------------------------------


class SinceLastMeetingView(PlanMixin, TemplateView):
    """Actions whose RAG changed between two dates, and new completions."""

    template_name = "business_plan/since.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        form = SinceForm(
            self.request.GET or None,
            initial={"since": today - timedelta(days=60), "until": today},
        )
        changes = None
        if form.is_valid():
            until = form.cleaned_data["until"] or today
            since = form.cleaned_data["since"]
            changes = selectors.rag_changes(self.plan, since, until)
        return super().get_context_data(
            form=form,
            changes=[c for c in changes or [] if not c.completed],
            completions=[c for c in changes or [] if c.completed],
            searched=changes is not None,
            **kwargs,
        )


class MonitoringReportView(PlanMixin, TemplateView):
    """The quarterly monitoring report: exceptions and highlights."""

    template_name = "business_plan/monitoring.html"

    def get_context_data(self, **kwargs):
        plan = self.plan
        quarters = quarters_between(plan.starts, plan.ends)
        default = quarter_of(plan.clamp(timezone.localdate()))
        quarter = self.request.GET.get("quarter") or default
        if quarter not in quarters:
            quarter = default
        return super().get_context_data(
            report=selectors.monitoring_report(plan, quarter),
            quarters=quarters,
            **kwargs,
        )


class BulkUpdateView(PlanMixin, TemplateView):
    """The quarterly bulk form: every action a subgroup owns, RAG + narrative per
    row, saved atomically."""

    template_name = "business_plan/bulk_update.html"
    permission = staticmethod(permissions.can_update_any_action)

    def subgroup_choices(self):
        return Subgroup.objects.filter(
            board=self.board, actions__plan=self.plan
        ).distinct()

    def chosen_subgroup(self):
        subgroup_id = self.request.GET.get("subgroup") or self.request.POST.get(
            "subgroup"
        )
        if not subgroup_id:
            return None
        try:
            return self.subgroup_choices().get(pk=int(subgroup_id))
        except (ValueError, Subgroup.DoesNotExist):
            raise Http404 from None

    def actions(self, subgroup):
        queryset = selectors.actions_for_list(self.plan)
        if subgroup is not None:
            queryset = queryset.filter(owner_subgroups=subgroup)
        return list(
            permissions.updatable_actions(self.request.user, self.plan, queryset)
        )

    def build(self, subgroup, data=None):
        actions = self.actions(subgroup)
        date_form = BulkUpdateDateForm(
            data, initial={"date": self.plan.clamp(timezone.localdate())}, prefix="bulk"
        )
        rows = [
            (
                action,
                BulkRowForm(
                    data, prefix=f"a{action.pk}", initial={"action_id": action.pk}
                ),
            )
            for action in actions
        ]
        return date_form, rows

    open_plan_only = True

    def get(self, request, *args, **kwargs):
        subgroup = self.chosen_subgroup()
        date_form, rows = self.build(subgroup)
        return self.render_to_response(
            self.get_context_data(subgroup=subgroup, date_form=date_form, rows=rows)
        )

    def post(self, request, *args, **kwargs):
        subgroup = self.chosen_subgroup()
        date_form, rows = self.build(subgroup, request.POST)
        valid = date_form.is_valid() & all(form.is_valid() for _, form in rows)
        chosen = [
            services.UpdateRow(
                action, form.cleaned_data["rag"], form.cleaned_data["narrative"]
            )
            for action, form in rows
            if valid and form.cleaned_data["rag"] != "skip"
        ]
        if valid and not chosen:
            date_form.add_error(None, "Choose a RAG for at least one action")
            valid = False
        if valid:
            try:
                created = services.action_updates_record(
                    rows=chosen,
                    update_date=date_form.cleaned_data["date"],
                    user=request.user,
                    subgroup=subgroup,
                )
            except ValidationError as error:
                forms_by_ref = {action.ref: form for action, form in rows}
                for ref, errors in error.message_dict.items():
                    for message in errors:
                        date_form.add_error(None, f"Action {ref}: {message}")
                        forms_by_ref[ref].add_error("rag", message)
            else:
                messages.success(
                    request,
                    f"{len(created)} update{pluralize(len(created))} recorded.",
                )
                return redirect(
                    "business_plan:overview", self.board.slug, self.plan.slug
                )
        return self.render_to_response(
            self.get_context_data(subgroup=subgroup, date_form=date_form, rows=rows),
            status=200,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(subgroups=self.subgroup_choices(), **kwargs)
