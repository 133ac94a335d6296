"""Writes to the good practice catalogue: adding an example and changing it. Each
write checks the agency and themes are the board's and keeps history."""

from datetime import date

from django.db import transaction

from lscb_portal.errors import DomainError, full_clean
from lscb_portal.versioning import update_versioned

from .models import GoodPracticeExample

FIELDS = ("agency", "date", "title", "what_was_done", "outcome", "learning")
THEME_OF_ANOTHER_BOARD = "Choose learning themes of this board"


def _check_themes(board, themes) -> None:
    if any(theme.board_id != board.pk for theme in themes):
        raise DomainError({"themes": THEME_OF_ANOTHER_BOARD})


@transaction.atomic
def example_create(
    *,
    board,
    agency,
    date: date,
    title: str,
    what_was_done: str,
    outcome: str,
    learning: str,
    themes=(),
    user,
    reason: str = "",
) -> GoodPracticeExample:
    """Record a new example of good practice for the board."""
    themes = list(themes)
    _check_themes(board, themes)
    example = GoodPracticeExample(
        board=board,
        agency=agency,
        date=date,
        title=(title or "").strip(),
        what_was_done=(what_was_done or "").strip(),
        outcome=(outcome or "").strip(),
        learning=(learning or "").strip(),
        entered_by=user,
    )
    full_clean(example)
    example._history_user = user
    if reason:
        example._change_reason = reason
    example.save()
    example.themes.set(themes)
    return example


@transaction.atomic
def example_update(
    *, example, version: int, changes: dict, user, reason: str = ""
) -> GoodPracticeExample:
    """Change an example (only the fields given; `themes` replaces its themes).
    Raises StaleVersion if someone saved first."""
    themes = changes.get("themes")
    if themes is not None:
        themes = list(themes)
        _check_themes(example.board, themes)
    fields = {k: v for k, v in changes.items() if k in FIELDS}
    for name in ("title", "what_was_done", "outcome", "learning"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    updated = update_versioned(
        GoodPracticeExample,
        pk=example.pk,
        version=version,
        changes=fields,
        user=user,
        reason=reason,
    )
    if themes is not None:
        updated.themes.set(themes)
    return updated
