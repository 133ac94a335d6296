"""Who may do what with good practice examples: the only place in this app that
reads roles."""

from boards.models import Role
from boards.permissions import can_view_board, contributor_agency_ids, roles_on

WRITERS = frozenset({Role.BUSINESS_TEAM, Role.CHAIR})


def can_view_good_practice(user, board) -> bool:
    """Any member of the board reads the catalogue."""
    return can_view_board(user, board)


def can_manage_good_practice(user, board) -> bool:
    """The business team and the chair add and change any example."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & WRITERS)
    )


def agencies_user_enters_for(user, board) -> set[int] | None:
    """The agencies whose examples the user may add: None for any agency."""
    if can_manage_good_practice(user, board):
        return None
    return contributor_agency_ids(user, board)


def can_add_good_practice(user, board) -> bool:
    """Writers, and an agency contributor for their own agency."""
    return agencies_user_enters_for(user, board) != set()


def can_edit_example(user, example) -> bool:
    """Writers for any example; an agency contributor for their agency's own."""
    allowed = agencies_user_enters_for(user, example.board)
    return allowed is None or example.agency_id in allowed
