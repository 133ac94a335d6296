"""The child death pages: the panel's records (restricted, every view logged), the
CDOP statistics (tables 1-4 beside England), England's figures and the panel's
recommendations. Only those permissions.can_view_child_deaths allows see any of
it (a 404 for everyone else); only the business team changes it (a 403 for the
panel's other members, who see no link to a change)."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin, LogsRecordViewMixin, NoStoreMixin
from boards.services.viewlog import page_via, record_views_log
from lscb_portal.forms import FormPageMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin, date_text

from .. import permissions, services
from ..filters import ChildDeathFilter
from ..forms.child_deaths import (
    ChildDeathEditForm,
    ChildDeathForm,
    EnglandForm,
    RecommendationForm,
    england_field_name,
)
from ..models import (
    AgeBand,
    CdopRecommendation,
    ChildDeathReview,
    ComparisonTable,
    DeathCategory,
    NationalComparison,
    SignOffBand,
)
from ..selectors import child_deaths as selectors
from ..selectors.child_deaths import year_label

PAGE_SIZE = 50
# The first column's heading of each table, as the report prints it.
ROW_HEADINGS = {
    ComparisonTable.SEX: "Gender",
    ComparisonTable.AGE: "Age",
    ComparisonTable.CATEGORY: "Category of child death (hierarchical category number)",
    ComparisonTable.SIGN_OFF: "Time taken to sign off",
}
# England's figures as the report prints them: tables 2 and 3 to one decimal place
# (26.0%), the others in whole numbers where they are whole (58%).
ENGLAND_PLACES = {ComparisonTable.AGE: "1", ComparisonTable.CATEGORY: "1"}
MODIFIABLE_TEXT = {True: "Yes", False: "No", None: "Not decided"}


def _in_order(field: str, values) -> Case:
    """Sorts a coded field in its list's order rather than by its code."""
    return Case(
        *[When(**{field: v}, then=Value(i)) for i, v in enumerate(values)],
        output_field=IntegerField(),
    )


def month_text(day) -> str:
    return f"{day:%B %Y}" if day else ""


def band_text(death) -> str:
    band = death.sign_off_band
    return SignOffBand(band).label if band else "Not signed off"


class ChildDeathsMixin(BoardMixin):
    """A child death page: a 404 for those who may not see child deaths; `manages`
    pages (the changes) a 403 for those who see but may not change them."""

    manages = False

    def before_handler(self, request):
        if not permissions.can_view_child_deaths(request.user, self.board):
            raise Http404
        if self.manages and not permissions.can_manage_child_deaths(
            request.user, self.board
        ):
            raise PermissionDenied
        return None

    @cached_property
    def can_manage(self) -> bool:
        return permissions.can_manage_child_deaths(self.request.user, self.board)

    def deaths(self):
        return permissions.visible_child_deaths(self.request.user, self.board)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("can_manage", self.can_manage)
        return super().get_context_data(**kwargs)


class ChildDeathListView(
    LogsRecordViewMixin, ListPageMixin, ChildDeathsMixin, TemplateView
):
    """The panel's records; every record a page or a download shows is logged."""

    template_name = "reviews/child_deaths/list.html"
    list_name = "child-deaths"
    page_size = PAGE_SIZE
    shown = ()

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "reference",
                "Reference",
                "reference",
                sort="reference",
                row_header=True,
                link=lambda d: reverse("reviews:child-death", args=[slug, d.pk]),
            ),
            Column(
                "year",
                "Year of review",
                lambda d: year_label(d.year_of_review) if d.year_of_review else "",
                sort="year_of_review",
            ),
            Column("sex", "Sex", lambda d: d.get_sex_display(), sort="sex"),
            Column(
                "age",
                "Age at death",
                lambda d: d.get_age_band_display(),
                sort=_in_order("age_band", AgeBand.values),
            ),
            Column(
                "category",
                "Category of death",
                lambda d: d.get_category_display(),
                sort=_in_order("category", DeathCategory.values),
            ),
            Column(
                "modifiable",
                "Modifiable factors",
                lambda d: MODIFIABLE_TEXT[d.modifiable],
                sort="modifiable",
            ),
            Column(
                "month",
                "Month of death",
                lambda d: month_text(d.month_of_death),
                sort="month_of_death",
            ),
            Column(
                "signed_off",
                "Signed off",
                lambda d: date_text(d.signed_off_on),
                sort="signed_off_on",
            ),
            Column(
                "sign_off_band",
                "Months to sign-off",
                band_text,
                sort="months_db",
            ),
        ]

    @cached_property
    def years(self):
        return selectors.review_years(self.board)

    @cached_property
    def filter(self):
        deaths = self.deaths().annotate(
            months_db=(ExtractYear("signed_off_on") - ExtractYear("month_of_death"))
            * 12
            + ExtractMonth("signed_off_on")
            - ExtractMonth("month_of_death")
        )
        return ChildDeathFilter(self.filter_data(), queryset=deaths, years=self.years)

    def get_list(self):
        return self.filter.qs.order_by(
            F("year_of_review").desc(nulls_first=True), "reference"
        )

    def decorate(self, rows):
        self.shown = rows  # the page's rows, or every row of a download
        return rows

    def viewed_records(self):
        return self.shown

    def get_caption(self):
        return f"Child deaths reviewed by {self.board.name}'s panel"

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter=self.filter, **kwargs)


