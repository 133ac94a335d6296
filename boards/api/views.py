"""Read-only API of the board's records (writes stay in the portal for now)."""

from rest_framework import viewsets

from ..filters import api as filters
from ..models import Agency, Board, ChallengeLogEntry, Meeting, Membership, Risk
from . import serializers
from .base import BoardScopedMixin, token_of


class BoardViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.BoardSerializer
    filterset_class = filters.BoardFilterSet
    ordering_fields = ["name"]

    def get_queryset(self):
        token = token_of(self.request)
        if token is not None:
            return Board.objects.filter(pk=token.board_id)
        return Board.objects.visible_to(self.request.user)


class AgencyViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Agency.objects.all()
    serializer_class = serializers.AgencySerializer
    filterset_class = filters.AgencyFilterSet
    ordering_fields = ["name"]


class MembershipViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Membership.objects.all()
    serializer_class = serializers.MembershipSerializer
    filterset_class = filters.MembershipFilterSet
    ordering_fields = ["role", "position"]


class MeetingViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Meeting.objects.all()
    serializer_class = serializers.MeetingSerializer
    filterset_class = filters.MeetingFilterSet
    ordering_fields = ["date"]


class RiskViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Risk.objects.all()
    serializer_class = serializers.RiskSerializer
    filterset_class = filters.RiskFilterSet
    ordering_fields = ["review_date", "title"]


class ChallengeViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = ChallengeLogEntry.objects.all()
    serializer_class = serializers.ChallengeSerializer
    filterset_class = filters.ChallengeFilterSet
    ordering_fields = ["date"]
