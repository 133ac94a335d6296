"""The training FilterSets: what the API's lists filter by (the pages' lists
sort and page through lscb_portal.lists and filter by year themselves)."""

import django_filters
from django import forms
from django.db.models import Q

from boards.api.filters import AgencyFilter, ApiFilterSet, IdFilter, modified_since
from lscb_portal.periods import year_bounds

from .models import (
    AttendanceCount,
    Course,
    ElearningReturn,
    Format,
    Level,
    Session,
    SessionStatus,
)


class YearNumberFilter(django_filters.NumberFilter):
    """A year given as a whole number within the portal's years."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=1900, max_value=2100, **kwargs)


class YearFilter(YearNumberFilter):
    """A reporting year (2016 for 1 April 2016 to 31 March 2017) of a date."""

    def __init__(self, date_path, **kwargs):
        self.date_path = date_path
        kwargs.setdefault(
            "help_text", "The reporting year: 2016 for 1 April 2016 to 31 March 2017."
        )
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        if value in (None, ""):
            return queryset
        start, end = year_bounds(value)
        return queryset.filter(**{f"{self.date_path}__range": (start, end)})


def changed_in_history(model):
    """`modified_since` for rows that keep no modification time of their own:
    their history says when they were written."""

    def filter_modified_since(queryset, name, value):
        changed = model.history.filter(history_date__gte=value).values("id")
        return queryset.filter(pk__in=changed)

    return filter_modified_since


class CourseApiFilterSet(ApiFilterSet):
    level = django_filters.ChoiceFilter(choices=Level.choices, help_text="The level.")
    # Not "format": that query parameter names the response's format (json).
    course_format = django_filters.ChoiceFilter(
        field_name="format", choices=Format.choices, help_text="The course's format."
    )
    theme = IdFilter("themes", what="A learning theme it covers")
    year = YearNumberFilter(
        method="filter_year",
        help_text="Courses running in some part of the reporting year (2016 for "
        "2016-17).",
    )

    class Meta:
        model = Course
        fields = ["level", "course_format", "theme", "year", "modified_since"]

    def filter_year(self, queryset, name, value):
        start, end = year_bounds(value)
        return queryset.filter(
            Q(runs_until__isnull=True) | Q(runs_until__gte=start), runs_from__lte=end
        )


class SessionApiFilterSet(ApiFilterSet):
    course = IdFilter("course", what="The course")
    status = django_filters.ChoiceFilter(
        choices=SessionStatus.choices, help_text="Planned, held or cancelled."
    )
    year = YearFilter("date")
    date = django_filters.DateFromToRangeFilter(
        help_text="Sessions from `date_after` to `date_before` (either may be left "
        "out)."
    )

    class Meta:
        model = Session
        fields = ["course", "status", "year", "date", "modified_since"]


class AttendanceCountApiFilterSet(ApiFilterSet):
    session = IdFilter("session", what="The session")
    course = IdFilter("session__course", what="The session's course")
    agency = AgencyFilter("agency", help_text="The agency that attended")
    year = YearFilter("session__date", help_text="The reporting year of the session.")
    modified_since = modified_since(
        method=changed_in_history(AttendanceCount), what="Counts recorded or changed"
    )

    class Meta:
        model = AttendanceCount
        fields = ["session", "course", "agency", "year", "modified_since"]


class ElearningReturnApiFilterSet(ApiFilterSet):
    year = YearNumberFilter(
        field_name="elearning_year__year",
        help_text="The membership year: 2016 for 2016-17.",
    )
    agency = AgencyFilter("agency", help_text="The agency the department belongs to")
    modified_since = modified_since(
        method=changed_in_history(ElearningReturn), what="Returns recorded or changed"
    )

    class Meta:
        model = ElearningReturn
        fields = ["year", "agency", "modified_since"]
