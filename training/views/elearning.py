"""E-learning: a membership year's headline (the provider's reported totals),
its departments' returns and learner feedback, every year side by side, and
the forms for the reported totals and a department's return."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.lists import Column, ExtraList, ListPageMixin
from lscb_portal.periods import EARLIEST_YEAR, LATEST_YEAR, reporting_year_start
from lscb_portal.periods import year_label as label_of

from .. import permissions, selectors, services
from ..forms_pool import ElearningReturnForm, ElearningYearForm
from ..imports import elearning_returns_save
from ..models import ElearningReturn, ElearningYear
from .base import TrainingManageMixin, TrainingMixin, requested_year


def rate_text(rate) -> str:
    return "–" if rate is None else f"{rate}%"


def _more_or_fewer(difference: int, what: str) -> str:
    if difference == 0:
        return f"the same number {what}"
    word = "more" if difference > 0 else "fewer"
    return f"{abs(difference):,} {word} {what}"


def difference_words(summary) -> str:
    """The reported totals against the departments' sums, as a sentence."""
    return (
        f"The provider's reported totals give "
        f"{_more_or_fewer(summary.allocated_difference, 'allocated')} and "
        f"{_more_or_fewer(summary.passed_difference, 'passed')} than the "
        "departments' returns add up to."
    )


def elearning_url(board, year) -> str:
    return f"{reverse('training:elearning', args=[board.slug])}?year={year}"


class YearOnYear(ExtraList):
    prefix = "years-"
    context_name = "years_table"
    list_name = "elearning-year-on-year"
    anchor = "year-on-year"
    columns = (
        Column(
            "year",
            "Year",
            lambda s: label_of(s.year),
            sort=lambda s: s.year,
            row_header=True,
        ),
        Column(
            "allocated",
            "Allocated",
            lambda s: f"{s.allocated:,}",
            sort=lambda s: s.allocated,
            numeric=True,
        ),
        Column(
            "passed",
            "Passed",
            lambda s: f"{s.passed:,}",
            sort=lambda s: s.passed,
            numeric=True,
        ),
        Column(
            "rate",
            "Completion rate",
            lambda s: rate_text(s.rate),
            sort=lambda s: s.rate or 0,
            numeric=True,
        ),
    )

    def get_caption(self):
        return "E-learning year on year"

    def get_list(self):
        return sorted(self.view.summaries, key=lambda s: s.year)


class ElearningView(ListPageMixin, TrainingMixin, TemplateView):
    """A year's e-learning (?year=, else the latest): the reported headline,
    the departments, and both totals with the difference when they disagree."""

    template_name = "training/elearning.html"
    list_name = "elearning-departments"
    anchor = "departments"
    extra_lists = (YearOnYear,)

    @cached_property
    def summaries(self):
        return selectors.elearning_summaries(self.board)

    @cached_property
    def asked_year(self):
        return requested_year(self.request)

    @cached_property
    def summary(self):
        found = next((s for s in self.summaries if s.year == self.asked_year), None)
        return found or (self.summaries[0] if self.summaries else None)

    def get_columns(self):
        columns = [
            Column(
                "department",
                "Department",
                "department",
                sort=lambda r: r.department.lower(),
                row_header=True,
            ),
            Column(
                "agency",
                "Board agency",
                lambda r: r.agency.name if r.agency else "",
                sort=lambda r: r.agency.name if r.agency else "",
            ),
            Column(
                "allocated",
                "Allocated",
                lambda r: f"{r.allocated:,}",
                sort=lambda r: r.allocated,
                numeric=True,
            ),
            Column(
                "passed",
                "Passed",
                lambda r: f"{r.passed:,}",
                sort=lambda r: r.passed,
                numeric=True,
            ),
            Column(
                "rate",
                "Completion rate",
                lambda r: rate_text(r.completion_rate),
                sort=lambda r: r.completion_rate or 0,
                numeric=True,
            ),
        ]
        user, board = self.request.user, self.board
        if permissions.can_record_some_agency_figures(user, board):
            columns.append(
                Column(
                    "change",
                    "Change",
                    lambda r: "Change" if r.changeable else "",
                    link=lambda r: r.change_url if r.changeable else "",
                    exported=False,
                )
            )
        return columns

    def get_list(self):
        return self.summary.returns if self.summary else []

    def decorate(self, rows):
        user, board = self.request.user, self.board
        for row in rows:
            row.changeable = permissions.can_record_agency_figures(
                user, board, row.agency_id
            )
            if row.changeable:
                row.change_url = (
                    reverse(
                        "training:elearning-returns",
                        args=[board.slug, self.summary.year],
                    )
                    + f"?department={row.pk}"
                )
        return rows

    def get_caption(self):
        if self.summary is None:
            return "E-learning by department"
        return f"E-learning by department, {label_of(self.summary.year)}"

    def get_context_data(self, **kwargs):
        summary = self.summary
        next_year = (
            self.summaries[0].year + 1
            if self.summaries
            else reporting_year_start(timezone.localdate())
        )
        user = self.request.user
        return super().get_context_data(
            summary=summary,
            year_label=label_of(summary.year) if summary else "",
            years=[(s.year, label_of(s.year)) for s in self.summaries],
            asked_missing=self.asked_year is not None
            and (summary is None or summary.year != self.asked_year),
            asked_label=label_of(self.asked_year) if self.asked_year else "",
            difference=difference_words(summary) if summary else "",
            rate_text=rate_text(summary.rate) if summary else "",
            cells_rate_text=rate_text(summary.cells_rate) if summary else "",
            next_year=next_year,
            next_year_label=label_of(next_year),
            can_record=permissions.can_record_some_agency_figures(user, self.board),
            **kwargs,
        )


