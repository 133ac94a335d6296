"""The reports app's part of the demo data: the annual report 2016-17's narrative,
the member agencies' statements and the priority themes' strengths and
priorities, written by the business team and approved by the chair (see
narrative_2016_17.py, member_statements_2016_17.py and
theme_statements_2016_17.py)."""

from django.db import transaction

from boards.models import Agency, Board, Membership, Role

from ..models import ReportNarrative
from ..narrative import narrative_approve, narrative_save
from ..statements import statement_approve, statement_for, statement_save
from . import member_statements_2016_17, narrative_2016_17, theme_statements_2016_17


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
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    for name, text in member_statements_2016_17.STATEMENTS:
        _approved_statement(board, team, chair, text, agency=agencies[name])
    themes = {t.slug: t for t in board.learning_themes.all()}
    for slug, text in theme_statements_2016_17.THEME_STATEMENTS.items():
        if slug in themes:
            _approved_statement(board, team, chair, text, theme=themes[slug])


def _approved_statement(board, team, chair, text, **subject) -> None:
    """A statement of the year saved by the business team, approved by the chair."""
    year = narrative_2016_17.YEAR
    existing = statement_for(board, year, **subject)
    statement = statement_save(
        board=board,
        year=year,
        version=existing.version if existing else 0,
        text=text,
        user=team,
        **subject,
    )
    if statement.approved_version != statement.version:
        statement_approve(statement, version=statement.version, user=chair)
