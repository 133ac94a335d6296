"""The good practice app's part of the demo data (examples in data.py): loaded
after the reviews demo, whose learning themes they are tagged with. Idempotent:
an example is found again by its board and title."""

from django.db import transaction

from boards.models import Agency, Board, Membership, Role
from reviews.models import LearningTheme

from ..models import GoodPracticeExample
from ..services import example_create
from .data import EXAMPLES


@transaction.atomic
def load() -> None:
    board = Board.objects.get(slug="cumbria")
    user = (
        Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM)
        .select_related("user")
        .first()
        .user
    )
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    themes = {t.slug: t for t in LearningTheme.objects.filter(board=board)}
    existing = set(
        GoodPracticeExample.objects.filter(board=board).values_list("title", flat=True)
    )
    for title, agency, when, done, outcome, learning, slugs in EXAMPLES:
        if title in existing:
            continue
        example_create(
            board=board,
            agency=agencies[agency],
            date=when,
            title=title,
            what_was_done=done,
            outcome=outcome,
            learning=learning,
            themes=[themes[slug] for slug in slugs],
            user=user,
        )
