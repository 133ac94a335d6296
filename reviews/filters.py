"""FilterSets of the reviews app: the pages' lists first, then the API's."""

import django_filters
from django.utils import timezone

from boards.api.filters import AgencyFilter, ApiFilterSet, IdFilter

from .models import ActionItem, CaseReview, ItemStatus, LearningTheme, ReviewType, Stage

# Pages ----------------------------------------------------------------------------

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
