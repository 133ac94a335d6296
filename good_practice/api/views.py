"""API of the good practice catalogue: anyone on the board reads it; the business
team and chair add and change any example, an agency contributor its agency's."""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.response import Response

from boards.api.base import (
    BoardScopedMixin,
    IdempotentCreateMixin,
    VersionedUpdateMixin,
    history_reason,
)
from boards.api.filters import AgencyFilter, ApiFilterSet
from lscb_portal.periods import label_bounds

from .. import permissions, services
from ..models import GoodPracticeExample
from . import serializers as s

NOT_YOUR_AGENCY = "You may add and change examples only for your own agency."


class ExampleFilterSet(ApiFilterSet):
    agency = AgencyFilter("agency", help_text="The agency whose practice it is")
    theme = django_filters.CharFilter(
        field_name="themes__slug", label="Learning theme (its slug)", distinct=True
    )
    year = django_filters.CharFilter(
        method="filter_year", label="Reporting year, e.g. 2016-17 (April to March)"
    )

    class Meta:
        model = GoodPracticeExample
        fields = {"date": ["gte", "lte"]}

    def filter_year(self, queryset, name, value):
        try:
            first, last = label_bounds(value)
        except ValueError:
            raise exceptions.ValidationError(
                {"year": ["Give a reporting year such as 2016-17."]}
            ) from None
        return queryset.filter(date__gte=first, date__lte=last)


@extend_schema_view(
    create=extend_schema(
        request=s.ExampleWriteSerializer, responses={201: s.ExampleSerializer}
    ),
    partial_update=extend_schema(responses={200: s.ExampleSerializer}),
)
class ExampleViewSet(
    IdempotentCreateMixin,
    VersionedUpdateMixin,
    BoardScopedMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Examples of good practice (annual report section 14)."""

    queryset = GoodPracticeExample.objects.select_related(
        "agency", "board"
    ).prefetch_related("themes")
    serializer_class = s.ExampleSerializer
    update_serializer_class = s.ExampleUpdateSerializer
    filterset_class = ExampleFilterSet
    ordering_fields = ["date", "modified_at"]
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "create":
            context["board"] = self.request_board()
        elif self.action == "partial_update":
            context["board"] = self.get_object().board
        return context

    def _check_agency(self, board, agency) -> None:
        allowed = permissions.agencies_user_enters_for(self.request.user, board)
        if allowed is not None and agency.pk not in allowed:
            raise exceptions.PermissionDenied(NOT_YOUR_AGENCY)

    def can_write(self, user, obj) -> bool:
        return permissions.can_edit_example(user, obj)

    def create(self, request, *args, **kwargs):
        board = self.request_board()
        if not permissions.can_add_good_practice(request.user, board):
            raise exceptions.PermissionDenied(NOT_YOUR_AGENCY)
        given = s.ExampleWriteSerializer(data=request.data, context={"board": board})
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        self._check_agency(board, data["agency"])
        example = services.example_create(
            board=board, user=request.user, reason=history_reason(request), **data
        )
        fresh = self.get_queryset().get(pk=example.pk)
        return Response(s.ExampleSerializer(fresh).data, status=status.HTTP_201_CREATED)

    def update_record(self, instance, *, version, changes, user, reason):
        if "agency" in changes:
            self._check_agency(instance.board, changes["agency"])
        services.example_update(
            example=instance,
            version=version,
            changes=changes,
            user=user,
            reason=reason,
        )

    @extend_schema(exclude=True)
    def update(self, request, *args, **kwargs):
        raise exceptions.MethodNotAllowed(request.method)
