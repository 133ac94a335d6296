from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import (
    Agency,
    Board,
    ChallengeLogEntry,
    Meeting,
    Membership,
    Risk,
)


class BoardSerializer(serializers.ModelSerializer):
    class Meta:
        model = Board
        fields = ["id", "name", "slug", "area", "vision"]


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name", "short_name", "statutory_partner"]


class MembershipSerializer(serializers.ModelSerializer):
    role_display = serializers.CharField(source="get_role_display", read_only=True)

    class Meta:
        model = Membership
        # People appear by role and position; e-mail addresses stay in the portal.
        fields = [
            "id",
            "role",
            "role_display",
            "position",
            "agency",
            "member_from",
            "member_to",
        ]


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^([01]\d|2[0-3]):[0-5]\d$",
        "example": "14:00",
        "nullable": True,
        "description": "Local time (UK), hours and minutes; null when not set.",
    }
)
class LocalTimeField(serializers.TimeField):
    """A wall-clock time as the board gives it, "14:00": OpenAPI's `time` format
    means an RFC 3339 time with a UTC offset, which a meeting's time has not."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class MeetingSerializer(serializers.ModelSerializer):
    starts_at = LocalTimeField(allow_null=True, read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "date", "starts_at", "kind", "location", "minutes_status"]


class RiskSerializer(serializers.ModelSerializer):
    score = serializers.IntegerField(read_only=True)
    band = serializers.CharField(read_only=True)

    class Meta:
        model = Risk
        fields = [
            "id",
            "title",
            "owner",
            "likelihood",
            "impact",
            "score",
            "band",
            "mitigations",
            "review_date",
            "status",
            "version",
        ]


class ChallengeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChallengeLogEntry
        fields = [
            "id",
            "date",
            "raised_by",
            "raised_by_agency",
            "agency_challenged",
            "subject",
            "details",
            "response",
            "outcome",
            "impact",
            "status",
            "closed_on",
        ]
