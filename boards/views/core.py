import copy

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.history import history_entries
from lscb_portal.sections import sections_for
from lscb_portal.versioning import StaleVersion

from .. import permissions, services
from ..forms import BoardForm
from ..mixins import BoardMixin
from ..selectors import board_summary


class BoardHomeView(BoardMixin, TemplateView):
    template_name = "boards/board_home.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        user = self.request.user
        summary = board_summary(self.board)
        return super().get_context_data(
            **summary,
            my_memberships=[m for m in summary["members"] if m.user_id == user.pk],
            sections=sections_for(self.board),
            can_edit=permissions.can_edit_board(user, self.board),
            **kwargs,
        )


class BoardEditView(BoardMixin, FormPageMixin, FormView):
    form_class = BoardForm
    permission = staticmethod(permissions.can_edit_board)
    page_title = "Change board details"
    submit_label = "Save changes"

    def get_back_url(self):
        return reverse("boards:home", args=[self.board.slug])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = copy.copy(
            self.board
        )  # the form must not alter the page's board
        kwargs.setdefault("initial", {})["version"] = self.board.version
        return kwargs

    def form_valid(self, form):
        try:
            services.board_update(
                board=self.board,
                version=form.cleaned_data["version"],
                changes=form.cleaned_data,
                user=self.request.user,
            )
        except StaleVersion as conflict:
            form.add_error(None, str(conflict))
            return self.render_to_response(self.get_context_data(form=form), status=409)
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
