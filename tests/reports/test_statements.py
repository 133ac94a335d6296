"""Statements (an agency's brief word, a theme's strengths and priorities): saved
against the version the page showed, approved by the chair, printed as
approved while the draft moves on."""

import pytest

from lscb_portal.errors import AlreadyRecorded, DomainError
from lscb_portal.versioning import StaleVersion
from reports.models import Statement
from reports.statements import statement_approve, statement_save, statement_texts
from tests.reviews.factories import LearningThemeFactory

pytestmark = pytest.mark.django_db

YEAR = 2016


def save(cast, text, version=None, **subject):
    subject = subject or {"agency": cast.agency_x}
    if version is None:
        found = Statement.objects.filter(board=cast.board, year=YEAR, **subject)
        version = found[0].version if found else 0
    return statement_save(
        board=cast.board,
        year=YEAR,
        version=version,
        text=text,
        user=cast.contributor_x,
        **subject,
    )


def test_the_report_prints_the_approved_text_until_the_chair_approves_again(cast):
    first = save(cast, "We trained every officer.")
    assert statement_texts(cast.board, YEAR, draft=False, by="agency") == {}
    statement_approve(first, version=first.version, user=cast.chair)
    changed = save(cast, "We trained every officer twice.")
    assert changed.status == "Changed since approval"

    approved = statement_texts(cast.board, YEAR, draft=False, by="agency")
    draft = statement_texts(cast.board, YEAR, draft=True, by="agency")
    assert approved[cast.agency_x.pk][0].text == "We trained every officer."
    assert draft[cast.agency_x.pk][0].text == "We trained every officer twice."

    statement_approve(changed, version=changed.version, user=cast.chair)
    approved = statement_texts(cast.board, YEAR, draft=False, by="agency")
    assert approved[cast.agency_x.pk][0].text == "We trained every officer twice."
    history = changed.history.order_by("history_date")
    assert [h.history_user for h in history][-1] == cast.chair


def test_a_stale_edit_or_approval_is_refused_and_loses_nothing(cast):
    statement = save(cast, "First words.")
    save(cast, "Second words.", version=statement.version)
    with pytest.raises(StaleVersion):
        save(cast, "Overwriting words.", version=statement.version)
    with pytest.raises(StaleVersion):
        statement_approve(statement, version=statement.version, user=cast.chair)
    statement.refresh_from_db()
    assert statement.text == "Second words."
    assert statement.approved_version is None


def test_approving_twice_or_approving_nothing_is_refused(cast):
    with pytest.raises(DomainError, match="nothing to approve"):
        empty = save(cast, "")
        statement_approve(empty, version=empty.version, user=cast.chair)
    statement = save(cast, "Words.")
    statement_approve(statement, version=statement.version, user=cast.chair)
    with pytest.raises(AlreadyRecorded):
        statement_approve(statement, version=statement.version, user=cast.chair)


def test_a_statement_is_about_one_subject_of_its_own_board(cast):
    theme = LearningThemeFactory(board=cast.board, slug="neglect")
    with pytest.raises(DomainError):
        save(cast, "Both.", agency=cast.agency_x, theme=theme)
    other_theme = LearningThemeFactory(board=cast.other_board, slug="neglect")
    with pytest.raises(DomainError):
        save(cast, "Another board's theme.", theme=other_theme)
    themed = save(cast, "Strengths: the neglect toolkit.", theme=theme)
    statement_approve(themed, version=themed.version, user=cast.chair)
    texts = statement_texts(cast.board, YEAR, draft=False, by="theme")
    assert list(texts) == [theme.pk]
    assert statement_texts(cast.board, YEAR, draft=False, by="agency") == {}
