"""The audits app's part of the demo data: the Section 11 audits of 2015-16 and
2016-17 (section11.py; texts in data.py) and the multi-agency case audits of
2016-17 (case_audits.py)."""

from django.db import transaction

from boards.models import Board


@transaction.atomic
def load() -> None:
    from . import case_audits, section11, survey

    board = Board.objects.get(slug="cumbria")
    section11.load(board)
    case_audits.load(board)

    # Staff survey
    survey.load(board)

    # Section 11 evidence files, committed actions and challenge events
    from . import challenge

    challenge.load(board)

    # Board home, agency page, meeting pack and annual report
