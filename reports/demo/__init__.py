"""The reports app's part of the demo data: the annual report 2016-17's narrative,
written by the business team and approved by the chair (see
narrative_2016_17.py for the text), and its priority themes' strengths and
priorities (theme_statements_2016_17.py)."""

from django.db import transaction

from boards.models import Board, Membership, Role

from ..models import ReportNarrative
from ..narrative import narrative_approve, narrative_save
from ..statements import statement_approve, statement_for, statement_save
from . import narrative_2016_17, theme_statements_2016_17


def _user(board, role):
    membership = (
        Membership.objects.filter(board=board, role=role)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


@transaction.atomic
def load() -> None:
    """Idempotent: a second load changes nothing; changed demo text is saved as
    a new version and approved again."""
    board = Board.objects.get(slug="cumbria")
    chair = _user(board, Role.CHAIR)
    team = _user(board, Role.BUSINESS_TEAM) or chair
    year = narrative_2016_17.YEAR
    existing = ReportNarrative.objects.filter(board=board, year=year).first()
    narrative = narrative_save(
        board=board,
        year=year,
        version=existing.version if existing else 0,
        changes=narrative_2016_17.TEXTS,
        user=team,
    )
    if not narrative.approvals.filter(version=narrative.version).exists():
        narrative_approve(board=board, year=year, version=narrative.version, user=chair)
    _theme_statements(board, team, chair)


def _theme_statements(board, team, chair) -> None:
    year = theme_statements_2016_17.YEAR
    for slug, text in theme_statements_2016_17.THEME_STATEMENTS.items():
        theme = board.learning_themes.filter(slug=slug).first()
        if theme is None:
            continue
        existing = statement_for(board, year, theme=theme)
        statement = statement_save(
            board=board,
            year=year,
            version=existing.version if existing else 0,
            text=text,
            user=team,
            theme=theme,
        )
        if statement.approved_version != statement.version:
            statement_approve(statement, version=statement.version, user=chair)
