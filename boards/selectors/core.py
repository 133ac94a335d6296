from django.db.models import Count, Q

from ..models import Agency, Membership, Role


def board_summary(board) -> dict:
    """What the board holds, for its home page: members by role and its agencies.
    A fixed number of queries whatever the board's size."""
    members = list(
        Membership.objects.filter(board=board)
        .select_related("user", "agency")
        .order_by("role", "agency__name", "position")
    )
    order = {value: index for index, value in enumerate(Role.values)}
    members.sort(key=lambda m: order[m.role])
    agencies = list(
        Agency.objects.filter(board=board).annotate(
            member_count=Count(
                "memberships", filter=~Q(memberships__role=Role.AGENCY_CONTRIBUTOR)
            )
        )
    )
    return {
        "members": members,
        "agencies": agencies,
    }
