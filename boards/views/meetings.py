"""Meetings: the list, a new meeting, a meeting's page and history, its details
and the approval of its minutes."""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.views.generic import FormView, TemplateView

from lscb_portal.forms import FormPageMixin
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ExtraList, ListPageMixin

from .. import permissions, services
from ..forms import MeetingForm
from ..forms.meetings import (
    ApproveMinutesForm,
    MeetingEditForm,
)
from ..mixins import BoardMixin, LogsRecordViewMixin
from ..models import Meeting
from ..selectors import meetings as selectors
from ..services import meetings as meeting_services

PAST_PAGE_SIZE = 50


def meeting_url(meeting) -> str:
    return reverse("boards:meeting", args=[meeting.board.slug, meeting.pk])


def meeting_columns() -> list[Column]:
    """The columns of both lists of meetings."""
    return [
        Column(
            "date",
            "Date",
            meeting_date_text,
            sort=("date", "starts_at"),
            template="boards/meetings/_date_cell.html",
        ),
        Column("meeting", "Meeting", lambda m: m.get_kind_display(), sort="kind"),
        Column("where", "Where", lambda m: m.location or "–", sort="location"),
        Column(
            "minutes",
            "Minutes",
            lambda m: "Approved" if m.minutes_status == "approved" else "Draft",
            sort="minutes_status",
            template="boards/meetings/_minutes_cell.html",
        ),
        Column(
            "papers",
            "Papers",
            lambda m: "Reports due",
            template="boards/meetings/_papers_cell.html",
        ),
    ]


class UpcomingMeetings(ExtraList):
    """The "Coming up" list (soonest first), under ?upcoming-sort= and the like."""

    prefix = "upcoming-"
    context_name = "upcoming_table"
    list_name = "coming-meetings"

    def get_columns(self):
        return meeting_columns()

    def get_list(self):
        return Meeting.objects.filter(
            board=self.board, date__gte=timezone.localdate()
        ).order_by("date", "kind")

    def get_caption(self):
        return "Coming meetings"


class MeetingListView(ListPageMixin, BoardMixin, TemplateView):
    """Coming meetings, then the list of past ones (newest first)."""

    template_name = "boards/meetings/list.html"
    permission = staticmethod(permissions.can_view_board)
    list_name = "past-meetings"
    page_size = PAST_PAGE_SIZE
    extra_lists = (UpcomingMeetings,)

    def get_columns(self):
        return meeting_columns()

    def get_list(self):
        return Meeting.objects.filter(
            board=self.board, date__lt=timezone.localdate()
        ).order_by("-date", "kind")

    def get_caption(self):
        return "Past meetings"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_edit=permissions.can_edit_board(self.request.user, self.board),
            **kwargs,
        )


def meeting_date_text(meeting) -> str:
    """ "12 May 2016, 14:00" (the time when one is set)."""
    text = date_format(meeting.date, "j F Y")
    if meeting.starts_at:
        text += f", {meeting.starts_at:%H:%M}"
    return text


