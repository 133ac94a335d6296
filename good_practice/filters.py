"""Filters of the good practice catalogue's page: by reporting year, agency and
learning theme."""

import django_filters

from boards.models import Agency
from lscb_portal.forms import GovukForm
from lscb_portal.periods import label_bounds
from reviews.models import LearningTheme

from .selectors import example_years


class GoodPracticeFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label="Reporting year",
        choices=[],
        method="filter_year",
        empty_label="All years",
        help_text="April to March.",
    )
    agency = django_filters.ModelChoiceFilter(
        label="Agency", queryset=Agency.objects.none(), empty_label="All agencies"
    )
    theme = django_filters.ModelChoiceFilter(
        label="Learning theme",
        field_name="themes",
        queryset=LearningTheme.objects.none(),
        empty_label="All themes",
    )

    class Meta:
        form = GovukForm
        fields = ["year", "agency", "theme"]

    def __init__(self, data=None, queryset=None, *, board, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["year"].extra["choices"] = [
            (label, label) for label in example_years(board)
        ]
        self.filters["agency"].queryset = Agency.objects.filter(board=board).order_by(
            "name"
        )
        self.filters["theme"].queryset = LearningTheme.objects.filter(board=board)
        for name, message in (
            ("year", "Choose a reporting year from the list"),
            ("agency", "Choose an agency from the list"),
            ("theme", "Choose a learning theme from the list"),
        ):
            self.filters[name].extra["error_messages"] = {"invalid_choice": message}

    def filter_year(self, queryset, name, value):
        try:
            first, last = label_bounds(value)
        except ValueError:
            return queryset.none()
        return queryset.filter(date__gte=first, date__lte=last)
