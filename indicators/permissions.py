"""Who may do what with indicators: the only place in this app that reads roles."""

from boards.models import Role
from boards.permissions import can_view_board, roles_on

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
    if not indicator.owning_agency_id:
        return False
    return Role.AGENCY_CONTRIBUTOR in roles_on(user, indicator.board) and any(
        m.agency_id == indicator.owning_agency_id
        and m.board_id == indicator.board_id
        and m.role == Role.AGENCY_CONTRIBUTOR
        for m in user.memberships.all()
    )
