"""The reviews app's part of the demo data: the case reviews of the annual report
2016-17 (case_reviews.py) and the child death records behind its CDOP tables
(child_deaths.py)."""

from django.db import transaction

from boards.models import Board


@transaction.atomic
def load() -> None:
    from . import case_reviews, child_deaths

    board = Board.objects.get(slug="cumbria")
    case_reviews.load(board)
    child_deaths.load(board)
