"""A meeting's agenda: adding and editing items, their minutes, papers and the
declarations of interest made on them."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.views.generic import FormView, View

from lscb_portal.forms import FormPageMixin

from .. import permissions
from ..forms.meetings import (
    AgendaItemEditForm,
    AgendaItemForm,
    ItemDeclarationForm,
    MinutesForm,
)
from ..models import AgendaItem
from ..selectors.members import current_members
from ..services import meetings as meeting_services
from ..services import members as member_services
from .meetings import MEETING, LogsConfidentialItemsMixin, MeetingMixin, meeting_url


class AgendaItemCreateView(MeetingMixin, FormPageMixin, FormView):
    form_class = AgendaItemForm
    permission = staticmethod(permissions.can_manage_governance)
    page_title = "Add an agenda item"
    submit_label = "Add item"
    multipart = True

    def get_initial(self):
        return {"order": meeting_services.next_item_number(self.meeting)}

    def form_save(self, form):
        item = meeting_services.agenda_item_create(
            meeting=self.meeting, user=self.request.user, **form.cleaned_data
        )
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

    def form_save(self, form):
        data = dict(form.cleaned_data)
        paper_file = data.pop("paper_file", None)
        remove_paper = data.pop("remove_paper", False)
        item = meeting_services.agenda_item_update(
            item=self.item,
            changes=data,
            user=self.request.user,
            paper_file=paper_file,
            remove_paper=remove_paper,
        )
        messages.success(self.request, f"Item {item.order} saved.")
        return redirect(meeting_url(self.meeting))


class MinutesEditView(ItemMixin, FormPageMixin, FormView):
    form_class = MinutesForm
    submit_label = "Save minutes"

    def get_page_title(self):
        return f"Minutes of item {self.item.order}: {self.item.title}"

    def get_initial(self):
        return {"minutes": self.item.minutes, "decisions": self.item.decisions}

    def form_save(self, form):
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

    def form_save(self, form):
        member_services.declaration_add_for_item(
            agenda_item=self.item, user=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, "Declaration recorded.")
        return redirect(meeting_url(self.meeting))


ITEM = MEETING + "items/<int:item_id>/"

urlpatterns = [
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
]
