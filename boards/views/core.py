from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin, VersionedEditMixin
from lscb_portal.history import history_entries
from lscb_portal.sections import deadlines_for, home_panels_for, sections_for

from .. import permissions, services
from ..forms import BoardForm
from ..mixins import BoardMixin
from ..selectors import board_summary
from ..selectors import home as home_parts


class BoardHomeView(BoardMixin, TemplateView):
    template_name = "boards/board_home.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        summary = board_summary(self.board)
        return super().get_context_data(
            **summary,
            today=today,
            my_memberships=[m for m in summary["members"] if m.user_id == user.pk],
            panels=home_panels_for(self.board, user, today),
            meeting=home_parts.meeting_ahead(self.board, today),
            challenges=home_parts.challenges_awaiting(self.board, user),
            risks=home_parts.highest_risks(self.board, today),
            sections=sections_for(self.board),
            deadlines=deadlines_for(self.board, user, today),
            can_edit=permissions.can_edit_board(user, self.board),
            can_read_view_log=permissions.can_read_view_log(user, self.board),
            **kwargs,
        )


class BoardEditView(BoardMixin, VersionedEditMixin, FormPageMixin, FormView):
    form_class = BoardForm
    permission = staticmethod(permissions.can_edit_board)
    page_title = "Change board details"
    submit_label = "Save changes"

    def get_back_url(self):
        return reverse("boards:home", args=[self.board.slug])

    def versioned_record(self):
        return self.board

    def save(self, data, version):
        services.board_update(
            board=self.board, version=version, changes=data, user=self.request.user
        )
        messages.success(self.request, "Board details saved.")
        return redirect("boards:home", board_slug=self.board.slug)


class BoardHistoryView(BoardMixin, TemplateView):
    template_name = "boards/board_history.html"
    permission = staticmethod(permissions.can_view_history)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.board.history.all()), **kwargs
        )


urlpatterns = [
    path("<slug:board_slug>/", BoardHomeView.as_view(), name="home"),
    path("<slug:board_slug>/edit/", BoardEditView.as_view(), name="edit"),
    path("<slug:board_slug>/history/", BoardHistoryView.as_view(), name="history"),
]
