from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin

from .. import permissions, services
from ..forms import MeetingForm
from ..mixins import BoardMixin
from ..models import Meeting


class MeetingListView(BoardMixin, TemplateView):
    template_name = "boards/meeting_list.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        meetings = Meeting.objects.filter(board=self.board).order_by("-date")
        return super().get_context_data(
            upcoming=[m for m in meetings if m.date >= today][::-1],
            past=[m for m in meetings if m.date < today][:50],
            can_edit=permissions.can_edit_board(self.request.user, self.board),
            **kwargs,
        )


class MeetingCreateView(BoardMixin, FormPageMixin, FormView):
    form_class = MeetingForm
    permission = staticmethod(permissions.can_edit_board)
    page_title = "Add a meeting"
    submit_label = "Add meeting"

    def get_back_url(self):
        return reverse("boards:meetings", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_valid(self, form):
        try:
            meeting = services.meeting_create(
                board=self.board, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for text in error.messages:
                form.add_error(None, text)
            return self.form_invalid(form)
        messages.success(self.request, f"{meeting} added.")
        return redirect(self.get_back_url())


urlpatterns = [
    path("<slug:board_slug>/meetings/", MeetingListView.as_view(), name="meetings"),
    path(
        "<slug:board_slug>/meetings/new/",
        MeetingCreateView.as_view(),
        name="meeting-create",
    ),
]
