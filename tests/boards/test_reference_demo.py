"""The demo's budget, inspection, glossary and strategic links, as the Annual Report
2016-17 gives them."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from boards.demo import governance_reference
from boards.demo.data import AGENCIES
from boards.models import (
    Board,
    Contribution,
    GlossaryTerm,
    Inspection,
    Membership,
    RecommendationUpdate,
    Role,
    Spend,
    StrategicLink,
)

MODELS = (Contribution, Spend, Inspection, RecommendationUpdate, GlossaryTerm)


@pytest.fixture
def demo(db, settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    board = Board.objects.get(slug="cumbria")
    # Until boards/demo/ calls it; running it twice is harmless.
    governance_reference.load(board)
    member = Membership.objects.filter(board=board, role=Role.BOARD_MEMBER).first()
    client.force_login(member.user)
    return board, client


def test_demo_budget_2016_17_balances_at_212588(demo):
    board, client = demo
    response = client.get("/boards/cumbria/budget/?year=2016")
    budget = response.context["budget"]
    assert budget.income.total == Decimal("212588.00")
    assert budget.spend.total == Decimal("212588.00")
    html = response.content.decode()
    assert "£212,588.00" in html
    assert "govuk-warning-text" not in html
    assert len(budget.income.lines) == 9 and len(budget.spend.lines) == 15
    assert budget.income.lines[0].label == "Cumbria County Council, Children's Services"


def test_demo_contributors_are_the_boards_agencies(demo):
    names = {name for name, _, _ in AGENCIES}
    for _, agency, _ in governance_reference.CONTRIBUTIONS_2016:
        assert agency in names


def test_demo_inspection_has_seven_recommendations_each_with_its_2016_17_update(
    demo,
):
    board, client = demo
    inspection = Inspection.objects.get(board=board)
    assert inspection.overall == "requires_improvement"
    recommendations = list(inspection.recommendations.order_by("number"))
    assert [r.number for r in recommendations] == [1, 2, 3, 4, 5, 6, 7]
    for recommendation in recommendations:
        update = recommendation.updates.get(year=2016)
        assert update.date.isoformat() == "2017-03-31"
        assert update.text and "<" not in update.text
    assert recommendations[0].text.startswith("Ensure that clear governance")
    html = client.get(f"/boards/cumbria/inspections/{inspection.pk}/").content
    html = html.decode()
    assert html.count("2016-17 update") == 7
    assert "Requires improvement" in html
    kinds = list(inspection.findings.values_list("kind", flat=True))
    assert kinds == ["strength"] * 6 + ["improvement"]
    assert "What the inspectors found" in html
    assert "The key role the LSCB has played in the development" in html


def test_demo_glossary_and_strategic_links(demo):
    board, client = demo
    assert GlossaryTerm.objects.filter(board=board).count() == 43
    assert GlossaryTerm.objects.get(board=board, acronym="ChIB").meaning == (
        "Children's Improvement Board"
    )
    html = client.get("/boards/cumbria/glossary/").content.decode()
    assert "Youth Offending Team" in html
    names = set(
        StrategicLink.objects.filter(board=board).values_list("name", flat=True)
    )
    assert {
        "Cumbria Health and Well-being Board",
        "Cumbria Children's Trust Board",
        "Cumbria Safeguarding Adults Board",
        "Safer Cumbria Partnership",
    } <= names


def test_demo_load_is_idempotent(demo):
    board, _ = demo
    before = [model.objects.count() for model in MODELS]
    governance_reference.load(board)
    assert [model.objects.count() for model in MODELS] == before