class MeetingCreateView(BoardMixin, FormPageMixin, FormView):
    form_class = MeetingForm
    permission = staticmethod(permissions.can_edit_board)
    page_title = "Add a meeting"
    submit_label = "Add meeting"

    def get_back_url(self):
        return reverse("boards:meetings", args=[self.board.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "board": self.board}

    def form_save(self, form):
        meeting = services.meeting_create(
            board=self.board, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"{meeting} added.")
        return redirect(self.get_back_url())


class MeetingMixin(BoardMixin):
    """Resolves .../meetings/<meeting_id>/ to self.meeting (404 on another board)."""

    @cached_property
    def meeting(self) -> Meeting:
        return get_object_or_404(
            Meeting.objects.select_related("board", "minutes_approved_at"),
            board=self.board,
            pk=self.kwargs["meeting_id"],
        )

    def before_handler(self, request):
        self.meeting  # noqa: B018 - a meeting of another board is a 404
        return super().before_handler(request)

    def get_back_url(self):
        return meeting_url(self.meeting)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("meeting", self.meeting)
        kwargs.setdefault("caption", str(self.meeting))
        return super().get_context_data(**kwargs)


class LogsConfidentialItemsMixin(LogsRecordViewMixin):
    """Every view of a confidential item's content is logged, naming its meeting."""

    def record_label(self, item) -> str:
        return f"{self.meeting}: item {item}"


class MeetingDetailView(LogsConfidentialItemsMixin, MeetingMixin, TemplateView):
    template_name = "boards/meetings/detail.html"
    permission = staticmethod(permissions.can_view_board)
    shown_confidential = ()

    def viewed_records(self):
        return self.shown_confidential

    def get_context_data(self, **kwargs):
        user, meeting = self.request.user, self.meeting
        confidential = permissions.can_view_confidential(user, self.board)
        arising = selectors.actions_arising(meeting)
        log = selectors.action_log(meeting)
        for action in (*arising, *log):
            action.masked = selectors.action_is_masked(
                action, can_view_confidential=confidential
            )
        items = selectors.agenda(
            meeting,
            can_view_confidential=confidential,
            file_url=lambda item: reverse(
                "boards:agenda-item-paper",
                args=[self.board.slug, meeting.pk, item.pk],
            ),
        )
        self.shown_confidential = [
            view.item for view in items if view.item.confidential and not view.masked
        ]
        return super().get_context_data(
            items=items,
            attendance=selectors.attendance(meeting),
            arising=arising,
            log=log,
            held=meeting.date <= timezone.localdate(),
            today=timezone.localdate(),
            previous_meeting=selectors.previous_meeting(meeting),
            next_meeting=selectors.next_meeting(meeting),
            can_manage=permissions.can_manage_governance(user, self.board),
            **kwargs,
        )


class MeetingHistoryView(MeetingMixin, TemplateView):
    template_name = "boards/meetings/history.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=history_entries(self.meeting.history.all()), **kwargs
        )


class MeetingEditView(MeetingMixin, FormPageMixin, FormView):
    form_class = MeetingEditForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Change the meeting's details"
    submit_label = "Save changes"

    def get_initial(self):
        m = self.meeting
        return {
            "kind": m.kind,
            "date": m.date,
            "starts_at": m.starts_at,
            "location": m.location,
            "version": m.version,
        }

    def form_save(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        meeting = meeting_services.meeting_update(
            meeting=self.meeting,
            version=version,
            changes=data,
            user=self.request.user,
        )
        messages.success(self.request, f"{meeting} saved.")
        return redirect(meeting_url(meeting))


class ApproveMinutesView(MeetingMixin, FormPageMixin, FormView):
    form_class = ApproveMinutesForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Approve the minutes"
    submit_label = "Approve minutes"

    @cached_property
    def choices(self):
        return list(selectors.approving_choices(self.meeting, timezone.localdate()))

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(meeting=self.meeting, choices=self.choices)
        kwargs.setdefault("initial", {}).update(
            version=self.meeting.version,
            approving=next(
                (m.pk for m in self.choices if m.kind == self.meeting.kind), None
            ),
        )
        return kwargs

    def get_context_data(self, **kwargs):
        meeting = self.meeting
        if meeting.minutes_approved_at_id:
            intro = f"These minutes were approved at the {meeting.minutes_approved_at}."
        elif meeting.date > timezone.localdate():
            intro = (
                "This meeting has not been held yet: its minutes can be approved at "
                "a later meeting once it has taken place."
            )
        elif not self.choices:
            intro = (
                "No meeting has been held since this one: its minutes can be "
                "approved once the next meeting has taken place."
            )
        else:
            intro = (
                "Record the later meeting at which these minutes were agreed as a "
                "true record. Only a meeting held after this one, and already held, "
                "can approve them."
            )
        return super().get_context_data(intro=intro, **kwargs)

    def form_save(self, form):
        meeting_services.minutes_approve(
            meeting=self.meeting,
            approving=form.cleaned_data["approving"],
            version=form.cleaned_data["version"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            f"Minutes approved at the {form.cleaned_data['approving']}.",
        )
        return redirect(meeting_url(self.meeting))


MEETING = "<slug:board_slug>/meetings/<int:meeting_id>/"

urlpatterns = [
    path("<slug:board_slug>/meetings/", MeetingListView.as_view(), name="meetings"),
    path(
        "<slug:board_slug>/meetings/new/",
        MeetingCreateView.as_view(),
        name="meeting-create",
    ),
    path(MEETING, MeetingDetailView.as_view(), name="meeting"),
    path(MEETING + "edit/", MeetingEditView.as_view(), name="meeting-edit"),
    path(MEETING + "history/", MeetingHistoryView.as_view(), name="meeting-history"),
    path(
        MEETING + "approve-minutes/",
        ApproveMinutesView.as_view(),
        name="meeting-approve-minutes",
    ),
]
