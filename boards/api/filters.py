"""What an API list's query string may say, decided once for every list: the base
FilterSet (`modified_since`), the owning-agency filter, and the filter backends
that refuse unknown query parameters and unknown orderings with a 400 naming them,
rather than ignoring them and answering a different question."""

import re
from datetime import UTC, timedelta

import django_filters
from django import forms
from django.db.models import Q
from django_filters.fields import IsoDateTimeField
from rest_framework import exceptions
from rest_framework.filters import OrderingFilter
from rest_framework.settings import api_settings

from lscb_portal.periods import validate_date_range

MAX_ID = 2**63 - 1  # the largest key the database holds


class ModifiedSinceField(IsoDateTimeField):
    """An ISO 8601 time within the portal's years and a real time zone offset, given
    to the database in UTC (PostgreSQL refuses offsets beyond 15:59)."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        validate_date_range(moment.date())
        if abs(moment.utcoffset()) > timedelta(hours=14):
            raise forms.ValidationError(
                "Give a time zone offset from -14:00 to +14:00."
            )
        return moment.astimezone(UTC)


class ModifiedSinceFilter(django_filters.IsoDateTimeFilter):
    field_class = ModifiedSinceField


def modified_since(field_name="modified_at", method=None, what="Records changed"):
    """The `modified_since` filter; a list whose rows change through a child row
    gives a method, and `what` says so in the schema."""
    return ModifiedSinceFilter(
        field_name=field_name,
        lookup_expr="gte",
        method=method,
        help_text=f"{what} at or after this time: an ISO 8601 date and time with "
        "its offset, e.g. 2017-04-01T09:00:00Z (without one it is read as UK time).",
    )


class ApiFilterSet(django_filters.FilterSet):
    """The base of every API list's FilterSet."""

    modified_since = modified_since()


class AgencyField(forms.CharField):
    """An agency's id, or its short name ("CPFT"): (field, value) to filter on."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        if len(value) > 60 or "\x00" in value:
            raise forms.ValidationError("Give an agency's id or short name.")
        if re.fullmatch(r"[0-9]+", value):
            if int(value) > MAX_ID:
                raise forms.ValidationError("No agency has this id.")
            return "", int(value)
        return "__short_name__iexact", value


class AgencyFilter(django_filters.CharFilter):
    """Rows whose owning agency (any of `paths`, each a path to an Agency) is the
    one given by id or by short name."""

    field_class = AgencyField

    def __init__(self, *paths, help_text, **kwargs):
        self.paths = paths
        super().__init__(
            field_name=paths[0],
            help_text=f"{help_text}: its id, or its short name (e.g. CPFT; "
            "any capitals).",
            **kwargs,
        )

    def filter(self, queryset, value):
        if not value:
            return queryset
        suffix, given = value
        matches = Q()
        for path in self.paths:
            matches |= Q(**{f"{path}{suffix}": given})
        # A subquery, so an agency reached through a many-to-many gives each row once.
        return queryset.filter(
            pk__in=queryset.model.objects.filter(matches).values("pk")
        )


def _widget_names(name, widget) -> set[str]:
    # A range's two ends are read from their own names (date_after…); any other
    # widget, the GOV.UK date input included, reads the plain name the schema gives.
    if isinstance(widget, django_filters.widgets.SuffixedMultiWidget):
        return {widget.suffixed(name, suffix) for suffix in widget.suffixes}
    return {name}


# The parameters of each view class: they follow from its class alone, and working
# them out builds a filter form (a quarter of a list's time when done each request).
_known_by_view = {}


def known_parameters(request, queryset, view) -> frozenset[str]:
    """The query parameters a view reads: its filters, ordering, pages, format."""
    if type(view) not in _known_by_view:
        _known_by_view[type(view)] = _parameters_of(request, queryset, view)
    return _known_by_view[type(view)]


def _parameters_of(request, queryset, view) -> frozenset[str]:
    names = {api_settings.URL_FORMAT_OVERRIDE}
    for backend_class in getattr(view, "filter_backends", []):
        backend = backend_class()
        if isinstance(backend, django_filters.rest_framework.DjangoFilterBackend):
            filterset = backend.get_filterset(request, queryset, view)
            if filterset is not None:
                for name, field in filterset.form.fields.items():
                    names |= _widget_names(name, field.widget)
        for attribute in ("ordering_param", "search_param"):
            if hasattr(backend, attribute):
                names.add(getattr(backend, attribute))
    paginator = getattr(view, "paginator", None)
    for attribute in ("page_query_param", "page_size_query_param"):
        if getattr(paginator, attribute, None):
            names.add(getattr(paginator, attribute))
    return frozenset(names - {None})


class KnownQueryParameters:
    """A filter backend that refuses a query parameter the view does not read."""

    def filter_queryset(self, request, queryset, view):
        known = known_parameters(request, queryset, view)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            takes = ", ".join(sorted(known))
            raise exceptions.ValidationError(
                {
                    name: [f"Unknown query parameter. This list takes: {takes}."]
                    for name in unknown
                }
            )
        return queryset

    def get_schema_operation_parameters(self, view):
        return []


class StrictOrdering(OrderingFilter):
    """Orders by the view's `ordering_fields`; any other field is a 400 naming it.
    A view's `ordering_aliases` maps a public name to what sorts it (e.g. code to
    sort_key, so CS2.7 comes before CS2.10)."""

    def remove_invalid_fields(self, queryset, fields, view, request):
        valid = self._valid_names(queryset, view, request)
        terms = [term for term in fields if term]
        unknown = [term for term in terms if term.removeprefix("-") not in valid]
        if unknown:
            raise exceptions.ValidationError(
                {
                    self.ordering_param: [
                        f"Unknown ordering: {', '.join(unknown)}. Order by "
                        f"{', '.join(sorted(valid))}, or any with a - in front "
                        "for the reverse."
                    ]
                }
            )
        aliases = getattr(view, "ordering_aliases", {})
        return [
            ("-" if term.startswith("-") else "")
            + aliases.get(term.removeprefix("-"), term.removeprefix("-"))
            for term in terms
        ]

    def _valid_names(self, queryset, view, request) -> list[str]:
        context = {"request": request}
        return [name for name, _ in self.get_valid_fields(queryset, view, context)]

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        fields = getattr(view, "ordering_fields", None)
        if isinstance(fields, list | tuple):
            parameters[0]["description"] = (
                f"Order by {', '.join(fields)} (comma-separated; a - in front "
                "reverses). Any other field is refused with 400."
            )
        return parameters


class IdFilter(django_filters.NumberFilter):
    """A related record by its id (a whole number the database can hold)."""

    field_class = forms.IntegerField

    def __init__(self, field_name, *, what, **kwargs):
        super().__init__(
            field_name=field_name,
            help_text=f"{what}: its id.",
            min_value=1,
            max_value=MAX_ID,
            **kwargs,
        )
