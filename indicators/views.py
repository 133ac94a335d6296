from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from boards.mixins import BoardMixin
from lscb_portal import charts
from lscb_portal.forms import FormPageMixin, VersionedEditMixin, add_errors
from lscb_portal.history import history_entries
from lscb_portal.tables import ImportFailed

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
from .rag import format_value

PAGE_SIZE = 100


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


class ScorecardView(IndicatorsMixin, TemplateView):
    """The scorecard table: code, description, value, RAG, trend, good performance
    is, target — each RAG with the rule that gave it."""

    template_name = "indicators/scorecard.html"

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

    def get_context_data(self, **kwargs):
        indicators = self.indicators()
        periods = list(
            Measurement.objects.filter(indicator__in=indicators)
            .values_list("period_kind", "period_end")
            .distinct()
            .order_by("-period_end", "-period_kind")[:40]
        )
        chosen = self.request.GET.get("period", "")
        period = next(
            (p for p in periods if f"{p[0]}:{p[1].isoformat()}" == chosen),
            periods[0] if periods else None,
        )
        indicator_filter = IndicatorFilter(
            self.request.GET or None, queryset=indicators, board=self.board
        )
        rows = []
        if period is not None:
            rows = selectors.scorecard_rows(
                self.board,
                indicator_filter.qs,
                period_kind=period[0],
                period_end=period[1],
            )
        wanted = indicator_filter.rag_wanted()
        if wanted:
            rows = [r for r in rows if r.rag == ("" if wanted == "none" else wanted)]
        page = Paginator(rows, PAGE_SIZE).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            scorecard=self.scorecard,
            periods=[(f"{kind}:{end.isoformat()}", end, kind) for kind, end in periods],
            period=period,
            period_key=f"{period[0]}:{period[1].isoformat()}" if period else "",
            filter=indicator_filter,
            page=page,
            query=query.urlencode(),
            recorded_count=sum(r.is_recorded for r in rows),
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
            formatter=lambda v: format_value(v, indicator.unit),
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

    def form_valid(self, form):
        form.instance._history_user = self.request.user
        try:
            form.instance.full_clean()
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
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

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.target_set(
                indicator=self.indicator,
                year=data["year"],
                value=data["value"],
                low=data["low"],
                high=data["high"],
                user=self.request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
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

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            services.measurement_record(
                indicator=self.indicator, user=self.request.user, **data
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
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

    def form_valid(self, form):
        try:
            result = services.measurements_import(
                board=self.board,
                upload=form.cleaned_data["file"],
                user=self.request.user,
            )
        except ImportFailed as failure:
            for error in failure.errors[:100]:
                form.add_error(None, error)
            form.add_error(
                None, "Nothing was imported: correct the file and try again."
            )
            return self.form_invalid(form)
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
