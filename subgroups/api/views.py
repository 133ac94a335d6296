"""Read-only API of subgroups, their returns and the Reporting Planner."""

from django.db.models import Q
from rest_framework import viewsets

from boards.api.base import BoardScopedMixin, token_of
from boards.models import Board

from .. import filters, permissions
from ..models import ReportingPlanItem, ReturnStatus, Subgroup, SubgroupReturn
from . import serializers


class SubgroupViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Subgroup.objects.select_related("chair")
    serializer_class = serializers.SubgroupSerializer
    filterset_class = filters.SubgroupFilterSet
    ordering_fields = ["name", "kind"]


class SubgroupReturnViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    """Submitted and noted returns; drafts only for those who may enter them."""

    queryset = SubgroupReturn.objects.all()
    serializer_class = serializers.SubgroupReturnSerializer
    board_path = "subgroup__board"
    filterset_class = filters.SubgroupReturnFilterSet
    ordering_fields = ["period", "submitted_at"]

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        # One query for the subgroups in scope; the rule itself stays in
        # subgroups.permissions (roles are cached on the user).
        subgroups = Subgroup.objects.select_related("board", "chair", "vice_chair")
        token = token_of(self.request)
        if token is not None:
            subgroups = subgroups.filter(board=token.board)
        else:
            subgroups = subgroups.filter(board__in=Board.objects.visible_to(user))
        may_enter = [s.pk for s in subgroups if permissions.can_enter_return(user, s)]
        return queryset.filter(
            ~Q(status=ReturnStatus.DRAFT) | Q(subgroup_id__in=may_enter)
        )


class ReportingPlanItemViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = ReportingPlanItem.objects.all()
    serializer_class = serializers.ReportingPlanItemSerializer
    filterset_class = filters.ReportingPlanItemFilterSet
    ordering_fields = ["what", "month"]
