"""Who may do what with indicators: the only place in this app that reads roles."""

from boards.models import Role
from boards.permissions import can_view_board, contributor_agency_ids, roles_on

WRITERS = frozenset({Role.BUSINESS_TEAM, Role.CHAIR})


def can_view_indicators(user, board) -> bool:
    return can_view_board(user, board)


def can_manage_indicators(user, board) -> bool:
    """Indicators, targets, comparators, scorecards, tables, imports."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & WRITERS)
    )


def can_record_measurement(user, indicator) -> bool:
    """Writers for any indicator; an agency contributor for its agency's own."""
    if can_manage_indicators(user, indicator.board):
        return True
    owner = indicator.owning_agency_id
    return bool(owner) and owner in contributor_agency_ids(user, indicator.board)
