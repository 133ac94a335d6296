"""The HTML editions of the PDFs, built from the same context and the same
partial templates, in the same reading order. The annual report's: every member
reads the chair's approved narrative; the business team and the chair may read the
draft (?draft=1), marked as not approved. A meeting pack's: whoever may download
the pack reads it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from boards import permissions
from boards.mixins import BoardMixin
from boards.models import Meeting

from .documents import annual_report_context, parse_year
from .meeting_pack import meeting_pack_context
from .permissions import can_download_reports, can_edit_narrative

DRAFT_VALUES = {"1", "true", "yes", "on"}


class AnnualReportEditionView(BoardMixin, TemplateView):
    template_name = "reports/edition/annual_report.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        try:
            year = parse_year(self.kwargs["year"])
        except ValueError:
            raise Http404("Not a reporting year") from None
        may_see_draft = can_edit_narrative(self.request.user, self.board)
        draft = self.request.GET.get("draft", "").strip().lower() in DRAFT_VALUES
        if draft and not may_see_draft:
            raise PermissionDenied("Only the business team and the chair see drafts.")
        context = annual_report_context(self.board, year, draft=draft)
        context.pop("charts")  # shown inline on screen
        kwargs.pop("year", None)
        label = context["year_label"]
        page = reverse("reports:annual-report-edition", args=[self.board.slug, label])
        return super().get_context_data(
            **kwargs,
            **context,
            may_see_draft=may_see_draft,
            approved_url=page,
            draft_url=f"{page}?draft=1",
            narrative_url=reverse("reports:narrative", args=[self.board.slug, label]),
        )


class MeetingPackEditionView(BoardMixin, TemplateView):
    """/boards/<slug>/meetings/<id>/pack/: the pack the meeting's PDF prints."""

    template_name = "reports/edition/meeting_pack.html"
    permission = staticmethod(can_download_reports)

    def get_context_data(self, **kwargs):
        meeting = get_object_or_404(
            Meeting.objects.filter(board=self.board), pk=self.kwargs["meeting_id"]
        )
        meeting.board = self.board
        kwargs.pop("meeting_id", None)
        return super().get_context_data(**kwargs, **meeting_pack_context(meeting))
