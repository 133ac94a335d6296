"""Who may export and download a board's reports: the only place in the reports app
that reads roles."""

from boards.models import Role
from boards.permissions import can_view_board, roles_on

EXPORTERS = frozenset({Role.CHAIR, Role.BUSINESS_TEAM})


def can_export_reports(user, board) -> bool:
    """Start an export (the annual report, a meeting pack)."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & EXPORTERS)
    )


def can_download_reports(user, board) -> bool:
    """See the board's exports and download the finished PDFs: any member."""
    return can_view_board(user, board)
