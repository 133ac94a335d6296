"""Meetings: the list, a meeting's page (agenda, attendance, actions arising and the
action log, minutes approval) and the forms that record them."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.views.generic import FormView, TemplateView, View

from lscb_portal.forms import FormPageMixin, add_errors, save_or_refuse
from lscb_portal.history import history_entries
from lscb_portal.lists import Column, ListPageMixin

from .. import permissions, services
from ..forms import MeetingForm
from ..forms.meetings import (
    ActionForm,
    ActionUpdateForm,
    AgendaItemEditForm,
    AgendaItemForm,
    ApproveMinutesForm,
    AttendanceRowForm,
    ItemDeclarationForm,
    MeetingEditForm,
    MinutesForm,
)
from ..mixins import BoardMixin, LogsRecordViewMixin
from ..models import AgendaItem, AttendanceStatus, Meeting, MeetingAction
from ..selectors import meetings as selectors
from ..selectors.members import current_members, member_label
from ..services import meetings as meeting_services
from ..services import members as member_services

PAST_PAGE_SIZE = 50


def meeting_url(meeting) -> str:
    return reverse("boards:meeting", args=[meeting.board.slug, meeting.pk])


class MeetingListView(ListPageMixin, BoardMixin, TemplateView):
    """Coming meetings, then the list of past ones (newest first)."""

    template_name = "boards/meetings/list.html"
    permission = staticmethod(permissions.can_view_board)
    list_name = "past-meetings"
    page_size = PAST_PAGE_SIZE

    def get_columns(self):
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

    def get_list(self):
        return Meeting.objects.filter(
            board=self.board, date__lt=timezone.localdate()
        ).order_by("-date", "kind")

    def get_caption(self):
        return "Past meetings"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        meetings = Meeting.objects.filter(board=self.board)
        return super().get_context_data(
            upcoming=meetings.filter(date__gte=today).order_by("date", "kind"),
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


# A meeting -----------------------------------------------------------------------


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

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")

        def save():
            meeting = meeting_services.meeting_update(
                meeting=self.meeting,
                version=version,
                changes=data,
                user=self.request.user,
            )
            messages.success(self.request, f"{meeting} saved.")
            return redirect(meeting_url(meeting))

        return save_or_refuse(self, form, save)


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

    def form_valid(self, form):
        def save():
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

        return save_or_refuse(self, form, save)


# Agenda items --------------------------------------------------------------------


class AgendaItemCreateView(MeetingMixin, FormPageMixin, FormView):
    form_class = AgendaItemForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Add an agenda item"
    submit_label = "Add item"
    multipart = True

    def get_initial(self):
        return {"order": meeting_services.next_item_number(self.meeting)}

    def form_valid(self, form):
        try:
            item = meeting_services.agenda_item_create(
                meeting=self.meeting, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Item {item.order} added.")
        return redirect(meeting_url(self.meeting))


class ItemMixin(LogsConfidentialItemsMixin, MeetingMixin):
    """Resolves .../items/<item_id>/. A confidential item is a 404 for users who may
    not see confidential items, whatever the page; then `item_permission` gives a
    403. Each page of a confidential item that shows it is logged."""

    permission = staticmethod(permissions.can_view_board)
    item_permission = staticmethod(permissions.can_manage_governance)

    @cached_property
    def item(self) -> AgendaItem:
        return get_object_or_404(
            AgendaItem, meeting=self.meeting, pk=self.kwargs["item_id"]
        )

    def before_handler(self, request):
        user = request.user
        if self.item.confidential and not permissions.can_view_confidential(
            user, self.board
        ):
            raise Http404
        if self.item_permission is not None and not self.item_permission(
            user, self.board
        ):
            raise PermissionDenied
        return super().before_handler(request)

    def viewed_records(self):
        return [self.item] if self.item.confidential else []

    def get_context_data(self, **kwargs):
        kwargs.setdefault("item", self.item)
        return super().get_context_data(**kwargs)


class AgendaItemEditView(ItemMixin, FormPageMixin, FormView):
    form_class = AgendaItemEditForm
    submit_label = "Save changes"
    multipart = True

    def get_page_title(self):
        return f"Change item {self.item.order}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "has_paper": bool(self.item.paper_file)}

    def get_initial(self):
        item = self.item
        return {
            "order": item.order,
            "title": item.title,
            "presenter": item.presenter,
            "standing": item.standing,
            "confidential": item.confidential,
        }

    def get_context_data(self, **kwargs):
        if self.item.paper_file:
            name = self.item.paper_file.name.rsplit("/", 1)[-1]
            kwargs.setdefault("intro", f"The current paper is {name}.")
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        paper_file = data.pop("paper_file", None)
        remove_paper = data.pop("remove_paper", False)
        try:
            item = meeting_services.agenda_item_update(
                item=self.item,
                changes=data,
                user=self.request.user,
                paper_file=paper_file,
                remove_paper=remove_paper,
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Item {item.order} saved.")
        return redirect(meeting_url(self.meeting))


class MinutesEditView(ItemMixin, FormPageMixin, FormView):
    form_class = MinutesForm
    submit_label = "Save minutes"

    def get_page_title(self):
        return f"Minutes of item {self.item.order}: {self.item.title}"

    def get_initial(self):
        return {"minutes": self.item.minutes, "decisions": self.item.decisions}

    def form_valid(self, form):
        meeting_services.agenda_item_record_minutes(
            item=self.item, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Minutes of item {self.item.order} saved.")
        return redirect(meeting_url(self.meeting))


class AgendaPaperView(ItemMixin, View):
    """The item's paper file, for anyone who may see the item."""

    item_permission = None

    def get(self, request, *args, **kwargs):
        paper = self.item.paper_file
        if not paper:
            raise Http404
        try:
            handle = paper.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(
            handle, as_attachment=True, filename=paper.name.rsplit("/", 1)[-1]
        )


