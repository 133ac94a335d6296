from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from lscb_portal import charts
from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin
from lscb_portal.templatetags.portal import rag_label

from . import permissions, selectors, services
from .filters import IndicatorFilter
from .forms import (
    ImportForm,
    IndicatorEditForm,
    IndicatorForm,
    MeasurementEditForm,
    MeasurementForm,
    TargetForm,
)
from .models import BreakdownTable, Indicator, Measurement, Scorecard

PAGE_SIZE = 100
# Sorting by RAG puts the worst first; "not rated" last.
RAG_ORDER = {"R": 0, "A": 1, "G": 2, "C": 3}


class IndicatorsMixin(BoardMixin):
    permission = staticmethod(permissions.can_view_indicators)

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "can_manage",
            permissions.can_manage_indicators(self.request.user, self.board),
        )
        return super().get_context_data(**kwargs)


class IndicatorsHomeView(IndicatorsMixin, TemplateView):
    template_name = "indicators/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            scorecards=Scorecard.objects.filter(board=self.board),
            tables=BreakdownTable.objects.filter(board=self.board),
            indicator_count=Indicator.objects.filter(board=self.board).count(),
            **kwargs,
        )


class ScorecardView(ListPageMixin, IndicatorsMixin, TemplateView):
    """The scorecard table: code, description, value, RAG, trend, good performance
    is, target — each RAG with the rule that gave it."""

    template_name = "indicators/scorecard.html"
    page_size = PAGE_SIZE

    @cached_property
    def scorecard(self):
        slug = self.kwargs.get("slug")
        if slug is None:
            return None
        return get_object_or_404(Scorecard, board=self.board, slug=slug)

    def indicators(self):
        if self.scorecard is None:
            return Indicator.objects.filter(board=self.board)
        return self.scorecard.indicators.all()

    @property
    def list_name(self):
        return f"scorecard-{self.scorecard.slug}" if self.scorecard else "indicators"

    def get_columns(self):
        slug = self.board.slug

        def rag_text(row):
            text = rag_label(row.rag) if row.rag else "No RAG"
            return f"{text} recorded" if row.is_recorded else text

        def value_key(row):
            value = row.measurement.value if row.measurement else None
            return (value is None, value or 0)

        return [
            Column(
                "indicator",
                "Indicator",
                "indicator.code",
                sort=lambda row: row.indicator.code,
                row_header=True,
                link=lambda row: reverse(
                    "indicators:indicator", args=[slug, row.indicator.code]
                ),
            ),
            Column("description", "Description", "indicator.description", sort=True),
            Column("value", "Value", "value_display", sort=value_key, numeric=True),
            Column(
                "rag",
                "RAG (against target)",
                rag_text,
                sort=lambda row: RAG_ORDER.get(row.rag, len(RAG_ORDER)),
                template="indicators/_rag_cell.html",
            ),
            Column(
                "trend", "Trend over last year", lambda r: r.trend or "–", sort=True
            ),
            Column(
                "polarity",
                "Good performance is",
                lambda row: row.indicator.get_polarity_display(),
                sort=True,
            ),
            Column("target", "Target", "target_display"),
        ]

    @cached_property
    def periods(self):
        return list(
            Measurement.objects.filter(indicator__in=self.indicators())
            .values_list("period_kind", "period_end")
            .distinct()
            .order_by("-period_end", "-period_kind")[:40]
        )

    @cached_property
    def period(self):
        chosen = self.request.GET.get("period", "")
        return next(
            (p for p in self.periods if f"{p[0]}:{p[1].isoformat()}" == chosen),
            self.periods[0] if self.periods else None,
        )

    @cached_property
    def filter(self):
        return IndicatorFilter(
            self.filter_data(), queryset=self.indicators(), board=self.board
        )

    @cached_property
    def rows(self):
        period = self.period
        rows = []
        if period is not None:
            rows = selectors.scorecard_rows(
                self.board,
                self.filter.qs,
                period_kind=period[0],
                period_end=period[1],
            )
        wanted = self.filter.rag_wanted()
        if wanted:
            rows = [r for r in rows if r.rag == ("" if wanted == "none" else wanted)]
        return rows

    def get_list(self):
        return self.rows

    def get_caption(self):
        return self.scorecard.name if self.scorecard else "All indicators"

    def get_context_data(self, **kwargs):
        period = self.period
        return super().get_context_data(
            scorecard=self.scorecard,
            periods=[
                (f"{kind}:{end.isoformat()}", end, kind) for kind, end in self.periods
            ],
            period=period,
            period_key=f"{period[0]}:{period[1].isoformat()}" if period else "",
            filter=self.filter,
            recorded_count=sum(r.is_recorded for r in self.rows),
            **kwargs,
        )


class IndicatorMixin(IndicatorsMixin):
    @cached_property
    def indicator(self):
        return get_object_or_404(
            Indicator.objects.select_related("owning_agency", "board"),
            board=self.board,
            code=self.kwargs["code"],
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("indicator", self.indicator)
        return super().get_context_data(**kwargs)

    def indicator_url(self):
        return reverse(
            "indicators:indicator", args=[self.board.slug, self.indicator.code]
        )


class IndicatorDetailView(IndicatorMixin, TemplateView):
    template_name = "indicators/indicator.html"

    def get_context_data(self, **kwargs):
        indicator = self.indicator
        series = selectors.indicator_series(indicator)
        points = selectors.chart_points(series["rows"])
        targets = series["targets"]
        latest_target = next(
            (t for t in reversed(targets) if t.value is not None), None
        )
        comparator_series = [
            (
                name,
                [
                    (selectors.year_end(c.year), getattr(c, field))
                    for c in series["comparators"]
                    if getattr(c, field) is not None
                ],
            )
            for name, field in (
                ("Statistical neighbours", "statistical_neighbours"),
                ("England", "england"),
            )
        ]
        chart = charts.line_chart(
            [(indicator.code, points)] + [s for s in comparator_series if s[1]],
            title=f"{indicator.code} {indicator.description}",
            unit=indicator.unit,
            target=latest_target.value if latest_target else None,
        )
        return super().get_context_data(
            rows=list(reversed(series["rows"])),
            targets=targets,
            comparators=series["comparators"],
            chart=chart,
            can_record=permissions.can_record_measurement(self.request.user, indicator),
            **kwargs,
        )


class IndicatorHistoryView(IndicatorMixin, TemplateView):
    template_name = "indicators/indicator_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.indicator.history.all()), **kwargs
        )


