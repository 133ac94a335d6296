"""API of indicators, their values and scorecards. Values are written through the
services (one at a time, or a bulk list saved all or none)."""

import django_filters
from django.core.exceptions import MultipleObjectsReturned
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from simple_history.utils import bulk_create_with_history

from boards.api import fields
from boards.api.base import (
    BoardScopedMixin,
    IdempotentCreateMixin,
    VersionedUpdateMixin,
    history_reason,
)
from boards.api.filters import AgencyFilter, ApiFilterSet, IdFilter, modified_since

from .. import selectors, services
from ..filters import ScorecardFilterSet
from ..models import Indicator, Measurement, PeriodKind, Scorecard
from ..permissions import can_record_measurement
from . import serializers as s

MAX_BULK = 1000


class IndicatorFilterSet(ApiFilterSet):
    code = django_filters.CharFilter(help_text="The indicator's code, e.g. CS1.0.")
    owning_agency = IdFilter("owning_agency", what="The owning agency")
    agency = AgencyFilter("owning_agency", help_text="The owning agency")
    scorecard = django_filters.CharFilter(
        field_name="scorecards__slug", label="Scorecard (its slug)"
    )

    class Meta:
        model = Indicator
        fields = ["code", "owning_agency", "agency", "unit", "scorecard"]
        fields += ["modified_since"]


class MeasurementFilterSet(ApiFilterSet):
    indicator = django_filters.CharFilter(
        field_name="indicator__code", label="Indicator code"
    )
    agency = AgencyFilter(
        "indicator__owning_agency", help_text="The indicator's owning agency"
    )
    # entered_at is the value's own modification time (set on every save).
    modified_since = modified_since(
        field_name="entered_at", what="Values entered or changed"
    )

    class Meta:
        model = Measurement
        fields = {
            "indicator": ["exact"],
            "period_kind": ["exact"],
            "period_end": ["exact", "gte", "lte"],
        }


class IndicatorViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Indicator.objects.prefetch_related("targets", "scorecards")
    serializer_class = s.IndicatorSerializer
    filterset_class = IndicatorFilterSet
    ordering_fields = ["code"]
    ordering_aliases = {"code": "sort_key"}  # CS2.7 before CS2.10


class _RecordOne:
    """Records one value through the service (under IdempotentCreateMixin)."""

    def create(self, request, *args, **kwargs):
        given = s.MeasurementCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        code = data.pop("indicator")
        indicator = (
            Indicator.objects.filter(board=self.request_board(), code=code)
            .select_related("board")
            .first()
        )
        if indicator is None:
            raise exceptions.ValidationError(
                {"indicator": [f"No indicator has the code “{code}” on this board."]}
            )
        if not can_record_measurement(request.user, indicator):
            raise exceptions.PermissionDenied(
                "You may record values only for your agency's indicators."
            )
        measurement = services.measurement_record(
            indicator=indicator,
            user=request.user,
            reason=history_reason(request),
            **data,
        )
        return Response(
            s.MeasurementSerializer(measurement).data, status=status.HTTP_201_CREATED
        )


