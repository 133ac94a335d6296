"""The demo's case audits: the three QAG themed audits of 2016-17 and the domestic
abuse audit of January 2017, with illustrative recommendations."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from audits import permissions
from audits.demo import case_audits
from audits.models import CaseAudit, CaseAuditGrading, CaseAuditRecommendation
from audits.views.case_audits import gradings_summary
from boards.models import Board, Membership, Role


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    """The other demo modules, then this one: loaded once for the module and
    rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
        case_audits.load(Board.objects.get(slug="cumbria"))
        yield
        transaction.set_rollback(True)


@pytest.fixture
def board(_demo, db):
    return Board.objects.get(slug="cumbria")


def test_demo_has_the_four_audits_of_the_report(board):
    audits = {a.theme: a for a in CaseAudit.objects.filter(board=board)}
    assert set(audits) == {
        "Missing from Home",
        "Parental Substance Misuse",
        "Children with Disabilities",
        "Domestic Abuse",
    }
    for theme in ("Missing from Home", "Parental Substance Misuse"):
        assert audits[theme].group.name.startswith("Quality Assurance Group")
    assert "72 hour timeframe" in audits["Missing from Home"].areas_for_improvement
    assert "Drift was a factor" in (
        audits["Parental Substance Misuse"].areas_for_improvement
    )
    assert "non-verbal children" in audits["Children with Disabilities"].good_practice


def test_domestic_abuse_audit_graded_four_cases(board):
    audit = CaseAudit.objects.get(board=board, theme="Domestic Abuse")
    assert audit.cases_audited == 4
    assert audit.audited_on.isoformat() == "2017-01-09"
    assert gradings_summary(audit.gradings.all()) == "3 requires improvement, 1 good"


def test_recommendations_some_complete_one_the_contributors(board):
    recs = CaseAuditRecommendation.objects.filter(audit__board=board)
    complete = recs.filter(status="complete")
    assert complete.exists() and all(r.evidence and r.rag == "C" for r in complete)
    assert recs.exclude(status="complete").exists()
    contributor = Membership.objects.get(
        board=board, role=Role.AGENCY_CONTRIBUTOR, agency__name="Cumbria Constabulary"
    ).user
    theirs = [
        r
        for r in recs.select_related("audit__board")
        if permissions.can_update_case_audit_recommendation(contributor, r)
    ]
    assert len(theirs) == 1 and theirs[0].is_open
    assert recs.filter(business_plan_action__ref="9.4").count() == 1


def test_a_second_load_changes_nothing(board):
    models = (CaseAudit, CaseAuditGrading, CaseAuditRecommendation)
    before = [(m.objects.count(), m.history.count()) for m in models]
    case_audits.load(board)
    assert [(m.objects.count(), m.history.count()) for m in models] == before


def test_demo_pages_open(board, client):
    team = Membership.objects.filter(board=board, role=Role.BUSINESS_TEAM).first().user
    client.force_login(team)
    page = client.get(reverse("audits:case-audits", args=[board.slug]))
    assert page.status_code == 200
    assert "3 requires improvement, 1 good" in page.content.decode()
    audit = CaseAudit.objects.get(board=board, theme="Missing from Home")
    page = client.get(reverse("audits:case-audit", args=[board.slug, audit.pk]))
    assert page.status_code == 200
    assert ">Amber<" in page.content.decode()
