"""Who attended a meeting, and the actions arising from it with their progress."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.urls import path
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin

from .. import permissions
from ..forms.meetings import (
    ActionForm,
    ActionUpdateForm,
    AttendanceRowForm,
)
from ..models import AttendanceStatus, Meeting, MeetingAction
from ..selectors.members import current_members, member_label
from ..services import meetings as meeting_services
from .meetings import MEETING, LogsConfidentialItemsMixin, MeetingMixin, meeting_url


class AttendanceView(MeetingMixin, TemplateView):
    """One form for every current member: status and deputy per row, saved
    together or not at all."""

    template_name = "boards/meetings/attendance.html"
    permission = staticmethod(permissions.can_manage_governance)

    def rows(self, data=None):
        members = list(current_members(self.board, self.meeting.date))
        recorded = {a.membership_id: a for a in self.meeting.attendance.all()}
        rows = []
        for member in members:
            record = recorded.get(member.pk)
            initial = (
                {"status": record.status, "deputy": record.deputy}
                if record
                else {"status": AttendanceStatus.PRESENT}
            )
            form = AttendanceRowForm(data, prefix=f"m{member.pk}", initial=initial)
            rows.append((member, member_label(member), form))
        return rows

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(rows=self.rows()))

    def post(self, request, *args, **kwargs):
        rows = self.rows(request.POST)
        summary = forms.Form({})  # holds the page's error summary
        summary.is_valid()
        # Every row is validated, so that every error is shown at once.
        checked = [form.is_valid() for _, _, form in rows]
        valid = all(checked)
        if valid:
            try:
                count = meeting_services.attendance_record(
                    meeting=self.meeting,
                    entries={
                        member.pk: (
                            form.cleaned_data["status"],
                            form.cleaned_data["deputy"],
                        )
                        for member, _, form in rows
                    },
                    members=[member for member, _, _ in rows],
                    user=request.user,
                )
            except ValidationError as error:
                valid = False
                by_id = {member.pk: form for member, _, form in rows}
                if hasattr(error, "error_dict"):
                    for member_id, texts in error.message_dict.items():
                        for text in texts:
                            by_id[int(member_id)].add_error("status", text)
                else:
                    for text in error.messages:
                        summary.add_error(None, text)
            else:
                messages.success(
                    request,
                    f"Attendance recorded for {len(rows)} member{pluralize(len(rows))}"
                    f" ({count} changed).",
                )
                return redirect(meeting_url(self.meeting))
        for _member, label, form in rows:
            for texts in form.errors.values():
                for text in texts:
                    summary.add_error(None, f"{label}: {text}")
        return self.render_to_response(
            self.get_context_data(rows=rows, summary=summary)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            held=self.meeting.date <= timezone.localdate(),
            back_url=meeting_url(self.meeting),
            **kwargs,
        )


class ActionCreateView(MeetingMixin, FormPageMixin, FormView):
    form_class = ActionForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Add an action arising"
    submit_label = "Add action"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "meeting": self.meeting,
            "members": current_members(self.board, self.meeting.date),
        }

    def get_initial(self):
        item = self.request.GET.get("item")
        return {"agenda_item": item} if item and item.isdigit() else {}

    def form_save(self, form):
        action = meeting_services.action_create(
            meeting=self.meeting, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Action added: {action}")
        return redirect(meeting_url(self.meeting))


class ActionUpdateView(
    LogsConfidentialItemsMixin, MeetingMixin, FormPageMixin, FormView
):
    """Record progress on an action, or close it. Reached from the meeting that
    raised it, or from a later meeting's log (?from=<that meeting>). An action on a
    confidential item shows its words, so the view is logged as one of the item."""

    form_class = ActionUpdateForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Update the action"
    submit_label = "Save update"

    @cached_property
    def action(self) -> MeetingAction:
        return get_object_or_404(
            MeetingAction.objects.select_related("meeting", "agenda_item"),
            meeting=self.meeting,
            pk=self.kwargs["action_id"],
        )

    def before_handler(self, request):
        self.action  # noqa: B018 - 404 if it is not this meeting's
        return super().before_handler(request)

    def viewed_records(self):
        item = self.action.agenda_item
        return [item] if item is not None and item.confidential else []

    @cached_property
    def came_from(self):
        value = self.request.GET.get("from", "")
        if not value.isdigit():
            return None
        return Meeting.objects.filter(board=self.board, pk=int(value)).first()

    def get_back_url(self):
        return meeting_url(self.came_from or self.meeting)

    def get_initial(self):
        a = self.action
        return {
            "status": a.status,
            "update": a.update,
            "closed_on": a.closed_on,
            "version": a.version,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            intro=f"Raised at the {self.meeting}: {self.action.description}",
            **kwargs,
        )

    def form_save(self, form):
        data = form.cleaned_data
        action = meeting_services.action_update(
            action=self.action,
            version=data["version"],
            status=data["status"],
            update=data["update"],
            closed_on=data["closed_on"],
            user=self.request.user,
        )
        status = action.get_status_display().lower()
        messages.success(self.request, f"Action {status}")
        return redirect(self.get_back_url())


urlpatterns = [
    path(
        MEETING + "attendance/",
        AttendanceView.as_view(),
        name="meeting-attendance",
    ),
    path(
        MEETING + "actions/new/",
        ActionCreateView.as_view(),
        name="meeting-action-create",
    ),
    path(
        MEETING + "actions/<int:action_id>/",
        ActionUpdateView.as_view(),
        name="meeting-action-update",
    ),
]