@extend_schema_view(
    create=extend_schema(
        request=s.MeasurementCreateSerializer,
        responses={201: s.MeasurementSerializer},
    ),
    partial_update=extend_schema(responses={200: s.MeasurementSerializer}),
)
class MeasurementViewSet(
    IdempotentCreateMixin,
    _RecordOne,
    VersionedUpdateMixin,
    BoardScopedMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Values of indicators: anyone on the board reads them; the business team
    and chair record any, an agency contributor those of its agency's indicators."""

    queryset = Measurement.objects.select_related("indicator")
    serializer_class = s.MeasurementSerializer
    update_serializer_class = s.MeasurementUpdateSerializer
    filterset_class = MeasurementFilterSet
    ordering_fields = ["period_end"]
    board_path = "indicator__board"
    lookup_value_regex = r"\d+"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def can_write(self, user, obj) -> bool:
        return can_record_measurement(user, obj.indicator)

    def update_record(self, instance, **kwargs):
        services.measurement_update(measurement=instance, **kwargs)

    @extend_schema(exclude=True)
    def update(self, request, *args, **kwargs):
        raise exceptions.MethodNotAllowed(request.method)


def _messages(error: DjangoValidationError) -> dict:
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {"detail": error.messages}


class _BulkCreate(BoardScopedMixin, viewsets.GenericViewSet):
    queryset = Measurement.objects.all()
    board_path = "indicator__board"
    serializer_class = s.MeasurementCreateSerializer
    pagination_class = None
    filter_backends = []

    def create(self, request, *args, **kwargs):
        items = request.data
        if not isinstance(items, list) or not items:
            raise exceptions.ValidationError(
                {"detail": "Send a JSON list of measurements."}
            )
        if len(items) > MAX_BULK:
            raise exceptions.ValidationError(
                {"detail": f"Send at most {MAX_BULK} measurements at a time."}
            )
        measurements = self._checked(items)
        with transaction.atomic():
            bulk_create_with_history(
                measurements,
                Measurement,
                batch_size=500,
                default_user=request.user,
                default_change_reason=history_reason(request),
            )
        return Response({"created": len(measurements)}, status=status.HTTP_201_CREATED)

    def _checked(self, items) -> list[Measurement]:
        """Every item validated and allowed, or an error naming the items."""
        user, errors, given = self.request.user, {}, {}
        for index, item in enumerate(items):
            serializer = s.MeasurementCreateSerializer(data=item)
            if serializer.is_valid():
                given[index] = dict(serializer.validated_data)
            else:
                errors[index] = serializer.errors
        indicators = {
            i.code: i
            for i in Indicator.objects.filter(
                board=self.request_board(),
                code__in={data["indicator"] for data in given.values()},
            ).select_related("board")
        }
        allowed, denied = {}, []
        for index, data in given.items():
            indicator = indicators.get(data["indicator"])
            if indicator is None:
                continue
            if indicator.pk not in allowed:
                allowed[indicator.pk] = can_record_measurement(user, indicator)
            if not allowed[indicator.pk]:
                denied.append(index)
        if denied:
            raise exceptions.PermissionDenied(
                "You may record values only for your agency's indicators: items "
                f"{', '.join(str(i) for i in denied[:20])} are for other indicators."
            )
        existing = set(
            Measurement.objects.filter(
                indicator__in=list(indicators.values()),
                period_end__in={data["period_end"] for data in given.values()},
            ).values_list("indicator_id", "period_kind", "period_end")
        )
        seen, measurements = {}, []
        for index, data in given.items():
            code = data.pop("indicator")
            indicator = indicators.get(code)
            if indicator is None:
                errors[index] = {
                    "indicator": [f"No indicator has the code “{code}” on this board."]
                }
                continue
            try:
                measurement = services._measurement(indicator, user=user, **data)
                measurement.full_clean(
                    exclude=["indicator", "entered_by"],
                    validate_unique=False,
                    validate_constraints=False,
                )
            except DjangoValidationError as error:
                errors[index] = _messages(error)
                continue
            key = (indicator.pk, measurement.period_kind, measurement.period_end)
            if key in seen:
                errors[index] = {
                    "period_end": [
                        f"{code} for this period is also item {seen[key]} of the list."
                    ]
                }
            elif key in existing:
                errors[index] = {
                    "period_end": [f"{code} already has a value for this period."]
                }
            seen.setdefault(key, index)
            measurements.append(measurement)
        if errors:
            raise exceptions.ValidationError(
                {"errors": {str(i): errors[i] for i in sorted(errors)}}
            )
        return measurements


@extend_schema_view(
    create=extend_schema(
        request=s.MeasurementCreateSerializer(many=True),
        responses={201: s.BulkCreatedSerializer},
    )
)
class MeasurementBulkViewSet(IdempotentCreateMixin, _BulkCreate):
    """Up to 1,000 values at once: all are saved, or none with each bad item's
    errors keyed by its index in the list."""


class RowsQuerySerializer(serializers.Serializer):
    period_kind = serializers.ChoiceField(choices=PeriodKind.choices, required=False)
    period_end = fields.DateField(required=False)

    def validate(self, attrs):
        if bool(attrs.get("period_kind")) != bool(attrs.get("period_end")):
            raise serializers.ValidationError(
                "Give both period_kind and period_end, or neither for the latest."
            )
        return attrs


class ScorecardViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Scorecard.objects.select_related("board")
    serializer_class = s.ScorecardSerializer
    lookup_field = "slug"
    filterset_class = ScorecardFilterSet
    ordering_fields = ["name"]

    def get_object(self):
        try:
            return super().get_object()
        except MultipleObjectsReturned:
            raise exceptions.ValidationError(
                {"detail": "Use a token: it names the board the request is for."}
            ) from None

    @extend_schema(
        parameters=[RowsQuerySerializer], responses={200: s.ScorecardRowsSerializer}
    )
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def rows(self, request, slug=None):
        """The scorecard's rows for a period (default: the latest with a value)."""
        scorecard = self.get_object()
        query = RowsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        indicators = scorecard.indicators.all()
        period = (
            (query.validated_data["period_kind"], query.validated_data["period_end"])
            if query.validated_data
            else selectors.latest_period(indicators)
        )
        rows = (
            selectors.scorecard_rows(
                scorecard.board,
                indicators,
                period_kind=period[0],
                period_end=period[1],
            )
            if period
            else []
        )
        body = {
            "scorecard": scorecard.slug,
            "period_kind": period[0] if period else None,
            "period_end": period[1] if period else None,
            "rows": rows,
        }
        return Response(s.ScorecardRowsSerializer(body).data)
