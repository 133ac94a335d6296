"""View mixins every app uses for pages under /boards/<board_slug>/: the board
resolved once per request, and the logging of views of restricted records."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from lscb_portal.middleware import no_store

from .models import Board
from .services.viewlog import page_via, record_views_log


class BoardMixin(LoginRequiredMixin):
    """Resolves the board from the URL; a board the user cannot see is a 404.

    Subclasses set `permission` to a predicate (user, board) -> bool from a
    permissions module; a visible board the user may not act on is a 403."""

    permission = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.board = get_object_or_404(
            Board.objects.visible_to(request.user), slug=kwargs["board_slug"]
        )
        if self.permission is not None and not self.permission(
            request.user, self.board
        ):
            raise PermissionDenied
        return self.before_handler(request) or super().dispatch(
            request, *args, **kwargs
        )

    def before_handler(self, request):
        """Subclasses' further checks once the board is known: return a response to
        stop, or raise PermissionDenied / Http404."""
        return None

    def get_context_data(self, **kwargs):
        kwargs.setdefault("board", self.board)
        return super().get_context_data(**kwargs)


class NoStoreMixin:
    """For pages of restricted records: no browser or proxy keeps a copy."""

    def dispatch(self, request, *args, **kwargs):
        return no_store(super().dispatch(request, *args, **kwargs))


class LogsRecordViewMixin(NoStoreMixin):
    """For pages that show restricted records: each successful GET logs one view of
    every record `viewed_records()` names, as `record_label(record)` names it (put
    it before the BoardMixin); no copy of the page is kept."""

    def viewed_records(self):
        return []

    def record_label(self, record) -> str:
        return str(record)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method == "GET" and response.status_code == 200:
            record_views_log(
                board_id=self.board.pk,
                user=request.user,
                records=self.viewed_records(),
                via=page_via(request),
                label=self.record_label,
            )
        return response
