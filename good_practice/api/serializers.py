from rest_framework import serializers

from boards.api import fields
from boards.api.filters import MAX_ID
from boards.models import Agency
from reviews.models import LearningTheme

from ..models import TEXT_LIMIT, GoodPracticeExample


class ExampleSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = GoodPracticeExample
        fields = [
            "id",
            "agency",
            "agency_name",
            "date",
            "title",
            "what_was_done",
            "outcome",
            "learning",
            "themes",
            "created_at",
            "modified_at",
            "version",
        ]
        read_only_fields = fields


class ExampleWriteSerializer(serializers.Serializer):
    """An example to add: the agency by id, the learning themes by slug. The
    board is the token's (`board` in the context)."""

    agency = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="The agency whose practice it is."
    )
    date = fields.DateField(help_text="When the practice happened.")
    title = serializers.CharField(max_length=200)
    what_was_done = serializers.CharField(max_length=TEXT_LIMIT)
    outcome = serializers.CharField(
        max_length=TEXT_LIMIT, help_text="The outcome for the child."
    )
    learning = serializers.CharField(
        max_length=TEXT_LIMIT, help_text="The learning it shows."
    )
    themes = serializers.ListField(
        child=serializers.SlugField(max_length=100),
        required=False,
        max_length=50,
        help_text="Slugs of the board's learning themes, e.g. voice-of-the-child.",
    )

    def validate_agency(self, value):
        agency = Agency.objects.filter(board=self.context["board"], pk=value).first()
        if agency is None:
            raise serializers.ValidationError("No agency has this id on this board.")
        return agency

    def validate_themes(self, value):
        wanted = set(value)
        themes = list(
            LearningTheme.objects.filter(board=self.context["board"], slug__in=wanted)
        )
        missing = sorted(wanted - {theme.slug for theme in themes})
        if missing:
            raise serializers.ValidationError(
                f"No learning theme of this board has the slug: {', '.join(missing)}."
            )
        return themes


class ExampleUpdateSerializer(ExampleWriteSerializer):
    """A PATCH: the fields to change, and the version they start from (or an
    If-Match header)."""

    version = serializers.IntegerField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
