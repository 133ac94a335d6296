"""Shapes of the reviews API: case reviews (restricted) with their lessons and
lifecycle, action plan items with their progress, and learning themes. Nothing
here describes a child death: no CDOP record or figure is ever sent."""

from datetime import date

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from boards.api import fields
from lscb_portal.rag import Rag

from .. import services
from ..models import (
    ActionItem,
    CaseReview,
    ItemStatus,
    LearningTheme,
    Lesson,
    RapidReviewDecision,
    ReviewEvent,
    ReviewType,
    Stage,
)


def described_choice(described, *, blank=False, what="", **options):
    """A choice of `described` (read-only unless `options` say otherwise),
    described in words rather than as an enum component: the same field names
    ("status", "kind", "stage") already name other enums, and two would collide
    in the schema."""
    listed = ", ".join(f"`{value}` ({label})" for value, label in described)
    if blank:
        listed += ", or blank"
    field_class = extend_schema_field(
        {"type": "string", "description": f"{what}One of: {listed}."}
    )(type("DescribedChoiceField", (serializers.ChoiceField,), {}))
    return field_class(**({"choices": described, "read_only": True} | options))


class LearningThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = LearningTheme
        fields = ["id", "name", "slug", "description", "modified_at"]
        read_only_fields = fields


class LessonSerializer(serializers.ModelSerializer):
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Lesson
        fields = ["number", "title", "text", "themes"]
        read_only_fields = fields


class ReviewEventSerializer(serializers.ModelSerializer):
    kind = described_choice(ReviewEvent.Kind.choices)
    from_stage = described_choice(Stage.choices, blank=True)
    to_stage = described_choice(Stage.choices, blank=True)
    from_type = described_choice(ReviewType.choices, blank=True)
    to_type = described_choice(ReviewType.choices, blank=True)
    by_name = serializers.CharField(
        source="by.full_name",
        read_only=True,
        allow_null=True,
        default=None,
        help_text="Who recorded it.",
    )

    class Meta:
        model = ReviewEvent
        fields = [
            "kind",
            "date",
            "from_stage",
            "to_stage",
            "from_type",
            "to_type",
            "note",
            "by_name",
            "recorded_at",
        ]
        read_only_fields = fields


class CaseReviewSerializer(serializers.ModelSerializer):
    """A case review as its restricted readers see it. Expects the view's queryset
    (lessons with their themes and events with who recorded them prefetched)."""

    review_type = described_choice(ReviewType.choices)
    stage = described_choice(Stage.choices)
    rapid_review_decision = described_choice(RapidReviewDecision.choices, blank=True)
    notification_due = serializers.SerializerMethodField(
        help_text="When the national panel is due to be notified: 5 working days "
        "after the local authority became aware."
    )
    notification_late = serializers.SerializerMethodField(
        help_text="Notified after the due date, or not yet notified and past it."
    )
    rapid_review_due = serializers.SerializerMethodField(
        help_text="When the rapid review is due: 15 working days after the "
        "notification."
    )
    rapid_review_late = serializers.SerializerMethodField(
        help_text="Sent after the due date, or not yet sent and past it."
    )
    publication_url = serializers.CharField(
        read_only=True,
        help_text="The link to the published report; empty when there is none "
        "(an internal practice review, or not yet published).",
    )
    lessons = LessonSerializer(many=True, read_only=True)
    events = ReviewEventSerializer(
        many=True, read_only=True, help_text="The review's lifecycle, oldest first."
    )

    class Meta:
        model = CaseReview
        fields = [
            "id",
            "child_reference",
            "review_type",
            "legacy",
            "stage",
            "referred_on",
            "criteria_met",
            "decided_on",
            "decided_by",
            "decision_reason",
            "reviewer",
            "commissioned_on",
            "draft_received_on",
            "published_on",
            "publication_url",
            "closed_on",
            "incident_known_on",
            "panel_notified_on",
            "notification_due",
            "notification_late",
            "rapid_review_sent_on",
            "rapid_review_due",
            "rapid_review_late",
            "rapid_review_decision",
            "panel_response",
            "panel_responded_on",
            "period_examined",
            "scope",
            "story",
            "recommendations",
            "lessons",
            "events",
            "version",
            "modified_at",
        ]
        read_only_fields = fields

    def get_notification_due(self, review) -> date | None:
        return services.notification_due(review)

    def get_notification_late(self, review) -> bool:
        return services.notification_is_late(review)

    def get_rapid_review_due(self, review) -> date | None:
        return services.rapid_review_due(review)

    def get_rapid_review_late(self, review) -> bool:
        return services.rapid_review_is_late(review)


class ReviewReferenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseReview
        fields = ["id", "child_reference"]
        read_only_fields = fields


class PlanActionReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    ref = serializers.CharField(read_only=True, help_text='e.g. "2.3".')


class IdList(serializers.ListField):
    """The ids of a prefetched list of records, read only."""

    child = serializers.IntegerField()

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, data):
        return [record.pk for record in data]


class ActionItemSerializer(serializers.ModelSerializer):
    """An item of a review's action plan. Expects the view's queryset (review and
    business plan action joined, lessons prefetched into lesson_list)."""

    review = ReviewReferenceSerializer(read_only=True)
    status = described_choice(ItemStatus.choices)
    current_rag = described_choice(Rag.choices, blank=True, what="The RAG rating. ")
    is_overdue = serializers.BooleanField(
        read_only=True, help_text="Open and past its due date."
    )
    lessons = IdList(source="lesson_list", help_text="The lessons it answers.")
    business_plan_action = PlanActionReferenceSerializer(
        read_only=True,
        allow_null=True,
        help_text="The business plan action that carries it out.",
    )

    class Meta:
        model = ActionItem
        fields = [
            "id",
            "review",
            "number",
            "action",
            "owner_agency",
            "due_date",
            "measure_of_success",
            "status",
            "current_rag",
            "evidence",
            "is_overdue",
            "lessons",
            "business_plan_action",
            "version",
            "modified_at",
        ]
        read_only_fields = fields


class ProgressSerializer(serializers.Serializer):
    """Progress on an item: its status now, a RAG, the evidence (needed to
    complete it), a narrative (needed for red or amber), the date of the update
    (today if not given) and the version you start from."""

    status = described_choice(ItemStatus.choices, read_only=False)
    rag = described_choice(
        Rag.choices,
        blank=True,
        what="The RAG rating. ",
        choices=[*Rag.choices, ("", "Not rated")],
        read_only=False,
        allow_blank=True,
        required=False,
        default="",
    )
    evidence = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    narrative = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    date = fields.DateField(required=False, help_text="The day of the update.")
    version = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        help_text="The item's version you start from; a stale one is refused with 409.",
    )
