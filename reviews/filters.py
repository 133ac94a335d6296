"""FilterSets of the reviews app: the pages' lists first, then the API's."""

import django_filters
from django import forms
from django.utils import timezone

from boards.api.filters import AgencyFilter, ApiFilterSet, IdFilter
from boards.models import Agency
from lscb_portal.forms import GovukForm

from .models import (
    ActionItem,
    CaseReview,
    ChildDeathReview,
    DeathCategory,
    ItemStatus,
    LearningTheme,
    ReviewType,
    Stage,
)
from .selectors.child_deaths import year_label

# Pages ----------------------------------------------------------------------------

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

YES_NO = [("true", "Yes"), ("false", "No")]


def yes_no(*, method, help_text):
    """A true/false filter that refuses anything else with a 400 naming it (a
    boolean widget would silently ignore "yes" and answer another question). Its
    method is given "true" or "false"."""
    return django_filters.ChoiceFilter(
        choices=YES_NO, method=method, help_text=f"{help_text}: true or false."
    )


class ReviewApiFilterSet(ApiFilterSet):
    review_type = django_filters.ChoiceFilter(
        choices=ReviewType.choices, help_text="The type of review."
    )
    stage = django_filters.ChoiceFilter(
        choices=Stage.choices, help_text="The stage the review has reached."
    )
    legacy = yes_no(
        method="filter_legacy", help_text="Begun under arrangements since ended"
    )
    published = yes_no(method="filter_published", help_text="Published")

    class Meta:
        model = CaseReview
        fields = ["review_type", "stage", "legacy", "published", "modified_since"]

    def filter_legacy(self, queryset, name, value: str):
        return queryset.filter(legacy=value == "true")

    def filter_published(self, queryset, name, value: str):
        return queryset.filter(published_on__isnull=value != "true")


class ActionItemApiFilterSet(ApiFilterSet):
    review = IdFilter("review", what="The review")
    agency = AgencyFilter("owner_agency", help_text="The agency that owns the item")
    status = django_filters.ChoiceFilter(
        choices=ItemStatus.choices, help_text="The item's status."
    )
    overdue = yes_no(
        method="filter_overdue", help_text="Open and past its due date (or not)"
    )

    class Meta:
        model = ActionItem
        fields = ["review", "agency", "status", "overdue", "modified_since"]

    def filter_overdue(self, queryset, name, value: str):
        overdue = queryset.overdue_on(timezone.localdate())
        if value == "true":
            return overdue
        return queryset.exclude(pk__in=overdue.values("pk"))


class LearningThemeApiFilterSet(ApiFilterSet):
    slug = django_filters.CharFilter(help_text="The theme's slug, e.g. neglect.")

    class Meta:
        model = LearningTheme
        fields = ["slug", "modified_since"]
