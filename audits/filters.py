"""Filters of the audits app's lists, shared by pages (and later the API)."""

import django_filters
from django import forms

from lscb_portal.forms import GovukForm

from .models import Organisation, Sector, Submission, SubmissionStatus

# Pages --------------------------------------------------------------------------


class OrganisationFilter(django_filters.FilterSet):
    sector = django_filters.ChoiceFilter(
        label="Sector", choices=Sector.choices, empty_label="All sectors"
    )

    class Meta:
        model = Organisation
        form = GovukForm
        fields = ["sector"]


class SubmissionFilter(django_filters.FilterSet):
    sector = django_filters.ChoiceFilter(
        label="Sector",
        field_name="organisation__sector",
        choices=Sector.choices,
        empty_label="All sectors",
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=SubmissionStatus.choices, empty_label="Any status"
    )
    excluded = django_filters.ChoiceFilter(
        label="Excluded",
        choices=[("yes", "Excluded"), ("no", "Not excluded")],
        method="filter_excluded",
        empty_label="Either",
    )

    class Meta:
        model = Submission
        form = GovukForm
        fields = ["sector", "status", "excluded"]

    def filter_excluded(self, queryset, name, value):
        if value == "yes":
            return queryset.exclude(exclusion="")
        return queryset.filter(exclusion="")


class ResultsSectorForm(GovukForm):
    """The results page's sector: all sectors unless one is chosen; anything
    else is ignored (all sectors), never an error."""

    sector = forms.ChoiceField(
        label="Sector",
        choices=[("", "All sectors"), *Sector.choices],
        required=False,
    )

    def chosen(self) -> str:
        return self.cleaned_data.get("sector", "") if self.is_valid() else ""