class ChildDeathMixin(LogsRecordViewMixin, ChildDeathsMixin):
    """One record's pages: each view of it is logged."""

    @cached_property
    def death(self) -> ChildDeathReview:
        return get_object_or_404(self.deaths(), pk=self.kwargs["death_id"])

    def before_handler(self, request):
        response = super().before_handler(request)
        self.death  # noqa: B018  (a record not the board's is a 404 first)
        return response

    def viewed_records(self):
        return [self.death]

    def death_url(self):
        return reverse("reviews:child-death", args=[self.board.slug, self.death.pk])

    def get_context_data(self, **kwargs):
        kwargs.setdefault("death", self.death)
        return super().get_context_data(**kwargs)


class ChildDeathDetailView(ChildDeathMixin, TemplateView):
    template_name = "reviews/child_deaths/detail.html"

    def get_context_data(self, **kwargs):
        death = self.death
        return super().get_context_data(
            modifiable_text=MODIFIABLE_TEXT[death.modifiable],
            factors=list(death.modifiable_factors.all()),
            band=band_text(death),
            year_text=year_label(death.year_of_review) if death.year_of_review else "",
            **kwargs,
        )


class ChildDeathHistoryView(ChildDeathMixin, TemplateView):
    template_name = "reviews/child_deaths/history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.death.history.all()), **kwargs
        )


