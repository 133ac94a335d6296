"""Who may do what with subgroups, returns and the planner: the only place in this
app that reads roles."""

from boards.models import Role
from boards.permissions import can_view_board, roles_on

WRITERS = frozenset({Role.BUSINESS_TEAM, Role.CHAIR})


def can_view_subgroups(user, board) -> bool:
    return can_view_board(user, board)


def can_manage_subgroups(user, board) -> bool:
    """Change subgroups, the planner, meetings' papers."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & WRITERS)
    )


def can_enter_return(user, subgroup) -> bool:
    """The business team, or the subgroup's own chair or vice chair."""
    if can_manage_subgroups(user, subgroup.board):
        return True
    return Role.SUBGROUP_CHAIR in roles_on(
        user, subgroup.board
    ) and subgroup.chaired_by(user)
