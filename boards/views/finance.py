"""The budget: contributions by agency and spend by heading, per year."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.periods import year_label

from .. import permissions
from ..forms.finance import BudgetYearForm, ContributionForm, SpendForm
from ..mixins import BoardMixin
from ..models import Contribution, Spend
from ..selectors.finance import budget_for_year, budget_years, default_budget_year
from ..services import finance as services
from ..services.finance import AlreadyRecorded, last_change_id


def budget_url(board, year: int) -> str:
    return f"{reverse('boards:budget', args=[board.slug])}?year={year}"


def already_recorded(view, form, field, duplicate):
    """The form again, saying the record exists and linking to its edit page."""
    form.add_error(field, duplicate.message)
    return view.render_to_response(
        view.get_context_data(
            form=form,
            existing=duplicate.existing,
            existing_edit_url=reverse(
                view.edit_url_name, args=[view.board.slug, duplicate.existing.pk]
            ),
        )
    )


class BudgetView(BoardMixin, TemplateView):
    template_name = "boards/finance/budget.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        years = budget_years(self.board)
        form = BudgetYearForm(self.request.GET)
        year = (
            form.cleaned_data["year"] if form.is_valid() else default_budget_year(years)
        )
        return super().get_context_data(
            budget=budget_for_year(self.board, year, years),
            year_links=[
                (y, year_label(y), budget_url(self.board, y))
                for y in sorted({*years, year}, reverse=True)
            ],
            can_manage=permissions.can_manage_governance(self.request.user, self.board),
            **kwargs,
        )


class BudgetLineMixin(BoardMixin, FormPageMixin):
    """Shared by the add and change pages of contributions and spend lines."""

    template_name = "boards/finance/line_form.html"
    permission = staticmethod(permissions.can_manage_governance)
    model = None
    noun = ""  # "contribution" or "spend line"
    edit_url_name = ""
    duplicate_field = ""  # where "already recorded" is shown

    @cached_property
    def line(self):
        """The row being changed, or None on an add page."""
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(
            self.model.objects.select_related("board"),
            board=self.board,
            pk=self.kwargs["pk"],
        )

    def before_handler(self, request):
        self.line  # noqa: B018 -- a row of another board is a 404 before anything else
        return None

    def year(self) -> int:
        if self.line is not None:
            return self.line.year
        form = BudgetYearForm(self.request.GET)
        return (
            form.cleaned_data["year"]
            if form.is_valid()
            else default_budget_year(budget_years(self.board))
        )

    def get_back_url(self):
        return budget_url(self.board, self.year())

    def get_initial(self):
        if self.line is None:
            return {"year": self.year()}
        return {
            **self.initial_for(self.line),
            "year": self.line.year,
            "amount": self.line.amount,
            "seen": last_change_id(self.line),
        }

    def form_save(self, form):
        data = dict(form.cleaned_data)
        try:
            line = self.save(data)
        except AlreadyRecorded as duplicate:
            return already_recorded(self, form, self.duplicate_field, duplicate)
        verb = "added" if self.line is None else "saved"
        messages.success(self.request, f"{capfirst(self.describe(line))} {verb}.")
        return redirect(budget_url(self.board, line.year))

    def get_context_data(self, **kwargs):
        kwargs.setdefault("noun", self.noun)
        return super().get_context_data(**kwargs)


class ContributionMixin(BudgetLineMixin):
    form_class = ContributionForm
    model = Contribution
    noun = "contribution"
    edit_url_name = "boards:contribution-edit"
    duplicate_field = "agency"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def initial_for(self, line):
        return {"agency": line.agency_id}

    @staticmethod
    def describe(line):
        return f"{line.agency}'s contribution for {year_label(line.year)}"


class ContributionCreateView(ContributionMixin, FormView):
    page_title = "Add a contribution"
    submit_label = "Add contribution"

    def save(self, data):
        return services.contribution_create(
            board=self.board,
            year=data["year"],
            agency=data["agency"],
            amount=data["amount"],
            user=self.request.user,
        )


class ContributionEditView(ContributionMixin, FormView):
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change {self.describe(self.line)}"

    def save(self, data):
        return services.contribution_update(
            contribution=self.line,
            seen=data["seen"],
            year=data["year"],
            agency=data["agency"],
            amount=data["amount"],
            user=self.request.user,
        )


class SpendMixin(BudgetLineMixin):
    form_class = SpendForm
    model = Spend
    noun = "spend line"
    edit_url_name = "boards:spend-edit"
    duplicate_field = "heading"

    def initial_for(self, line):
        return {"heading": line.heading}

    @staticmethod
    def describe(line):
        return f"spend on {line.heading} in {year_label(line.year)}"


class SpendCreateView(SpendMixin, FormView):
    page_title = "Add a spend line"
    submit_label = "Add spend line"

    def save(self, data):
        return services.spend_create(
            board=self.board,
            year=data["year"],
            heading=data["heading"],
            amount=data["amount"],
            user=self.request.user,
        )


class SpendEditView(SpendMixin, FormView):
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change spend on {self.line.heading} in {year_label(self.line.year)}"

    def save(self, data):
        return services.spend_update(
            spend=self.line,
            seen=data["seen"],
            year=data["year"],
            heading=data["heading"],
            amount=data["amount"],
            user=self.request.user,
        )


class LineDeleteView(BoardMixin, TemplateView):
    """Asks before removing a contribution or a spend line; POST removes it."""

    template_name = "boards/reference/confirm_delete.html"
    permission = staticmethod(permissions.can_manage_governance)
    model = None

    @cached_property
    def line(self):
        return get_object_or_404(self.model, board=self.board, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=f"Remove {self.describe(self.line)}",
            question=(
                f"{capfirst(self.describe(self.line))} is £{self.line.amount:,.2f}. "
                "Removing it takes it out of the year's totals. Its history is kept."
            ),
            submit_label=f"Remove {self.noun}",
            back_url=budget_url(self.board, self.line.year),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        line, year = self.line, self.line.year
        description = self.describe(line)
        self.remove(line)
        messages.success(request, f"{capfirst(description)} removed.")
        return redirect(budget_url(self.board, year))


class ContributionDeleteView(LineDeleteView):
    model = Contribution
    noun = "contribution"
    describe = staticmethod(ContributionMixin.describe)

    def remove(self, line):
        services.contribution_delete(contribution=line, user=self.request.user)


class SpendDeleteView(LineDeleteView):
    model = Spend
    noun = "spend line"
    describe = staticmethod(SpendMixin.describe)

    def remove(self, line):
        services.spend_delete(spend=line, user=self.request.user)


urlpatterns = [
    path("<slug:board_slug>/budget/", BudgetView.as_view(), name="budget"),
    path(
        "<slug:board_slug>/budget/contributions/new/",
        ContributionCreateView.as_view(),
        name="contribution-create",
    ),
    path(
        "<slug:board_slug>/budget/contributions/<int:pk>/edit/",
        ContributionEditView.as_view(),
        name="contribution-edit",
    ),
    path(
        "<slug:board_slug>/budget/contributions/<int:pk>/remove/",
        ContributionDeleteView.as_view(),
        name="contribution-delete",
    ),
    path(
        "<slug:board_slug>/budget/spend/new/",
        SpendCreateView.as_view(),
        name="spend-create",
    ),
    path(
        "<slug:board_slug>/budget/spend/<int:pk>/edit/",
        SpendEditView.as_view(),
        name="spend-edit",
    ),
    path(
        "<slug:board_slug>/budget/spend/<int:pk>/remove/",
        SpendDeleteView.as_view(),
        name="spend-delete",
    ),
]
