"""The view log for the API: a ViewSet of restricted records logs every record it
returns, by retrieve or on a list page."""

from ..services.viewlog import api_via, record_views_log


class LogsRecordViewApiMixin:
    """Put it before BoardScopedMixin. `is_restricted(record)` says which records
    are logged (all by default); `record_board_id(record)` names the record's
    board."""

    def is_restricted(self, record) -> bool:
        return True

    def record_board_id(self, record) -> int:
        return record.board_id

    def log_views(self, records):
        by_board = {}
        for record in records:
            if self.is_restricted(record):
                by_board.setdefault(self.record_board_id(record), []).append(record)
        for board_id, logged in by_board.items():
            record_views_log(
                board_id=board_id,
                user=self.request.user,
                records=logged,
                via=api_via(self.request),
            )

    def get_object(self):
        record = super().get_object()
        # Once per request, however often a retrieve looks the record up.
        if self.action == "retrieve" and not getattr(self, "_view_logged", False):
            self._view_logged = True
            self.log_views([record])
        return record

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if self.action == "list":
            self.log_views(page if page is not None else queryset)
        return page
