"""Filters of the training lists, shared by the pages and the API."""

import django_filters

from lscb_portal.forms import GovukForm

from .models import Course, Level, Session, SessionStatus
from .selectors import year_bounds


class SessionFilter(django_filters.FilterSet):
    """Sessions by course, course level, status and reporting year."""

    course = django_filters.ModelChoiceFilter(
        label="Course", queryset=Course.objects.none(), empty_label="All courses"
    )
    level = django_filters.ChoiceFilter(
        label="Level",
        field_name="course__level",
        choices=Level.choices,
        empty_label="All levels",
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=SessionStatus.choices, empty_label="Any status"
    )
    year = django_filters.NumberFilter(
        label="Reporting year (e.g. 2016 for 2016-17)", method="filter_year"
    )

    class Meta:
        model = Session
        form = GovukForm
        fields = ["course", "level", "status", "year"]

    def __init__(self, data=None, queryset=None, *, board, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["course"].queryset = Course.objects.filter(board=board)

    def filter_year(self, queryset, name, value):
        start, end = year_bounds(int(value))
        return queryset.filter(date__range=(start, end))
