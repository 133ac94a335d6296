"""Progress on actions: a RAG update, the quarter's bulk update, and challenges
to an update with their responses."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.templatetags.portal import rag_label
from subgroups.models import Subgroup

from .. import permissions, selectors, services
from ..forms import (
    BulkRowForm,
    BulkUpdateDateForm,
    ChallengeForm,
    ResponseForm,
    UpdateForm,
)
from ..models import ActionUpdate, Challenge
from .mixins import ActionMixin, PlanMixin, action_url


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

    def form_save(self, form):
        data = form.cleaned_data
        services.action_update_record(
            action=self.action,
            update_date=data["date"],
            rag=data["rag"],
            narrative=data["narrative"],
            subgroup=data["subgroup"],
            user=self.request.user,
        )
        messages.success(self.request, f"Update recorded on action {self.action.ref}.")
        return redirect(
            "business_plan:action", self.board.slug, self.plan.slug, self.action.ref
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

    def form_save(self, form):
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

    def form_save(self, form):
        services.challenge_respond(
            challenge=self.get_challenge(),
            text=form.cleaned_data["text"],
            user=self.request.user,
        )
        messages.success(self.request, "Your response has been recorded.")
        return redirect(
            "business_plan:action", self.board.slug, self.plan.slug, self.action.ref
        )
