"""Who may see and do what with training: the only place in this app that reads roles.

Everyone on the board sees the programme, its sessions' totals, the trainer pool
and e-learning rates. Named attendees are the business team's and the chair's to
read. The business team and the chair record everything; an agency contributor
records its own agency's attendance counts and e-learning returns."""

from boards.models import Role
from boards.permissions import can_view_board, contributor_agency_ids, roles_on

WRITERS = frozenset({Role.BUSINESS_TEAM, Role.CHAIR})


def can_view_training(user, board) -> bool:
    return can_view_board(user, board)


def can_manage_training(user, board) -> bool:
    """Courses, sessions, attendees, evaluations, the trainer pool, providers,
    e-learning years and imports, for every agency."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & WRITERS)
    )


def can_view_attendees(user, board) -> bool:
    """Attendees' names and roles are personal data: the writers only."""
    return can_manage_training(user, board)


def can_record_agency_figures(user, board, agency_id) -> bool:
    """Attendance counts and e-learning returns for one agency."""
    return can_manage_training(user, board) or (
        agency_id is not None and agency_id in contributor_agency_ids(user, board)
    )


def can_record_some_agency_figures(user, board) -> bool:
    """Whether to offer the forms at all: a writer, or a contributor of an agency."""
    return can_manage_training(user, board) or bool(contributor_agency_ids(user, board))
