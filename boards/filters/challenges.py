"""Filters for the challenge log, shared by its page and any API listing it."""

import django_filters

from lscb_portal.forms import GovukForm
from lscb_portal.periods import label_bounds

from ..models import Agency, ChallengeStatus
from ..selectors.challenges import challenge_years


class ChallengeFilter(django_filters.FilterSet):
    """By agency challenged, reporting year (April to March, "2016-17") and status.
    The year choices run from the board's earliest challenge to its latest."""

    agency_challenged = django_filters.ModelChoiceFilter(
        label="Agency challenged",
        queryset=Agency.objects.none(),
        empty_label="All agencies",
    )
    year = django_filters.ChoiceFilter(
        label="Reporting year",
        choices=[],
        method="filter_year",
        empty_label="All years",
        help_text="April to March.",
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=ChallengeStatus.choices, empty_label="Open or closed"
    )

    class Meta:
        form = GovukForm
        fields = ["agency_challenged", "year", "status"]

    def __init__(self, data=None, queryset=None, *, board, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["agency_challenged"].queryset = Agency.objects.filter(
            board=board
        ).order_by("name")
        self.filters["year"].extra["choices"] = [
            (label, label) for label in challenge_years(board)
        ]
        for name, message in (
            ("agency_challenged", "Choose an agency from the list"),
            ("year", "Choose a reporting year from the list"),
            ("status", "Choose open or closed"),
        ):
            self.filters[name].extra["error_messages"] = {"invalid_choice": message}

    def filter_year(self, queryset, name, value):
        try:
            first, last = label_bounds(value)
        except ValueError:
            return queryset.none()
        return queryset.filter(date__gte=first, date__lte=last)
