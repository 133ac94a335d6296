"""Plan and action pages' shared pieces: the plan or action from the URL, and
their addresses."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from boards.mixins import BoardMixin
from subgroups.models import Subgroup

from .. import permissions
from ..models import Action, BusinessPlan

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
        # The quarterly update's tab shows only to those who may open it.
        kwargs.setdefault(
            "can_update_any",
            permissions.can_update_any_action(self.request.user, self.board),
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
            .prefetch_related(
                # With their chairs, whom the action's page names.
                Prefetch(
                    "owner_subgroups",
                    queryset=Subgroup.objects.select_related("chair__user"),
                ),
                "owner_agencies",
            ),
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
