"""The subgroups app's part of the demo data: the board's subgroups and groups."""

from boards.models import Board, Membership, Role

from .demo_data import SUBGROUPS
from .models import Subgroup

# The demo subgroup chair's group (see boards.demo.DEMO_SIGN_INS).
DEMO_CHAIRED = "Learning and Improvement Subgroup"


def load() -> None:
    board = Board.objects.get(slug="cumbria")
    by_name = {}
    for name, kind, parent in SUBGROUPS:
        by_name[name], _ = Subgroup.objects.update_or_create(
            board=board,
            name=name,
            defaults={"kind": kind, "parent": by_name.get(parent)},
        )
    chair = Membership.objects.filter(board=board, role=Role.SUBGROUP_CHAIR).first()
    if chair is not None:
        subgroup = by_name[DEMO_CHAIRED]
        if subgroup.chair_id != chair.pk:
            subgroup.chair = chair
            subgroup.save()
