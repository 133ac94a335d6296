"""Who may see and do what with case reviews and child deaths: the only place in
this app that reads roles.

Restricted records (a review's details, its lifecycle, action plan, dissemination
and assurance; every child death record and the CDOP statistics) are seen by the
business team, the chair, and the members of the board's Case Review Group (for
reviews) or Child Death Overview Panel (for child deaths). Everyone else on the
board reads published reviews' lessons and the learning page, and gets a 404 on
anything restricted. An agency contributor sees its own agency's action items."""

from django.db.models import Exists, OuterRef, Q

from boards.models import Membership, Role
from boards.models.core import current_membership
from boards.permissions import (
    BOARD_TABLE,
    can_view_board,
    contributor_agency_ids,
    roles_on,
)
from subgroups.models import Subgroup

from .models import (
    ActionItem,
    CaseReview,
    ChildDeathReview,
    LearningTheme,
    ReviewSettings,
)

RESTRICTED_ROLES = frozenset({Role.BUSINESS_TEAM, Role.CHAIR})
WRITERS = frozenset({Role.BUSINESS_TEAM})


def _group_ids(user, board) -> dict[str, bool]:
    """Whether the user sits on the board's Case Review Group and CDOP: one query,
    once per request and board."""
    cache = getattr(user, "_review_groups", None)
    if cache is None:
        cache = user._review_groups = {}
    if board.pk not in cache:
        mine = Membership.objects.filter(current_membership(user), board=board)

        def sits_on(group):
            return Exists(
                Subgroup.members.through.objects.filter(
                    subgroup_id=OuterRef(group), membership__in=mine
                )
            )

        found = (
            ReviewSettings.objects.filter(board=board)
            .values_list(
                sits_on("case_review_group_id"), sits_on("child_death_panel_id")
            )
            .first()
        )
        case_review, cdop = found or (False, False)
        cache[board.pk] = {"case_review": case_review, "cdop": cdop}
    return cache[board.pk]


def _is_admin(user, board) -> bool:
    return user.is_superuser or bool(roles_on(user, board) & RESTRICTED_ROLES)


def can_view_reviews(user, board) -> bool:
    """The reviews section: published lessons and the learning page."""
    return can_view_board(user, board)


def can_view_restricted_reviews(user, board) -> bool:
    """Case reviews' details, lifecycle, action plans and dissemination."""
    if not can_view_board(user, board):
        return False
    return _is_admin(user, board) or _group_ids(user, board)["case_review"]


def can_manage_reviews(user, board) -> bool:
    """Create reviews, move them through their lifecycle, edit their content,
    action plans, dissemination and assurance; learning themes."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & WRITERS)
    )


def can_view_child_deaths(user, board) -> bool:
    """Child death records, the CDOP statistics and recommendations."""
    if not can_view_board(user, board):
        return False
    return _is_admin(user, board) or _group_ids(user, board)["cdop"]


def can_manage_child_deaths(user, board) -> bool:
    return can_manage_reviews(user, board)


def sits_on_a_review_group(user) -> bool:
    """A current member, on any board, of the Case Review Group or the CDOP: they
    see restricted records, so they sign in with a second factor. One query."""
    groups = ReviewSettings.objects.values("case_review_group", "child_death_panel")
    return user.memberships.filter(
        current_membership(user),
        Q(subgroups__in=groups.values("case_review_group"))
        | Q(subgroups__in=groups.values("child_death_panel")),
    ).exists()


def visible_reviews(user, board):
    """The board's reviews the user may open: all of them for restricted roles,
    otherwise none (published lessons are read through visible_lessons)."""
    reviews = CaseReview.objects.filter(board=board)
    if can_view_restricted_reviews(user, board):
        return reviews
    return reviews.none()


def visible_published_reviews(user, board):
    """Published reviews, whose lessons every board viewer may read."""
    if not can_view_reviews(user, board):
        return CaseReview.objects.none()
    return CaseReview.objects.filter(board=board).published()


def visible_action_items(user, board):
    """Restricted roles: every item. The board table: items of published reviews
    (the board's standing "SCR action plan update"). An agency contributor: its
    own agency's items."""
    items = ActionItem.objects.filter(review__board=board)
    if not can_view_board(user, board):
        return items.none()
    if can_view_restricted_reviews(user, board):
        return items
    allowed = Q(pk__in=[])
    if roles_on(user, board) & BOARD_TABLE:
        allowed |= Q(review__published_on__isnull=False)
    agencies = contributor_agency_ids(user, board)
    if agencies:
        allowed |= Q(owner_agency_id__in=agencies)
    return items.filter(allowed)


def can_view_agency_action_items(user, agency) -> bool:
    """Whether the agency page shows the user the agency's review action items:
    restricted roles and the board table see every agency's, a contributor only
    its own agency's."""
    board = agency.board
    if not can_view_board(user, board):
        return False
    if can_view_restricted_reviews(user, board) or roles_on(user, board) & BOARD_TABLE:
        return True
    return agency.pk in contributor_agency_ids(user, board)


def can_update_action_item(user, item: ActionItem) -> bool:
    """Record progress (status, RAG, evidence): the business team, or a
    contributor of the agency that owns the item."""
    board = item.review.board
    if can_manage_reviews(user, board):
        return True
    return item.owner_agency_id in contributor_agency_ids(user, board)


def can_update_any_action_item(user, board) -> bool:
    """Whether the user may record progress on some item of the board's (a list
    shows its progress links only then)."""
    return can_manage_reviews(user, board) or bool(contributor_agency_ids(user, board))


def visible_child_deaths(user, board):
    deaths = ChildDeathReview.objects.filter(board=board)
    return deaths if can_view_child_deaths(user, board) else deaths.none()


# The API (reviews/api/) -----------------------------------------------------------


def visible_learning_themes(user, board):
    """Learning themes: anyone on the board, as the learning page."""
    themes = LearningTheme.objects.filter(board=board)
    return themes if can_view_reviews(user, board) else themes.none()


def is_restricted_view_of_action_item(user, item: ActionItem) -> bool:
    """Whether showing the item to the user is a view of a restricted record, to
    be logged: it is, when its review is unpublished (an unpublished review's
    action plan is part of the restricted review) and the user is not a
    contributor of the agency that owns it (an item is no secret from its owner).
    Items of published reviews are read at the board table: not restricted."""
    if item.review.is_published:
        return False
    return item.owner_agency_id not in contributor_agency_ids(user, item.review.board)
