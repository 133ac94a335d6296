"""Who may export and download a board's reports: the only place in the reports app
that reads roles."""

from boards.models import Role
from boards.permissions import can_view_board, contributor_agency_ids, roles_on

EXPORTERS = frozenset({Role.CHAIR, Role.BUSINESS_TEAM})


def can_export_reports(user, board) -> bool:
    """Start an export (the annual report, a meeting pack)."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & EXPORTERS)
    )


def can_download_reports(user, board) -> bool:
    """See the board's exports and download the finished PDFs: any member."""
    return can_view_board(user, board)


def can_download_run(user, run) -> bool:
    """See and download one export: exporters any run of their board; other
    members only runs printed from the approved text, not drafts."""
    if can_export_reports(user, run.board):
        return True
    return can_download_reports(user, run.board) and run.params.get("draft") is not True


def can_edit_narrative(user, board) -> bool:
    """Write and change the annual report's narrative (and see its drafts): the
    business team and the chair."""
    return user.is_authenticated and (
        user.is_superuser
        or bool(roles_on(user, board) & {Role.CHAIR, Role.BUSINESS_TEAM})
    )


def can_approve_narrative(user, board) -> bool:
    """Approve a version of the narrative for the published report: the chair."""
    return user.is_authenticated and (
        user.is_superuser or Role.CHAIR in roles_on(user, board)
    )


def can_write_statement(user, board, agency) -> bool:
    """Write an agency's brief word for the annual report: that agency's
    contributor, the business team and the chair."""
    return can_edit_narrative(user, board) or (
        agency.pk in contributor_agency_ids(user, board)
    )


def can_write_statements(user, board) -> bool:
    """See the statements' drafts and status: whoever may write one of them."""
    return can_edit_narrative(user, board) or bool(contributor_agency_ids(user, board))