class ChildDeathCreateView(NoStoreMixin, ChildDeathsMixin, FormPageMixin, FormView):
    form_class = ChildDeathForm
    manages = True
    page_title = "Add a child death review"
    submit_label = "Add the record"
    intro = (
        "Records are anonymised by design: there is no name, date of birth or "
        "address, and notes must not contain them."
    )

    def get_back_url(self):
        return reverse("reviews:child-deaths", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        death = services.child_death_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{death.reference} added.")
        return redirect("reviews:child-death", self.board.slug, death.pk)


class ChildDeathEditView(ChildDeathMixin, FormPageMixin, FormView):
    form_class = ChildDeathEditForm
    manages = True
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change {self.death.reference}"

    def get_back_url(self):
        return self.death_url()

    def get_initial(self):
        return ChildDeathForm.initial_for(self.death)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        changes = dict(form.cleaned_data)
        version = changes.pop("version")
        death = services.child_death_update(
            death=self.death, user=self.request.user, version=version, changes=changes
        )
        messages.success(self.request, f"{death.reference} saved.")
        return redirect(self.death_url())


# Statistics -------------------------------------------------------------------------


class StatisticsView(NoStoreMixin, ChildDeathsMixin, TemplateView):
    """Tables 1-4 of the CDOP report for a year of review (the latest with data
    unless chosen), the modifiable share, ethnicity and the recommendations. The
    page shows aggregates, not records: each view is logged once, against the
    board, as "CDOP statistics <year>", rather than once per death counted."""

    template_name = "reviews/child_deaths/statistics.html"

    @cached_property
    def years(self):
        return selectors.review_years(self.board)

    @cached_property
    def year(self):
        chosen = self.request.GET.get("year", "")
        if chosen.isdigit() and int(chosen) in self.years:
            return int(chosen)
        return self.years[-1] if self.years else None

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.year is not None:
            record_views_log(
                board_id=self.board.pk,
                user=request.user,
                records=[self.board],
                via=page_via(request),
                label=lambda board: f"CDOP statistics {year_label(self.year)}",
            )
        return response

    def get_context_data(self, **kwargs):
        year = self.year
        context = {
            "years": [(y, year_label(y)) for y in reversed(self.years)],
            "year": year,
            "year_text": year_label(year) if year else "",
            "chosen": self.request.GET.get("year", ""),
        }
        if year is not None:
            tables = selectors.cdop_tables(self.board, year) or []
            for table in tables:
                table.row_heading = ROW_HEADINGS.get(table.key, "")
                table.england_places = ENGLAND_PLACES.get(table.key, "-1")
            context.update(
                tables=[t for t in tables if t.key != ComparisonTable.MODIFIABLE],
                modifiable=next(
                    (t for t in tables if t.key == ComparisonTable.MODIFIABLE), None
                ),
                factors=selectors.factor_counts(self.board, year),
                ethnicity=selectors.ethnicity_summary(self.board, year),
                recommendations=selectors.recommendations(self.board, year),
                previous_text=year_label(year - 1),
                england_text=year_label(year),
            )
        return super().get_context_data(**context, **kwargs)


class EnglandView(NoStoreMixin, ChildDeathsMixin, FormPageMixin, FormView):
    """England's percentages for a year, one box per row of each table."""

    form_class = EnglandForm
    manages = True
    template_name = "reviews/child_deaths/england.html"
    submit_label = "Save England's figures"

    @cached_property
    def year(self) -> int:
        source = (
            self.request.POST if self.request.method == "POST" else self.request.GET
        )
        chosen = source.get("year", "")
        if chosen.isdigit() and 1900 <= int(chosen) <= 2100:
            return int(chosen)
        years = selectors.review_years(self.board)
        return years[-1] if years else 2015

    def get_page_title(self):
        return f"England's figures for {year_label(self.year)}"

    def get_back_url(self):
        return reverse("reviews:cdop-statistics", args=[self.board.slug])

    def get_initial(self):
        return {
            england_field_name(c.table, c.row): c.percentage
            for c in NationalComparison.objects.filter(board=self.board, year=self.year)
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "year": self.year}

    def get_context_data(self, **kwargs):
        form = kwargs["form"] = kwargs.get("form") or self.get_form()
        groups = [
            (ComparisonTable(table).label, [form[name] for name in names])
            for table, names in form.groups
        ]
        return super().get_context_data(
            groups=groups, year=self.year, year_text=year_label(self.year), **kwargs
        )

    def form_save(self, form):
        changed = services.national_comparison_set(
            board=self.board,
            user=self.request.user,
            year=self.year,
            figures=form.figures(),
        )
        messages.success(
            self.request,
            f"England's figures for {year_label(self.year)} saved "
            f"({changed} change{'s' if changed != 1 else ''}).",
        )
        url = reverse("reviews:cdop-statistics", args=[self.board.slug])
        return redirect(f"{url}?year={self.year}")


# Recommendations -------------------------------------------------------------------


class RecommendationListView(
    NoStoreMixin, ListPageMixin, ChildDeathsMixin, TemplateView
):
    template_name = "reviews/child_deaths/recommendations.html"
    list_name = "cdop-recommendations"
    page_size = PAGE_SIZE

    def get_columns(self):
        slug = self.board.slug
        columns = [
            Column(
                "year",
                "Report",
                lambda r: year_label(r.year),
                sort=("year", "number"),
            ),
            Column("number", "Number", "number", sort="number", numeric=True),
            Column("text", "Recommendation", "text", sort="text"),
            Column(
                "progress",
                "Progress",
                lambda r: r.progress or "None recorded",
                template="reviews/child_deaths/_multiline_cell.html",
            ),
        ]
        if self.can_manage:
            columns.append(
                Column(
                    "change",
                    "",
                    lambda r: (
                        f"recommendation {r.number} of the {year_label(r.year)} report"
                    ),
                    link=lambda r: reverse(
                        "reviews:cdop-recommendation-edit", args=[slug, r.pk]
                    ),
                    template="reviews/child_deaths/_change_cell.html",
                    exported=False,
                )
            )
        return columns

    def get_list(self):
        return CdopRecommendation.objects.filter(board=self.board).order_by(
            "-year", "number"
        )

    def get_caption(self):
        return "Recommendations of the panel's annual reports, newest report first"


class RecommendationCreateView(NoStoreMixin, ChildDeathsMixin, FormPageMixin, FormView):
    form_class = RecommendationForm
    manages = True
    page_title = "Add a CDOP recommendation"
    submit_label = "Add the recommendation"

    def get_back_url(self):
        return reverse("reviews:cdop-recommendations", args=[self.board.slug])

    def form_save(self, form):
        recommendation = services.cdop_recommendation_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(
            self.request,
            f"Recommendation {recommendation.number} of the "
            f"{year_label(recommendation.year)} report added.",
        )
        return redirect(self.get_back_url())


class RecommendationEditView(NoStoreMixin, ChildDeathsMixin, FormPageMixin, FormView):
    form_class = RecommendationForm
    manages = True
    submit_label = "Save changes"

    @cached_property
    def recommendation(self):
        return get_object_or_404(
            CdopRecommendation, board=self.board, pk=self.kwargs["recommendation_id"]
        )

    def before_handler(self, request):
        response = super().before_handler(request)
        self.recommendation  # noqa: B018  (another board's is a 404)
        return response

    def get_page_title(self):
        r = self.recommendation
        return f"Change recommendation {r.number} of the {year_label(r.year)} report"

    def get_back_url(self):
        return reverse("reviews:cdop-recommendations", args=[self.board.slug])

    def get_initial(self):
        r = self.recommendation
        return {
            "year": r.year,
            "number": r.number,
            "text": r.text,
            "progress": r.progress,
        }

    def form_save(self, form):
        services.cdop_recommendation_update(
            recommendation=self.recommendation,
            user=self.request.user,
            changes=dict(form.cleaned_data),
        )
        messages.success(self.request, "Recommendation saved.")
        return redirect(self.get_back_url())
