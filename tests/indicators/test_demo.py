"""The demo's LSCB performance report shows exactly the annual report's RAGs."""

import io
from decimal import Decimal as D

import pytest
from django.core.management import call_command

from boards.models import Membership, Role
from indicators.demo.data import SCORECARD_2016_17
from indicators.models import Measurement
from indicators.rag import compute_rag

from .factories import scorecard_rags, table_rows

SCORECARD = "/boards/cumbria/indicators/scorecards/lscb-performance-report/"
SHOWN = {"R": "Red", "A": "Amber", "G": "Green", None: "No RAG"}


@pytest.fixture
def demo(db, settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    member = Membership.objects.filter(
        board__slug="cumbria", role=Role.BOARD_MEMBER
    ).first()
    client.force_login(member.user)
    return client


def number(text):
    return None if text is None else D(text)


def computed_rag(row) -> str:
    """The RAG the board's rule gives a seed row: 10% of the target beyond it."""
    return compute_rag(
        D(row["value"]),
        target=number(row["target"]),
        low=number(row["target_low"]),
        high=number(row["target_high"]),
        polarity=row["polarity"],
        tolerance_kind="percent",
        tolerance=D("10"),
    ).rag


def test_demo_scorecard_shows_the_printed_rag_of_every_row(demo):
    response = demo.get(SCORECARD)
    assert response.status_code == 200
    shown = scorecard_rags(response)
    assert list(shown) == [row["code"] for row in SCORECARD_2016_17]
    for row in SCORECARD_2016_17:
        assert shown[row["code"]] == SHOWN[row["rag"]], row["code"]


def test_demo_scorecard_shows_the_printed_values_and_targets(demo):
    rows = table_rows(demo.get(SCORECARD).content.decode(), "portal-scorecard")[1:]
    for seed, (code, _, value, _, _, _, target) in zip(
        SCORECARD_2016_17, rows, strict=True
    ):
        suffix = {"percentage": "%", "days": " days"}.get(seed["unit"], "")
        assert code == seed["code"]
        assert value.endswith(suffix), code
        assert D(value.removesuffix(suffix)) == D(seed["value"]), code
        if seed["target"] is not None:
            assert D(target.removesuffix(suffix)) == D(seed["target"]), code
        elif seed["target_low"] is not None:
            low, high = (D(end.removesuffix(suffix)) for end in target.split("–"))
            assert (low, high) == (D(seed["target_low"]), D(seed["target_high"]))
        else:
            assert target == "Not set", code


def test_six_demo_rows_need_a_recorded_rag(demo):
    differing = [
        row["code"]
        for row in SCORECARD_2016_17
        if computed_rag(row) != (row["rag"] or "")
    ]
    assert len(differing) == 6
    recorded = Measurement.objects.filter(
        indicator__board__slug="cumbria", period_end="2017-03-31"
    ).exclude(recorded_rag="")
    assert sorted(recorded.values_list("indicator__code", flat=True)) == sorted(
        differing
    )
    status = demo.get(SCORECARD).context["recorded_count"]
    assert status == 6


def test_demo_scorecard_filtered_to_red_shows_the_eleven_red_rows(demo):
    response = demo.get(SCORECARD, {"rag": "R"})
    red = [row["code"] for row in SCORECARD_2016_17 if row["rag"] == "R"]
    assert len(red) == 11
    assert list(scorecard_rags(response)) == red
    assert "11 indicators at 31 March 2017." in response.content.decode()


def test_demo_recorded_rag_says_why_and_what_was_computed(demo):
    response = demo.get("/boards/cumbria/indicators/CS2.0/")
    page = response.content.decode()
    assert "Recorded by the board: As printed in the annual report 2016-17" in page
    assert "The computed RAG is A: Amber: 82.1% is below the target of 85%" in page
