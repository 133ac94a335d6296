"""The view log page: the business team reads who viewed the board's restricted
records, newest first, filtered by kind, person and dates."""

from django.core.paginator import Paginator
from django.urls import path
from django.views.generic import TemplateView

from .. import permissions
from ..filters.viewlog import RecordViewFilter
from ..mixins import BoardMixin
from ..models import RecordView

PAGE_SIZE = 50


class ViewLogView(BoardMixin, TemplateView):
    template_name = "boards/viewlog/list.html"
    permission = staticmethod(permissions.can_read_view_log)

    def get_context_data(self, **kwargs):
        views = RecordView.objects.filter(board=self.board).select_related(
            "user", "record_type"
        )
        log_filter = RecordViewFilter(
            self.request.GET or None, queryset=views, board=self.board
        )
        page = Paginator(log_filter.qs.order_by("-viewed_at", "-id"), PAGE_SIZE)
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter=log_filter,
            page=page.get_page(self.request.GET.get("page")),
            query=query.urlencode(),
            **kwargs,
        )


urlpatterns = [
    path("<slug:board_slug>/view-log/", ViewLogView.as_view(), name="view-log"),
]
