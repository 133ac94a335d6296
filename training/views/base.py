"""What every training page shares: who may read it, who may change it, and the
year a page was asked for."""

from django.core.exceptions import PermissionDenied

from boards.mixins import BoardMixin

from .. import permissions


class TrainingMixin(BoardMixin):
    """A training page of the board: everyone on it reads; managers write."""

    permission = staticmethod(permissions.can_view_training)

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "can_manage",
            permissions.can_manage_training(self.request.user, self.board),
        )
        return super().get_context_data(**kwargs)


class TrainingManageMixin(TrainingMixin):
    """A training form for the business team and the chair."""

    permission = staticmethod(permissions.can_manage_training)


class ManageMixin:
    """A business team's page about one record: the record's 404 first, then 403."""

    def record(self):
        return None

    def before_handler(self, request):
        self.record()
        if not permissions.can_manage_training(request.user, self.board):
            raise PermissionDenied
        return super().before_handler(request)


def requested_year(request) -> int | None:
    """?year=2016 as a number in the years the portal keeps, else None."""
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else None
