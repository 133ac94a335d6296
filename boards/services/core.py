from lscb_portal.errors import full_clean
from lscb_portal.versioning import update_versioned

from ..models import Board, Meeting

BOARD_EDITABLE_FIELDS = ("name", "area", "vision")


def board_update(*, board: Board, version: int, changes: dict, user) -> Board:
    """Change a board's details; raises StaleVersion if someone saved first."""
    changes = {k: v for k, v in changes.items() if k in BOARD_EDITABLE_FIELDS}
    return update_versioned(
        Board, pk=board.pk, version=version, changes=changes, user=user
    )


def meeting_create(*, board, kind, date, user, starts_at=None, location="") -> Meeting:
    meeting = Meeting(
        board=board, kind=kind, date=date, starts_at=starts_at, location=location
    )
    full_clean(meeting)
    meeting._history_user = user
    meeting.save()
    return meeting
