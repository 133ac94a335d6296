"""The demo challenge log and risk log: idempotent, drawn from the annual report's
themes, and every page of them renders."""

import pytest

from boards import demo
from boards.demo import governance_challenges
from boards.models import Board, ChallengeLogEntry, Risk
from boards.selectors.challenges import challenge_counts
from boards.selectors.risks import score_history


def rows():
    return [
        list(ChallengeLogEntry.objects.order_by("pk").values()),
        list(Risk.objects.order_by("pk").values()),
        ChallengeLogEntry.history.count(),
        Risk.history.count(),
    ]


@pytest.fixture
def board(db):
    board = demo.load()
    governance_challenges.load(board)
    return board


def test_loading_twice_changes_nothing(board):
    first = rows()
    governance_challenges.load(board)
    assert rows() == first


def test_demo_challenges_are_open_and_closed_over_several_years(board):
    challenges = ChallengeLogEntry.objects.filter(board=board)
    assert challenges.count() == len(governance_challenges.CHALLENGES)
    closed = challenges.filter(status="closed")
    assert closed.count() >= 2
    assert all(c.outcome and c.impact and c.closed_on for c in closed)
    assert challenges.filter(status="open").count() >= 2
    assert set(challenges.values_list("raised_by__position", flat=True)) >= {
        "Independent Chair",
        "Lay Member 1",
        "Assistant Chief Constable",
    }
    assert challenges.filter(prompted_by_id__isnull=False).exists()
    counts = challenge_counts(board)
    assert counts.years == ["2016-17", "2017-18"]
    assert counts.total == challenges.count()


def test_demo_risks_cover_every_band_and_keep_earlier_scores(board):
    risks = {r.title: r for r in Risk.objects.filter(board=board)}
    assert {r.band for r in risks.values()} == {"R", "A", "G"}
    rising = risks["Rising number of children subject to a child protection plan"]
    assert [e.score for e in score_history(rising)] == [12, 16]
    assert any(r.status == "closed" for r in risks.values())


def test_demo_pages_render(board, client):
    from boards.models import User

    client.force_login(User.objects.get(email__startswith="lay.member"))
    challenge = ChallengeLogEntry.objects.filter(prompted_by_id__isnull=False).first()
    risk = Risk.objects.filter(board=board).first()
    base = f"/boards/{board.slug}/"
    for url in (
        base + "challenges/",
        base + f"challenges/{challenge.pk}/",
        base + f"challenges/{challenge.pk}/history/",
        base + "risks/",
        base + "risks/matrix/",
        base + f"risks/{risk.pk}/",
        base + f"risks/{risk.pk}/history/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(base + f"challenges/{challenge.pk}/").content.decode()
    assert "Board meeting" in page
    assert Board.objects.count() == 1
