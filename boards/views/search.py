"""The header's search: what each app's registered source finds on the board,
each only among the records the user may see."""

from django.urls import path
from django.views.generic import TemplateView

from lscb_portal.search import MAX_QUERY, PER_SOURCE, clean_query, search

from .. import permissions
from ..mixins import BoardMixin, NoStoreMixin


class SearchView(NoStoreMixin, BoardMixin, TemplateView):
    """Results may name restricted records, so no copy of the page is kept."""

    template_name = "boards/search.html"
    permission = staticmethod(permissions.can_view_board)

    def get_context_data(self, **kwargs):
        query = clean_query(self.request.GET.get("q"))
        groups = search(self.board, self.request.user, query) if query else []
        return super().get_context_data(
            query=query,
            groups=groups,
            total=sum(g["total"] for g in groups),
            max_query=MAX_QUERY,
            per_source=PER_SOURCE,
            **kwargs,
        )


urlpatterns = [
    path("<slug:board_slug>/search/", SearchView.as_view(), name="search"),
]
