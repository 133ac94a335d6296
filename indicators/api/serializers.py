from decimal import Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from boards.api import fields

from ..models import Indicator, Measurement, PeriodKind, Rag, Scorecard, Target


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["year", "value", "low", "high"]


class IndicatorSerializer(serializers.ModelSerializer):
    targets = TargetSerializer(many=True, read_only=True)
    scorecards = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )

    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "description",
            "unit",
            "polarity",
            "frequency",
            "owning_agency",
            "source",
            "tolerance_kind",
            "tolerance",
            "scorecards",
            "targets",
            "version",
        ]


class MeasurementSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    # Declared so the schema's enum allows the blank it holds when not recorded.
    recorded_rag = serializers.ChoiceField(
        choices=Rag.choices,
        allow_blank=True,
        read_only=True,
        help_text="Only to override the computed RAG (blank when not recorded).",
    )

    class Meta:
        model = Measurement
        fields = [
            "id",
            "indicator",
            "period_kind",
            "period_end",
            "value",
            "numerator",
            "denominator",
            "source",
            "recorded_rag",
            "rag_reason",
            "recorded_trend",
            "commentary",
            "entered_at",
            "version",
        ]
        read_only_fields = fields


def _number(**kwargs):
    # No digit limits here: the service says what is allowed, in its own words.
    return serializers.DecimalField(max_digits=None, decimal_places=None, **kwargs)


RAG_CHOICES = [*Rag.choices, ("", "None (use the computed RAG)")]


class MeasurementDetailsSerializer(serializers.Serializer):
    """The parts of a measurement a POST or PATCH may give besides its period."""

    value = _number()
    numerator = _number(required=False, allow_null=True)
    denominator = _number(required=False, allow_null=True)
    source = serializers.CharField(max_length=200, required=False, allow_blank=True)
    recorded_rag = serializers.ChoiceField(
        choices=RAG_CHOICES, required=False, allow_blank=True
    )
    rag_reason = serializers.CharField(required=False, allow_blank=True)
    commentary = serializers.CharField(required=False, allow_blank=True)


class MeasurementCreateSerializer(MeasurementDetailsSerializer):
    """One value for an indicator (named by its code) and period."""

    indicator = serializers.CharField(
        max_length=20, help_text="The indicator's code, e.g. CS1.0."
    )
    period_kind = serializers.ChoiceField(choices=PeriodKind.choices)
    period_end = fields.DateField(help_text="The last day of the period.")

    class Meta:
        fields = [
            "indicator",
            "period_kind",
            "period_end",
            "value",
            "numerator",
            "denominator",
            "source",
            "recorded_rag",
            "rag_reason",
            "commentary",
        ]


class MeasurementUpdateSerializer(MeasurementDetailsSerializer):
    """A PATCH: the fields to change, and the version they start from (or an
    If-Match header)."""

    version = serializers.IntegerField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].required = False


class BulkCreatedSerializer(serializers.Serializer):
    created = serializers.IntegerField()


class ScorecardSerializer(serializers.ModelSerializer):
    class Meta:
        model = Scorecard
        fields = ["id", "name", "slug"]


class ScorecardRowSerializer(serializers.Serializer):
    """One indicator's line on a scorecard: the RAG shown, the computed one and
    the rule that gave it."""

    code = serializers.CharField(source="indicator.code")
    description = serializers.CharField(source="indicator.description")
    value = serializers.SerializerMethodField()
    unit = serializers.CharField(source="indicator.unit")
    polarity = serializers.CharField(source="indicator.polarity")
    rag = serializers.CharField(help_text="Shown: recorded if any, else computed.")
    computed_rag = serializers.CharField()
    reason = serializers.CharField(help_text="The rule that gave the computed RAG.")
    recorded = serializers.BooleanField(source="is_recorded")
    recorded_reason = serializers.CharField()
    trend = serializers.CharField()
    target = serializers.SerializerMethodField()

    @extend_schema_field(
        serializers.DecimalField(max_digits=14, decimal_places=3, allow_null=True)
    )
    def get_value(self, row) -> Decimal | None:
        return None if row.measurement is None else str(row.measurement.value)

    @extend_schema_field(TargetSerializer(allow_null=True))
    def get_target(self, row):
        return TargetSerializer(row.target).data if row.target else None


class ScorecardRowsSerializer(serializers.Serializer):
    scorecard = serializers.CharField()
    period_kind = serializers.CharField(allow_null=True)
    period_end = fields.DateField(allow_null=True)
    rows = ScorecardRowSerializer(many=True)
