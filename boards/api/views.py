"""Read-only API of the board's records (writes stay in the portal for now)."""

from rest_framework import viewsets

from ..models import Agency, Board, ChallengeLogEntry, Meeting, Membership, Risk
from . import serializers
from .base import BoardScopedMixin, token_of


class BoardViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.BoardSerializer
    ordering_fields = ["name"]

    def get_queryset(self):
        token = token_of(self.request)
        if token is not None:
            return Board.objects.filter(pk=token.board_id)
        return Board.objects.visible_to(self.request.user)


class AgencyViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Agency.objects.all()
    serializer_class = serializers.AgencySerializer
    filterset_fields = ["statutory_partner"]
    ordering_fields = ["name"]


class MembershipViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Membership.objects.all()
    serializer_class = serializers.MembershipSerializer
    filterset_fields = ["role", "agency"]
    ordering_fields = ["role", "position"]


class MeetingViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Meeting.objects.all()
    serializer_class = serializers.MeetingSerializer
    filterset_fields = ["kind"]
    ordering_fields = ["date"]


class RiskViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Risk.objects.all()
    serializer_class = serializers.RiskSerializer
    filterset_fields = ["status"]
    ordering_fields = ["review_date", "title"]


class ChallengeViewSet(BoardScopedMixin, viewsets.ReadOnlyModelViewSet):
    queryset = ChallengeLogEntry.objects.all()
    serializer_class = serializers.ChallengeSerializer
    filterset_fields = ["status", "agency_challenged"]
    ordering_fields = ["date"]
