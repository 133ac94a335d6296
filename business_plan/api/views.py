"""The business plan API: plans, themes and actions to read, action details to
edit (business team and chair), and progress updates to append (anyone who may
update the action). Writes go through business_plan.services."""

import django_filters
from django.db.models import Exists, OuterRef, Prefetch, Q
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, viewsets

from boards.api.base import (
    BoardScopedMixin,
    IdempotentCreateMixin,
    VersionedUpdateMixin,
    history_reason,
    token_of,
)
from boards.api.filters import AgencyFilter, ApiFilterSet, IdFilter, modified_since
from boards.models import Board
from subgroups.models import Subgroup

from .. import permissions, services
from ..filters import ActionFilter, PlanFilterSet
from ..models import Action, ActionUpdate, BusinessPlan, Rag, Theme
from . import serializers


def boards_of(request):
    """The boards a request may reach: the token's, or the signed-in user's."""
    token = token_of(request)
    if token is not None:
        return Board.objects.filter(pk=token.board_id)
    return Board.objects.visible_to(request.user)


class PlanViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = BusinessPlan.objects.all()
    serializer_class = serializers.PlanSerializer
    filterset_class = PlanFilterSet
    ordering_fields = ["first_year"]


class ThemeFilter(ApiFilterSet):
    plan = IdFilter("plan", what="The plan")

    class Meta:
        model = Theme
        fields = ["plan", "modified_since"]


class ThemeViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    board_path = "plan__board"
    queryset = Theme.objects.all()
    serializer_class = serializers.ThemeSerializer
    filterset_class = ThemeFilter
    ordering_fields = ["number"]


class ApiActionFilter(ApiFilterSet, ActionFilter):
    """The plan page's filters, with the plan as a parameter and the theme and
    subgroup choices limited to the boards the request may reach."""

    plan = IdFilter("plan", what="The plan")
    # As on the page, with the schema saying what they take.
    theme = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.none(), help_text="The theme: its id."
    )
    subgroup = django_filters.ModelChoiceFilter(
        field_name="owner_subgroups",
        queryset=Subgroup.objects.none(),
        help_text="An owning subgroup: its id.",
    )
    agency = AgencyFilter("owner_agencies", help_text="An agency owning the action")
    modified_since = modified_since(
        method="filter_modified_since",
        what="Actions changed, or given a progress update (which changes their "
        "current RAG),",
    )

    class Meta(ActionFilter.Meta):
        fields = ["plan", *ActionFilter.Meta.fields, "agency", "modified_since"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # ActionFilter.__init__ needs one plan; the API may filter across plans.
        django_filters.FilterSet.__init__(
            self, data, queryset, request=request, prefix=prefix
        )
        boards = boards_of(request) if request is not None else Board.objects.none()
        self.filters["theme"].queryset = Theme.objects.filter(plan__board__in=boards)
        self.filters["subgroup"].queryset = Subgroup.objects.filter(board__in=boards)

    def filter_modified_since(self, queryset, name, value):
        updated = ActionUpdate.objects.filter(
            action=OuterRef("pk"), created_at__gte=value
        )
        return queryset.filter(Q(modified_at__gte=value) | Exists(updated))


@extend_schema(methods=["PATCH"], responses=serializers.ActionSerializer)
class ActionViewSet(
    BoardScopedMixin,
    VersionedUpdateMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Actions with their current RAG. PATCH changes an action's details (the
    business team and chair): name the version you start from."""

    board_path = "plan__board"
    queryset = (
        Action.objects.with_current_rag()
        .select_related("plan")
        .prefetch_related(
            Prefetch("owner_subgroups", to_attr="owner_subgroup_list"),
            Prefetch("owner_agencies", to_attr="owner_agency_list"),
        )
    )
    serializer_class = serializers.ActionSerializer
    update_serializer_class = serializers.ActionDetailsSerializer
    filterset_class = ApiActionFilter
    ordering_fields = ["sort_key", "due_date"]

    def can_write(self, user, obj) -> bool:
        return permissions.can_manage_plans(user, obj.plan.board)

    def update_record(self, instance, **kwargs):
        services.action_update_details(action=instance, **kwargs)


class ActionUpdateFilter(ApiFilterSet):
    action = IdFilter("action", what="The action")
    plan = IdFilter("action__plan", what="The action's plan")
    agency = AgencyFilter(
        "action__owner_agencies", help_text="An agency owning the updated action"
    )
    # Updates are never edited (a correction is a new update): made is modified.
    modified_since = modified_since(field_name="created_at", what="Updates recorded")
    rag = django_filters.ChoiceFilter(
        choices=[*Rag.choices, ("none", "No update required")], method="filter_rag"
    )
    date = django_filters.DateFromToRangeFilter(
        help_text="date_after and date_before: a range of update dates, inclusive."
    )

    class Meta:
        model = ActionUpdate
        fields = ["action", "plan", "rag", "date", "agency", "modified_since"]

    def filter_rag(self, queryset, name, value: str):
        return queryset.filter(rag="" if value == "none" else value)


class ActionUpdateViewSet(
    BoardScopedMixin,
    IdempotentCreateMixin,
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Progress updates: append-only, so a correction is a new update. POST needs
    a read-write token of someone who may update the action (the business team
    and chair for any action; an agency contributor or subgroup chair for the
    actions their agency or subgroup owns)."""

    board_path = "action__plan__board"
    queryset = ActionUpdate.objects.select_related("author")
    serializer_class = serializers.ActionUpdateSerializer
    filterset_class = ActionUpdateFilter
    ordering_fields = ["date", "created_at"]

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "boards": boards_of(self.request)}

    def perform_create(self, serializer):
        data = serializer.validated_data
        action = data["action"]
        if not permissions.can_update_action(self.request.user, action):
            raise exceptions.PermissionDenied(
                "You may update only the actions your agency or subgroup owns."
            )
        serializer.instance = services.action_update_record(
            action=action,
            update_date=data["date"],
            rag=data["rag"],
            narrative=data.get("narrative", ""),
            subgroup=data.get("subgroup"),
            user=self.request.user,
            via=history_reason(self.request),
        )
