from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import ReportingPlanItem, ReturnStatus, Subgroup, SubgroupReturn


@extend_schema_field(
    {
        "type": "string",
        "description": "One of: "
        + ", ".join(f"`{value}` ({label})" for value, label in ReturnStatus.choices),
    }
)
class ReturnStatusField(serializers.ChoiceField):
    """Described without an enum component: "status" open/closed already names
    one for risks and challenges, and two would collide (see ENUM_NAME_OVERRIDES)."""


class SubgroupSerializer(serializers.ModelSerializer):
    # People appear by position, as on the board's pages; e-mail stays in the portal.
    chair_position = serializers.CharField(
        source="chair.position", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = Subgroup
        fields = ["id", "name", "kind", "parent", "chair_position", "active"]


class SubgroupReturnSerializer(serializers.ModelSerializer):
    status = ReturnStatusField(choices=ReturnStatus.choices, read_only=True)

    class Meta:
        model = SubgroupReturn
        fields = [
            "id",
            "subgroup",
            "period",
            "status",
            "highlights",
            "meetings_held",
            "exceptions",
            "risks",
            "submitted_at",
        ]


class ReportingPlanItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportingPlanItem
        fields = [
            "id",
            "what",
            "subgroup",
            "producer",
            "frequency",
            "month",
            "destination",
        ]
