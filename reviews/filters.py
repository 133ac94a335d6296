"""FilterSets of the reviews app: the pages' lists first, then the API's."""

import django_filters
from django import forms
from django.utils import timezone

from boards.models import Agency
from lscb_portal.forms import GovukForm

from .models import ItemStatus

# Pages ----------------------------------------------------------------------------


# Action items (views/action_items.py)


class ActionItemFilter(django_filters.FilterSet):
    """The action items list: by owner agency, status, and overdue only."""

    agency = django_filters.ModelChoiceFilter(
        label="Owner agency",
        field_name="owner_agency",
        queryset=Agency.objects.none(),
        empty_label="All agencies",
    )
    status = django_filters.ChoiceFilter(
        choices=ItemStatus.choices, empty_label="Any status"
    )
    overdue = django_filters.BooleanFilter(
        label="Overdue only", method="filter_overdue", widget=forms.CheckboxInput
    )

    class Meta:
        form = GovukForm
        fields = ["agency", "status", "overdue"]

    def __init__(self, data=None, queryset=None, *, board, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["agency"].queryset = Agency.objects.filter(board=board)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue_on(timezone.localdate()) if value else queryset


# API ------------------------------------------------------------------------------