class IndicatorCreateView(IndicatorsMixin, FormPageMixin, FormView):
    form_class = IndicatorForm
    permission = staticmethod(permissions.can_manage_indicators)
    page_title = "Add an indicator"
    submit_label = "Add indicator"

    def get_back_url(self):
        return reverse("indicators:home", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        form.instance._history_user = self.request.user
        form.instance.full_clean()
        indicator = form.save()
        messages.success(self.request, f"{indicator.code} added.")
        return redirect("indicators:indicator", self.board.slug, indicator.code)


class IndicatorEditView(IndicatorMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = IndicatorEditForm
    permission = staticmethod(permissions.can_manage_indicators)
    submit_label = "Save changes"

    def get_page_title(self):
        return f"Change {self.indicator.code}"

    def get_back_url(self):
        return self.indicator_url()

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["board"] = self.board
        return kwargs

    def versioned_record(self):
        return self.indicator

    def save(self, data, version):
        scorecards = data.pop("scorecards")
        indicator = services.indicator_update(
            indicator=self.indicator,
            version=version,
            changes=data,
            scorecards=scorecards,
            user=self.request.user,
        )
        messages.success(self.request, f"{indicator.code} saved.")
        return redirect("indicators:indicator", self.board.slug, indicator.code)


class TargetSetView(IndicatorMixin, FormPageMixin, FormView):
    form_class = TargetForm
    permission = staticmethod(permissions.can_manage_indicators)
    submit_label = "Save target"
    intro = "Give one value, or a range, or neither for “Not set”."

    def get_page_title(self):
        return f"Set a target for {self.indicator.code}"

    def get_back_url(self):
        return self.indicator_url()

    def form_save(self, form):
        data = form.cleaned_data
        services.target_set(
            indicator=self.indicator,
            year=data["year"],
            value=data["value"],
            low=data["low"],
            high=data["high"],
            user=self.request.user,
        )
        messages.success(self.request, "Target saved.")
        return redirect(self.indicator_url())


class MeasurementCreateView(IndicatorMixin, FormPageMixin, FormView):
    form_class = MeasurementForm
    submit_label = "Save value"

    def before_handler(self, request):
        if not permissions.can_record_measurement(request.user, self.indicator):
            raise PermissionDenied
        return None

    def get_page_title(self):
        return f"Record a value for {self.indicator.code}"

    def get_back_url(self):
        return self.indicator_url()

    def form_save(self, form):
        data = dict(form.cleaned_data)
        services.measurement_record(
            indicator=self.indicator, user=self.request.user, **data
        )
        messages.success(self.request, "Value recorded.")
        return redirect(self.indicator_url())


class MeasurementEditView(IndicatorMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = MeasurementEditForm
    submit_label = "Save changes"

    @cached_property
    def measurement(self):
        return get_object_or_404(
            Measurement, indicator=self.indicator, pk=self.kwargs["measurement_id"]
        )

    def before_handler(self, request):
        if not permissions.can_record_measurement(request.user, self.indicator):
            raise PermissionDenied
        return None

    def get_page_title(self):
        return (
            f"Change {self.indicator.code} for {self.measurement.period_end:%-d %B %Y}"
        )

    def get_back_url(self):
        return self.indicator_url()

    def versioned_record(self):
        return self.measurement

    def save(self, data, version):
        services.measurement_update(
            measurement=self.measurement,
            version=version,
            changes=data,
            user=self.request.user,
        )
        messages.success(self.request, "Value saved.")
        return redirect(self.indicator_url())


class ImportView(IndicatorsMixin, FormPageMixin, FormView):
    form_class = ImportForm
    permission = staticmethod(permissions.can_manage_indicators)
    page_title = "Import values"
    submit_label = "Import"
    multipart = True
    intro = (
        "Every row is imported, or none is: if a row has a problem, nothing is "
        "saved and each problem is listed with its row number."
    )

    def get_back_url(self):
        return reverse("indicators:home", args=[self.board.slug])

    def form_save(self, form):
        result = services.measurements_import(
            board=self.board,
            upload=form.cleaned_data["file"],
            user=self.request.user,
        )
        messages.success(self.request, f"{result.created} values imported.")
        return redirect(self.get_back_url())


class BreakdownListView(IndicatorsMixin, TemplateView):
    template_name = "indicators/breakdown_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tables=BreakdownTable.objects.filter(board=self.board), **kwargs
        )


class BreakdownDetailView(IndicatorsMixin, TemplateView):
    template_name = "indicators/breakdown.html"

    def get_context_data(self, **kwargs):
        table = get_object_or_404(
            BreakdownTable, board=self.board, slug=self.kwargs["slug"]
        )
        return super().get_context_data(
            table=table, **selectors.breakdown_grid(table), **kwargs
        )
