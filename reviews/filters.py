"""FilterSets of the reviews app: the pages' lists first, then the API's."""

# Pages ----------------------------------------------------------------------------

import django_filters  # noqa: E402  (the blocks below share it)

from lscb_portal.forms import GovukForm  # noqa: E402

from .models import ChildDeathReview, DeathCategory  # noqa: E402
from .selectors.child_deaths import year_label  # noqa: E402

MODIFIABLE_FILTER = [
    ("yes", "Yes"),
    ("no", "No"),
    ("not_decided", "Not decided"),
]


class ChildDeathFilter(django_filters.FilterSet):
    """The child deaths list: by year of review, category and modifiable."""

    year_of_review = django_filters.ChoiceFilter(
        label="Year of review", choices=[], empty_label="All years"
    )
    category = django_filters.ChoiceFilter(
        label="Category of death",
        choices=DeathCategory.choices,
        empty_label="All categories",
    )
    modifiable = django_filters.ChoiceFilter(
        label="Modifiable factors",
        choices=MODIFIABLE_FILTER,
        empty_label="Any",
        method="filter_modifiable",
    )

    class Meta:
        model = ChildDeathReview
        form = GovukForm
        fields = ["year_of_review", "category", "modifiable"]

    def __init__(self, data=None, queryset=None, *, years, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["year_of_review"].extra["choices"] = [
            (str(y), year_label(y)) for y in reversed(years)
        ]
        for name, message in (
            ("year_of_review", "Choose a year of review from the list"),
            ("category", "Choose a category from the list"),
            ("modifiable", "Choose yes, no or not decided"),
        ):
            self.filters[name].extra["error_messages"] = {"invalid_choice": message}

    def filter_modifiable(self, queryset, name, value):
        if value == "not_decided":
            return queryset.filter(modifiable__isnull=True)
        return queryset.filter(modifiable=value == "yes")


# API ------------------------------------------------------------------------------
