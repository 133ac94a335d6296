"""Read-only API of subgroups, their returns and the Reporting Planner."""

from rest_framework import viewsets

from boards.api.base import BoardScopedMixin, token_of
from boards.api.viewlog import LogsRecordViewApiMixin
from boards.models import Board

from .. import filters, permissions
from ..models import ReportingPlanItem, Subgroup, SubgroupReturn
from . import serializers


class SubgroupViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Subgroup.objects.select_related("chair")
    serializer_class = serializers.SubgroupSerializer
    filterset_class = filters.SubgroupFilterSet
    ordering_fields = ["name", "kind"]


class SubgroupReturnViewSet(
    LogsRecordViewApiMixin, BoardScopedMixin, viewsets.ReadOnlyModelViewSet
):
    """Submitted and noted returns; drafts only for those who may see them, each
    view of one logged."""

    queryset = SubgroupReturn.objects.select_related("subgroup")
    serializer_class = serializers.SubgroupReturnSerializer
    board_path = "subgroup__board"
    filterset_class = filters.SubgroupReturnFilterSet
    ordering_fields = ["period", "submitted_at"]

    def is_restricted(self, record) -> bool:
        return record.is_draft

    def record_board_id(self, record) -> int:
        return record.subgroup.board_id

    def get_queryset(self):
        user = self.request.user
        # One query for the subgroups in scope (members prefetched); the rule is
        # subgroups.permissions.can_view_drafts.
        subgroups = Subgroup.objects.select_related(
            "board", "chair", "vice_chair"
        ).prefetch_related("members")
        token = token_of(self.request)
        if token is not None:
            subgroups = subgroups.filter(board=token.board)
        else:
            subgroups = subgroups.filter(board__in=Board.objects.visible_to(user))
        return permissions.visible_returns(user, super().get_queryset(), subgroups)


class ReportingPlanItemViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = ReportingPlanItem.objects.all()
    serializer_class = serializers.ReportingPlanItemSerializer
    filterset_class = filters.ReportingPlanItemFilterSet
    ordering_fields = ["what", "month"]
