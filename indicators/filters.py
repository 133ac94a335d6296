import django_filters
from django.db.models import Q

from boards.api.filters import ApiFilterSet
from lscb_portal.forms import GovukForm

from .models import Indicator, Rag, Scorecard

RAG_CHOICES = [*Rag.choices, ("none", "No RAG")]


class IndicatorFilter(django_filters.FilterSet):
    """Scorecard filters shared by the page and the API. `rag` is applied to the
    computed rows by the scorecard selector, as RAG is not stored."""

    q = django_filters.CharFilter(label="Code or description", method="filter_q")
    owning_agency = django_filters.ModelChoiceFilter(
        label="Owning agency", queryset=None, empty_label="All agencies"
    )
    rag = django_filters.ChoiceFilter(
        label="RAG", choices=RAG_CHOICES, method="keep", empty_label="Any"
    )

    class Meta:
        model = Indicator
        form = GovukForm
        fields = ["q", "owning_agency", "rag"]

    def __init__(self, data=None, queryset=None, *, board, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["owning_agency"].queryset = board.agencies.all()

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(code__icontains=value) | Q(description__icontains=value)
        )

    def keep(self, queryset, name, value):
        return queryset

    def rag_wanted(self) -> str:
        """The RAG to keep rows for: "R", "A", "G", "none" or ""."""
        if self.is_bound and self.form.is_valid():
            return self.form.cleaned_data.get("rag") or ""
        return ""


class ScorecardFilterSet(ApiFilterSet):
    """The API's scorecards list."""

    class Meta:
        model = Scorecard
        fields = ["modified_since"]
