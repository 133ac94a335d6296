"""Shapes of the business plan API: plans, themes, actions with their current RAG,
and the append-only progress updates."""

from rest_framework import serializers

from boards.models import Agency
from subgroups.models import Subgroup

from ..models import Action, ActionUpdate, BusinessPlan, Theme


class PlanSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True, help_text="draft, active or closed.")

    class Meta:
        model = BusinessPlan
        fields = [
            "id",
            "title",
            "slug",
            "first_year",
            "last_year",
            "status",
            "carried_forward_to",
            "version",
        ]


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "plan", "number", "title"]


class IdList(serializers.ListField):
    """The ids of a list of records, read only."""

    child = serializers.IntegerField()

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, data):
        return [record.pk for record in data]


class ActionSerializer(serializers.ModelSerializer):
    """An action as read: expects Action.objects.with_current_rag() with owners
    prefetched."""

    # Plain strings in the schema: enums named "status" or with the RAG choices
    # already come from other components (see ENUM_NAME_OVERRIDES).
    current_rag = serializers.CharField(
        read_only=True,
        help_text="The latest rated update's RAG (R, A, G or C); blank when never "
        "rated.",
    )
    last_update_date = serializers.DateField(read_only=True, allow_null=True)
    owners = serializers.SerializerMethodField()
    # Read from the view's to_attr prefetches (ActionViewSet.queryset): plain lists
    # cost far less per row than a prefetched manager's querysets.
    owner_subgroups = IdList(source="owner_subgroup_list", label="Owning subgroups")
    owner_agencies = IdList(source="owner_agency_list", label="Owning agencies")

    class Meta:
        model = Action
        fields = [
            "id",
            "plan",
            "theme",
            "ref",
            "text",
            "owners",
            "owner_subgroups",
            "owner_agencies",
            "owner_role",
            "when_text",
            "due_date",
            "outcome",
            "source",
            "carried_from",
            "current_rag",
            "last_update_date",
            "version",
        ]
        read_only_fields = fields

    def get_owners(self, action) -> str:
        return action.owners_display(
            action.owner_subgroup_list, action.owner_agency_list
        )


class ActionDetailsSerializer(serializers.ModelSerializer):
    """A change to an action's details: give only what changes, with the version
    you start from (or an If-Match header)."""

    theme = serializers.PrimaryKeyRelatedField(queryset=Theme.objects.none())
    owner_subgroups = serializers.PrimaryKeyRelatedField(
        queryset=Subgroup.objects.none(), many=True
    )
    owner_agencies = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.none(), many=True
    )
    version = serializers.IntegerField(
        required=False,
        help_text="The version you change; not needed with an If-Match header.",
    )

    class Meta:
        model = Action
        fields = [
            "theme",
            "text",
            "owner_subgroups",
            "owner_agencies",
            "owner_role",
            "when_text",
            "due_date",
            "outcome",
            "source",
            "version",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        action = self.instance
        if isinstance(action, Action):
            board_id = action.plan.board_id
            self.fields["theme"].queryset = Theme.objects.filter(plan=action.plan_id)
            self.fields[
                "owner_subgroups"
            ].child_relation.queryset = Subgroup.objects.filter(board=board_id)
            self.fields[
                "owner_agencies"
            ].child_relation.queryset = Agency.objects.filter(board=board_id)


class ActionUpdateSerializer(serializers.ModelSerializer):
    """A dated progress update. `action` must be an action of the token's board;
    `subgroup` (optional) a subgroup of that board."""

    action = serializers.PrimaryKeyRelatedField(queryset=Action.objects.none())
    subgroup = serializers.PrimaryKeyRelatedField(
        queryset=Subgroup.objects.none(), required=False, allow_null=True
    )
    author_name = serializers.CharField(
        source="author.full_name", read_only=True, allow_null=True
    )

    class Meta:
        model = ActionUpdate
        fields = [
            "id",
            "action",
            "date",
            "quarter",
            "rag",
            "narrative",
            "subgroup",
            "author_name",
            "created_at",
        ]
        read_only_fields = ["quarter", "created_at"]
        extra_kwargs = {"rag": {"required": True}, "narrative": {"required": False}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        boards = self.context.get("boards")
        if boards is not None:
            self.fields["action"].queryset = (
                Action.objects.filter(plan__board__in=boards)
                .select_related("plan__board")
                .prefetch_related("owner_subgroups__chair", "owner_agencies")
            )
            self.fields["subgroup"].queryset = Subgroup.objects.filter(board__in=boards)

    def validate(self, attrs):
        subgroup, action = attrs.get("subgroup"), attrs.get("action")
        if subgroup and action and subgroup.board_id != action.plan.board_id:
            raise serializers.ValidationError(
                {"subgroup": "Choose a subgroup of the action's board."}
            )
        return attrs
