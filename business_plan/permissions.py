"""Who may do what with business plans: the only place in this app that reads roles."""

from django.db.models import Q

from boards.models import Role
from boards.permissions import can_view_board, contributor_agency_ids, roles_on

WRITERS = frozenset({Role.BUSINESS_TEAM, Role.CHAIR})
CHALLENGERS = frozenset(
    {Role.CHAIR, Role.VICE_CHAIR, Role.BOARD_MEMBER, Role.LAY_MEMBER}
)


def can_view_plans(user, board) -> bool:
    return can_view_board(user, board)


def can_manage_plans(user, board) -> bool:
    """Create and edit plans, themes and actions; import; close and carry forward."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & WRITERS)
    )


def _owns(user, action) -> bool:
    """The user chairs a subgroup, or contributes for an agency, that owns the
    action. Prefetch owner_subgroups (with chair) and owner_agencies: it is cheap."""
    roles = roles_on(user, action.plan.board)
    if Role.SUBGROUP_CHAIR in roles and any(
        s.chair is not None and s.chair.user_id == user.pk
        for s in action.owner_subgroups.all()
    ):
        return True
    agency_ids = contributor_agency_ids(user, action.plan.board)
    return any(a.pk in agency_ids for a in action.owner_agencies.all())


def can_update_action(user, action) -> bool:
    """Record a RAG update: writers for any action, owners for their own."""
    return can_manage_plans(user, action.plan.board) or (
        user.is_authenticated and _owns(user, action)
    )


def can_update_any_action(user, board) -> bool:
    """May open the quarterly bulk form (which lists only what they may update)."""
    roles = roles_on(user, board)
    return can_manage_plans(user, board) or bool(
        roles & {Role.SUBGROUP_CHAIR, Role.AGENCY_CONTRIBUTOR}
    )


def can_challenge(user, board) -> bool:
    return user.is_authenticated and bool(roles_on(user, board) & CHALLENGERS)


def can_respond_to_challenge(user, action) -> bool:
    return can_update_action(user, action)


def updatable_actions(user, plan, queryset):
    """Narrows a queryset of the plan's actions to those the user may update."""
    if can_manage_plans(user, plan.board):
        return queryset
    roles = roles_on(user, plan.board)
    owned = Q(pk__in=[])
    if Role.SUBGROUP_CHAIR in roles:
        owned |= Q(owner_subgroups__chair__user=user)
    if Role.AGENCY_CONTRIBUTOR in roles:
        owned |= Q(
            owner_agencies__memberships__user=user,
            owner_agencies__memberships__role=Role.AGENCY_CONTRIBUTOR,
        )
    return queryset.filter(owned).distinct()
