"""The risk log and its 5 x 5 matrix: risks to delivering the plan, available to
every subgroup and board meeting (Reporting Planner)."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin, date_text

from .. import permissions
from ..forms.risks import RiskEditForm, RiskForm, RiskStatusFilterForm
from ..mixins import BoardMixin
from ..selectors import risks as selectors
from ..services import risks as services

PAGE_SIZE = 50


class RiskListView(ListPageMixin, BoardMixin, TemplateView):
    template_name = "boards/risks/risk_list.html"
    permission = staticmethod(permissions.can_view_board)
    list_name = "risk-log"
    page_size = PAGE_SIZE

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "risk",
                "Risk",
                "title",
                sort="title",
                row_header=True,
                link=lambda r: reverse("boards:risk", args=[slug, r.pk]),
            ),
            Column("owner", "Owner", "owner", sort="owner"),
            Column(
                "likelihood",
                "Likelihood",
                "likelihood",
                sort="likelihood",
                numeric=True,
            ),
            Column("impact", "Impact", "impact", sort="impact", numeric=True),
            Column(
                "score",
                "Score",
                "band_label",
                sort=("score_value", "likelihood"),
                template="boards/risks/_score_cell.html",
            ),
            Column(
                "review",
                "Review date",
                review_text,
                sort="review_date",
                template="boards/risks/_review_cell.html",
            ),
            Column("status", "Status", lambda r: r.get_status_display(), sort="status"),
        ]

    @cached_property
    def status_form(self):
        return RiskStatusFilterForm(
            self.request.GET if "status" in self.request.GET else None,
            initial={"status": "open"},
        )

    def get_list(self):
        status = self.status_form.status_value()
        return selectors.risks_for_list(self.board, status)

    def decorate(self, rows):
        return selectors.decorate_all(rows)

    def get_caption(self):
        status = self.status_form.status_value() or "all"
        which = {"open": "Open risks", "closed": "Closed risks"}.get(
            status, "All risks"
        )
        return f"{which} of {self.board.name}, highest score first"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            status_form=self.status_form,
            status=self.status_form.status_value() or "all",
            can_manage=permissions.can_manage_governance(user, self.board),
            **kwargs,
        )


def review_text(risk) -> str:
    text = date_text(risk.review_date)
    return f"{text} Review overdue" if risk.review_overdue else text


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

    def form_save(self, form):
        risk = services.risk_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
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

    def form_save(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        risk = services.risk_update(
            risk=self.risk, version=version, changes=data, user=self.request.user
        )
        messages.success(self.request, f"Risk “{risk}” saved.")
        return redirect("boards:risk", self.board.slug, risk.pk)


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