class ItemDeclarationCreateView(ItemMixin, FormPageMixin, FormView):
    form_class = ItemDeclarationForm
    submit_label = "Record declaration"

    def get_page_title(self):
        return f"Record a declaration on item {self.item.order}"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "members": current_members(self.board, self.meeting.date),
        }

    def get_initial(self):
        return {"declared_on": self.meeting.date}

    def get_context_data(self, **kwargs):
        return super().get_context_data(intro=self.item.title, **kwargs)

    def form_valid(self, form):
        try:
            member_services.declaration_add_for_item(
                agenda_item=self.item, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Declaration recorded.")
        return redirect(meeting_url(self.meeting))


# Attendance ----------------------------------------------------------------------


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


# Actions arising -----------------------------------------------------------------


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

    def form_valid(self, form):
        try:
            action = meeting_services.action_create(
                meeting=self.meeting, user=self.request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Action added: {action}")
        return redirect(meeting_url(self.meeting))


class ActionUpdateView(MeetingMixin, FormPageMixin, FormView):
    """Record progress on an action, or close it. Reached from the meeting that
    raised it, or from a later meeting's log (?from=<that meeting>)."""

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

    def form_valid(self, form):
        data = form.cleaned_data

        def save():
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

        return save_or_refuse(self, form, save)


MEETING = "<slug:board_slug>/meetings/<int:meeting_id>/"
ITEM = MEETING + "items/<int:item_id>/"

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
    path(
        MEETING + "attendance/",
        AttendanceView.as_view(),
        name="meeting-attendance",
    ),
    path(
        MEETING + "items/new/",
        AgendaItemCreateView.as_view(),
        name="agenda-item-create",
    ),
    path(ITEM + "edit/", AgendaItemEditView.as_view(), name="agenda-item-edit"),
    path(ITEM + "minutes/", MinutesEditView.as_view(), name="agenda-item-minutes"),
    path(ITEM + "paper/", AgendaPaperView.as_view(), name="agenda-item-paper"),
    path(
        ITEM + "declarations/new/",
        ItemDeclarationCreateView.as_view(),
        name="agenda-item-declaration",
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
