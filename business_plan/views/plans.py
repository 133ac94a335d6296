"""Setting up and closing a plan: the list of plans, a new plan, its details,
themes, importing actions, closing with carry-forward."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.lists import Column, ListPageMixin

from .. import permissions, selectors, services
from ..forms import (
    CarryForwardForm,
    ImportForm,
    PlanEditForm,
    PlanForm,
    ThemeForm,
)
from ..imports import plan_import
from ..models import BusinessPlan, Rag
from .mixins import PlanMixin, plan_url


class PlanListView(ListPageMixin, BoardMixin, TemplateView):
    template_name = "business_plan/plan_list.html"
    permission = staticmethod(permissions.can_view_plans)
    list_name = "business-plans"

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "plan",
                "Plan",
                "title",
                sort="title",
                row_header=True,
                link=lambda p: reverse("business_plan:overview", args=[slug, p.slug]),
            ),
            Column(
                "years",
                "Years",
                lambda p: f"April {p.first_year} to March {p.last_year}",
                sort=("first_year", "last_year"),
            ),
            Column(
                "status",
                "Status",
                lambda p: p.get_status_display(),
                sort="status",
                template="business_plan/_plan_status_cell.html",
            ),
        ]

    def get_list(self):
        return BusinessPlan.objects.filter(board=self.board).order_by("-first_year")

    def get_caption(self):
        return f"Business plans of {self.board.name}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
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

    def form_save(self, form):
        plan = services.plan_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
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

    def form_save(self, form):
        into = form.cleaned_data["into"]
        copies = services.plan_carry_forward(
            plan=self.plan, into=into, user=self.request.user
        )
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

    def form_save(self, form):
        theme = services.theme_create(
            plan=self.plan, user=self.request.user, **form.cleaned_data
        )
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

    def form_save(self, form):
        count = plan_import(
            plan=self.plan, upload=form.cleaned_data["file"], user=self.request.user
        )
        messages.success(self.request, f"{count} actions imported into {self.plan}.")
        return redirect("business_plan:overview", self.board.slug, self.plan.slug)
