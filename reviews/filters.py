"""FilterSets of the reviews app: the pages' lists first, then the API's."""

# Pages ----------------------------------------------------------------------------

import django_filters

from lscb_portal.forms import GovukForm

from .models import CaseReview, ReviewType, Stage

YES_NO = [("yes", "Yes"), ("no", "No")]


class CaseReviewFilter(django_filters.FilterSet):
    """The reviews list on the reviews home page: by type, stage, legacy and
    whether published."""

    review_type = django_filters.ChoiceFilter(
        label="Type", choices=ReviewType.choices, empty_label="All types"
    )
    stage = django_filters.ChoiceFilter(
        label="Stage", choices=Stage.choices, empty_label="All stages"
    )
    legacy = django_filters.ChoiceFilter(
        label="Legacy", choices=YES_NO, method="filter_legacy", empty_label="Either"
    )
    published = django_filters.ChoiceFilter(
        label="Published",
        choices=YES_NO,
        method="filter_published",
        empty_label="Either",
    )

    class Meta:
        model = CaseReview
        form = GovukForm
        fields = ["review_type", "stage", "legacy", "published"]

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        for name, message in (
            ("review_type", "Choose a type of review from the list"),
            ("stage", "Choose a stage from the list"),
            ("legacy", "Choose yes or no"),
            ("published", "Choose yes or no"),
        ):
            self.filters[name].extra["error_messages"] = {"invalid_choice": message}

    def filter_legacy(self, queryset, name, value):
        return queryset.filter(legacy=value == "yes")

    def filter_published(self, queryset, name, value):
        return queryset.filter(published_on__isnull=value != "yes")


# API ------------------------------------------------------------------------------