class YearMixin:
    """A membership year from the URL, which need not exist yet."""

    @cached_property
    def year(self) -> int:
        year = self.kwargs["year"]
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise Http404
        return year

    @cached_property
    def elearning_year(self):
        return ElearningYear.objects.filter(board=self.board, year=self.year).first()

    def get_back_url(self):
        return elearning_url(self.board, self.year)


class ElearningYearEditView(YearMixin, TrainingManageMixin, FormPageMixin, FormView):
    form_class = ElearningYearForm
    submit_label = "Save totals"
    intro = (
        "The totals the e-learning provider's report gives for the year. The "
        "headline shows these; where the departments' returns add up to "
        "something else, the page shows both and the difference."
    )

    def get_page_title(self):
        return f"E-learning totals for {label_of(self.year)}"

    def get_initial(self):
        current = self.elearning_year
        if current is None:
            return {}
        return {
            "reported_allocated": current.reported_allocated,
            "reported_passed": current.reported_passed,
            "version": current.version,
        }

    def form_save(self, form):
        data = form.cleaned_data
        services.elearning_year_set(
            board=self.board,
            user=self.request.user,
            year=self.year,
            reported_allocated=data["reported_allocated"],
            reported_passed=data["reported_passed"],
            version=data["version"],
        )
        messages.success(self.request, f"Totals for {label_of(self.year)} saved.")
        return redirect(self.get_back_url())


class ElearningReturnsView(YearMixin, TrainingMixin, FormPageMixin, FormView):
    """Enter a department's return, or replace one: the business team for any
    department, an agency contributor for its own agency's."""

    form_class = ElearningReturnForm
    permission = staticmethod(permissions.can_record_some_agency_figures)
    submit_label = "Save return"
    intro = (
        "A department already returned for the year is replaced. More passed "
        "than allocated, or a negative number, is refused."
    )

    def get_page_title(self):
        return f"E-learning return for {label_of(self.year)}"

    @cached_property
    def existing(self):
        """The return to change, from ?department=<id>, if the user may."""
        text = self.request.GET.get("department", "")
        if not text.isdigit():
            return None
        found = (
            ElearningReturn.objects.filter(
                elearning_year__board=self.board,
                elearning_year__year=self.year,
                pk=int(text),
            )
            .select_related("agency")
            .first()
        )
        if found is None:
            raise Http404
        if not permissions.can_record_agency_figures(
            self.request.user, self.board, found.agency_id
        ):
            raise PermissionDenied
        return found

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "board": self.board,
            "user": self.request.user,
        }

    def get_initial(self):
        found = self.existing
        if found is None:
            return {}
        return {
            "department": found.department,
            "agency": found.agency_id,
            "allocated": found.allocated,
            "passed": found.passed,
        }

    def form_save(self, form):
        data = form.cleaned_data
        department = data["department"].strip()
        elearning_returns_save(
            board=self.board,
            user=self.request.user,
            year=self.year,
            rows=[(department, data)],
        )
        messages.success(
            self.request, f"{department}'s return for {label_of(self.year)} saved."
        )
        return redirect(self.get_back_url())
