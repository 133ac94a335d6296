"""The view log page: the business team reads who viewed the board's restricted
records, newest first, filtered by kind, person and dates, and downloads it."""

from functools import cached_property

from django.urls import path
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.views.generic import TemplateView

from lscb_portal.lists import Column, ListPageMixin

from .. import permissions
from ..filters.viewlog import RecordViewFilter
from ..mixins import BoardMixin, NoStoreMixin
from ..models import RecordView

PAGE_SIZE = 50


def viewed_at_text(view) -> str:
    return date_format(timezone.localtime(view.viewed_at), "j M Y, H:i")


def record_text(view) -> str:
    kind = view.record_type.name
    return f"{kind[:1].upper()}{kind[1:]}: {view.record_label}"


class ViewLogView(NoStoreMixin, ListPageMixin, BoardMixin, TemplateView):
    template_name = "boards/viewlog/list.html"
    # The export is the same view, so only the business team downloads the log.
    permission = staticmethod(permissions.can_read_view_log)
    list_name = "view-log"
    page_size = PAGE_SIZE
    anchor = "views"

    def get_columns(self):
        return [
            Column("when", "When", viewed_at_text, sort="viewed_at"),
            Column("who", "Who", "user", sort=("user__full_name", "user__email")),
            Column(
                "record",
                "Record",
                record_text,
                sort=("record_type__model", "record_label"),
                template="boards/viewlog/_record_cell.html",
            ),
            Column(
                "through",
                "Through",
                "via",
                sort="via",
                template="boards/viewlog/_via_cell.html",
            ),
        ]

    @cached_property
    def filter(self):
        views = RecordView.objects.filter(board=self.board).select_related(
            "user", "record_type"
        )
        return RecordViewFilter(self.filter_data(), queryset=views, board=self.board)

    def get_list(self):
        return self.filter.qs.order_by("-viewed_at", "-id")

    def get_caption(self):
        return f"Views of restricted records of {self.board.name}, newest first"

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter=self.filter, **kwargs)


urlpatterns = [
    path("<slug:board_slug>/view-log/", ViewLogView.as_view(), name="view-log"),
]
