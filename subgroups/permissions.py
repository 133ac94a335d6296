"""Who may do what with subgroups, returns and the planner: the only place in this
app that reads roles."""

from django.db.models import Q
from django.utils.timezone import localdate

from boards.models import Role
from boards.permissions import can_view_board, roles_on

from .models import ReturnStatus

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


# Draft returns ---------------------------------------------------------------------


def _holds(user, membership) -> bool:
    """The membership is the user's and has not ended."""
    return (
        membership is not None
        and membership.user_id == user.pk
        and (membership.member_to is None or membership.member_to >= localdate())
    )


def can_view_drafts(user, subgroup) -> bool:
    """The subgroup's draft returns: the business team, the board's chair, and the
    subgroup's own chair, vice chair and members. (Reads `subgroup.members`:
    prefetch it when asking for many subgroups.)"""
    if not can_view_subgroups(user, subgroup.board):
        return False
    if can_manage_subgroups(user, subgroup.board):
        return True
    people = (subgroup.chair, subgroup.vice_chair, *subgroup.members.all())
    return any(_holds(user, m) for m in people)


def can_view_return(user, subgroup_return) -> bool:
    """A return's page, history, attachments and API record: submitted and noted
    returns for everyone on the board, drafts as `can_view_drafts` says."""
    subgroup = subgroup_return.subgroup
    if not subgroup_return.is_draft:
        return can_view_subgroups(user, subgroup.board)
    return can_view_drafts(user, subgroup)


def visible_returns(user, returns, subgroups):
    """`returns` (a queryset) without the drafts the user may not see, deciding
    with `can_view_drafts` for each of `subgroups` (those the returns are from)."""
    drafts_of = [s.pk for s in subgroups if can_view_drafts(user, s)]
    return returns.filter(~Q(status=ReturnStatus.DRAFT) | Q(subgroup_id__in=drafts_of))


def enterable_returns(user, board, returns):
    """`returns` (a queryset) narrowed to those `can_enter_return` lets the user
    enter: all for the business team, its own subgroups' for a subgroup chair or
    vice chair, none for anyone else. A filter, so one query for many."""
    if can_manage_subgroups(user, board):
        return returns
    if Role.SUBGROUP_CHAIR not in roles_on(user, board):
        return returns.none()
    return returns.filter(
        Q(subgroup__chair__user=user) | Q(subgroup__vice_chair__user=user)
    )
