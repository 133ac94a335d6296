"""Who may do what on a board: the only place in the boards app that reads roles."""

from django.utils import timezone

from .models import Membership, Role
from .models.core import current_membership

# Roles that may administer a board's records in the portal.
ADMIN_ROLES = frozenset({Role.BUSINESS_TEAM, Role.CHAIR})


def _roles_by_board(user) -> dict[int, set[str]]:
    """The user's current roles by board, loaded once per request."""
    if not user.is_authenticated:
        return {}
    cache = getattr(user, "_board_roles", None)
    if cache is None:
        cache = {}
        current = Membership.objects.filter(current_membership(user))
        for board_id, role in current.values_list("board_id", "role"):
            cache.setdefault(board_id, set()).add(role)
        user._board_roles = cache
    return cache


def roles_on(user, board) -> frozenset[str]:
    """The user's roles on the board."""
    return frozenset(_roles_by_board(user).get(board.pk, ()))


def roles_anywhere(user) -> frozenset[str]:
    """The user's roles on any board (e.g. for what sign-in asks of them)."""
    return frozenset().union(*_roles_by_board(user).values())


def contributor_agency_ids(user, board) -> set[int]:
    """The agencies the user contributes for on the board today: loaded once per
    request and board, as a list asks it of every row."""
    if not user.is_authenticated or Role.AGENCY_CONTRIBUTOR not in roles_on(
        user, board
    ):
        return set()
    cache = user.__dict__.setdefault("_contributor_agencies", {})
    if board.pk not in cache:
        today = timezone.localdate()
        cache[board.pk] = {
            m.agency_id
            for m in user.memberships.all()
            if m.board_id == board.pk
            and m.role == Role.AGENCY_CONTRIBUTOR
            and m.agency_id
            and (m.member_to is None or m.member_to >= today)
        }
    return cache[board.pk]


def can_view_board(user, board) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(roles_on(user, board)))


def can_edit_board(user, board) -> bool:
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & ADMIN_ROLES)
    )


def can_view_history(user, board) -> bool:
    return can_view_board(user, board)


# Governance ----------------------------------------------------------------------

# Roles that sit at the board table: they may challenge.
BOARD_TABLE = frozenset(
    {Role.CHAIR, Role.VICE_CHAIR, Role.BOARD_MEMBER, Role.LAY_MEMBER}
)


def can_manage_governance(user, board) -> bool:
    """Record meetings, attendance, minutes, actions, risks, the budget,
    inspections, the glossary and members' details."""
    return can_edit_board(user, board)


# The roles an agenda item's "confidential" help text names, and no others.
CONFIDENTIAL_ROLES = frozenset({Role.CHAIR, Role.BOARD_MEMBER, Role.BUSINESS_TEAM})


def can_view_confidential(user, board) -> bool:
    """Confidential agenda items: their title, presenter, paper, minutes, decisions,
    the actions and declarations made on them. Every page, list and API that shows
    an agenda item asks this."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & CONFIDENTIAL_ROLES)
    )


def can_log_challenge(user, board) -> bool:
    """Raise a challenge in the challenge log."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & (BOARD_TABLE | ADMIN_ROLES))
    )


# The view log --------------------------------------------------------------------


def can_read_view_log(user, board) -> bool:
    """Read who viewed the board's restricted records: the business team only."""
    return user.is_authenticated and (
        user.is_superuser or Role.BUSINESS_TEAM in roles_on(user, board)
    )
