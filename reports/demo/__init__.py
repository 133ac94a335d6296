"""The reports app's part of the demo data: the annual report 2016-17's narrative
and the member agencies' statements, written by the business team and approved
by the chair (see narrative_2016_17.py and member_statements_2016_17.py)."""

from django.db import transaction

from boards.models import Agency, Board, Membership, Role

from ..models import ReportNarrative
from ..narrative import narrative_approve, narrative_save
from ..statements import statement_approve, statement_for, statement_save
from . import member_statements_2016_17, narrative_2016_17


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
    _load_member_statements(board, team, chair)


def _load_member_statements(board, team, chair) -> None:
    """Each agency's brief word, saved by the business team, approved by the chair."""
    year = member_statements_2016_17.YEAR
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    for name, text in member_statements_2016_17.STATEMENTS:
        agency = agencies[name]
        existing = statement_for(board, year, agency=agency)
        statement = statement_save(
            board=board,
            year=year,
            version=existing.version if existing else 0,
            text=text,
            user=team,
            agency=agency,
        )
        if statement.approved_version != statement.version:
            statement_approve(statement, version=statement.version, user=chair)
