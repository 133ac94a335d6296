"""One action: adding it, its page, its details and its history."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.history import history_entries

from .. import permissions, selectors, services
from ..forms import (
    ActionEditForm,
    ActionForm,
)
from .mixins import ActionMixin, PlanMixin, action_url, plan_url


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

    def form_save(self, form):
        action = services.action_create(
            plan=self.plan, user=self.request.user, **form.cleaned_data
        )
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
            # The people who answer for it: its owning subgroups' chairs.
            owner_chairs=[s for s in self.action.owner_subgroups.all() if s.chair],
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
