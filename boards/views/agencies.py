"""One partner agency: everything the board holds about it. Other apps add their
parts through lscb_portal.sections.register_agency_section."""

from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.generic import TemplateView

from lscb_portal.lists import Column, ListPageMixin
from lscb_portal.sections import agency_sections_for

from .. import permissions
from ..mixins import BoardMixin
from ..models import Agency, ChallengeLogEntry, ChallengeStatus, Contribution, Role


class AgencyListView(ListPageMixin, BoardMixin, TemplateView):
    template_name = "boards/agencies/agency_list.html"
    permission = staticmethod(permissions.can_view_board)
    list_name = "partner-agencies"

    def get_columns(self):
        slug = self.board.slug
        return [
            Column(
                "agency",
                "Agency",
                "name",
                sort="name",
                row_header=True,
                link=lambda a: reverse("boards:agency", args=[slug, a.pk]),
            ),
            Column(
                "statutory",
                "Statutory partner",
                lambda a: "Yes" if a.statutory_partner else "No",
                sort=("statutory_partner", "name"),
            ),
            Column("seats", "Board seats", "seats", sort="seats", numeric=True),
            Column(
                "open_challenges",
                "Open challenges to it",
                "open_challenges",
                sort="open_challenges",
                numeric=True,
            ),
        ]

    def get_list(self):
        agencies = Agency.objects.filter(board=self.board).order_by("name", "pk")
        return agencies.annotate(
            seats=Count(
                "memberships", filter=~Q(memberships__role=Role.AGENCY_CONTRIBUTOR)
            ),
            open_challenges=Count(
                "challenges_received",
                filter=Q(challenges_received__status=ChallengeStatus.OPEN),
                distinct=True,
            ),
        )

    def get_caption(self):
        return f"Partner agencies of {self.board.name}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["agencies"] = context["page"].object_list
        return context


class AgencyDetailView(BoardMixin, TemplateView):
    template_name = "boards/agencies/agency_detail.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        agency = get_object_or_404(
            Agency, board=self.board, pk=self.kwargs["agency_id"]
        )
        agency.board = self.board  # the parts of other apps read it
        contributions = list(
            Contribution.objects.filter(agency=agency).order_by("-year")
        )
        return super().get_context_data(
            agency=agency,
            members=agency.memberships.select_related("user").order_by("role"),
            challenges=ChallengeLogEntry.objects.filter(agency_challenged=agency)
            .select_related("raised_by__user")
            .order_by("-date")[:50],
            challenges_made=ChallengeLogEntry.objects.filter(
                raised_by_agency=agency
            ).count(),
            contributions=contributions,
            contribution_total=Contribution.objects.filter(agency=agency).aggregate(
                total=Sum("amount")
            )["total"],
            sections=agency_sections_for(agency, self.request.user),
            **kwargs,
        )


urlpatterns = [
    path("<slug:board_slug>/agencies/", AgencyListView.as_view(), name="agencies"),
    path(
        "<slug:board_slug>/agencies/<int:agency_id>/",
        AgencyDetailView.as_view(),
        name="agency",
    ),
]
