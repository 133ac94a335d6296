"""The risk log and its 5 x 5 matrix: risks to delivering the plan, available to
every subgroup and board meeting (Reporting Planner)."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin, add_errors, save_or_refuse
from lscb_portal.history import history_entries

from .. import permissions
from ..forms.risks import RiskEditForm, RiskForm, RiskStatusFilterForm
from ..mixins import BoardMixin
from ..selectors import risks as selectors
from ..services import risks as services

PAGE_SIZE = 50


class RiskListView(BoardMixin, TemplateView):
    template_name = "boards/risks/risk_list.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        user = self.request.user
        status_form = RiskStatusFilterForm(
            self.request.GET if "status" in self.request.GET else None,
            initial={"status": "open"},
        )
        status = status_form.status_value()
        page = Paginator(
            selectors.risks_for_list(self.board, status), PAGE_SIZE
        ).get_page(self.request.GET.get("page"))
        page.object_list = selectors.decorate_all(page.object_list)
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            status_form=status_form,
            status=status or "all",
            page=page,
            query=query.urlencode(),
            can_manage=permissions.can_manage_governance(user, self.board),
            **kwargs,
        )


class RiskMatrixView(BoardMixin, TemplateView):
    template_name = "boards/risks/risk_matrix.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            matrix=selectors.risk_matrix(self.board), **kwargs
        )


class RiskMixin(BoardMixin):
    """Resolves .../risks/<pk>/ to one of the board's risks."""

    permission = staticmethod(permissions.can_view_board)

    @cached_property
    def risk(self):
        return selectors.risk_for_page(self.board, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        kwargs.setdefault("risk", self.risk)
        return super().get_context_data(**kwargs)


class RiskDetailView(RiskMixin, TemplateView):
    template_name = "boards/risks/risk_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            scores=selectors.score_history(self.risk),
            likelihood_label=selectors.LIKELIHOOD_LABELS[self.risk.likelihood],
            impact_label=selectors.IMPACT_LABELS[self.risk.impact],
            can_manage=permissions.can_manage_governance(self.request.user, self.board),
            **kwargs,
        )


class RiskHistoryView(RiskMixin, TemplateView):
    template_name = "boards/risks/risk_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.risk.history.all()), **kwargs
        )


class RiskCreateView(BoardMixin, FormPageMixin, FormView):
    form_class = RiskForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Add a risk"
    submit_label = "Add risk"

    def get_back_url(self):
        return reverse("boards:risks", args=[self.board.slug])

    def form_valid(self, form):
        try:
            risk = services.risk_create(
                board=self.board, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Risk “{risk}” added.")
        return redirect("boards:risk", self.board.slug, risk.pk)


class RiskEditView(RiskMixin, FormPageMixin, FormView):
    form_class = RiskEditForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Change the risk"
    submit_label = "Save changes"

    def get_back_url(self):
        return reverse("boards:risk", args=[self.board.slug, self.risk.pk])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "risk": self.risk}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", self.risk.title)
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")

        def save():
            risk = services.risk_update(
                risk=self.risk, version=version, changes=data, user=self.request.user
            )
            messages.success(self.request, f"Risk “{risk}” saved.")
            return redirect("boards:risk", self.board.slug, risk.pk)

        return save_or_refuse(self, form, save)


urlpatterns = [
    path("<slug:board_slug>/risks/", RiskListView.as_view(), name="risks"),
    path(
        "<slug:board_slug>/risks/matrix/",
        RiskMatrixView.as_view(),
        name="risk-matrix",
    ),
    path("<slug:board_slug>/risks/new/", RiskCreateView.as_view(), name="risk-create"),
    path("<slug:board_slug>/risks/<int:pk>/", RiskDetailView.as_view(), name="risk"),
    path(
        "<slug:board_slug>/risks/<int:pk>/edit/",
        RiskEditView.as_view(),
        name="risk-edit",
    ),
    path(
        "<slug:board_slug>/risks/<int:pk>/history/",
        RiskHistoryView.as_view(),
        name="risk-history",
    ),
]
