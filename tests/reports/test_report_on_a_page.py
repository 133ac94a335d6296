"""The annual report on a page: achievements, key figures computed from the
year's data (only those the board has), and the members' view; and the demo's
2016-17 narrative, approved by the chair."""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from boards.models import Agency, Board, Contribution, Membership, Role
from indicators.demo.data import SCORECARD_2016_17
from indicators.models import BreakdownCell, BreakdownTable
from reports.demo import narrative_2016_17
from reports.models import NarrativeApproval, ReportNarrative
from reports.narrative import narrative_approve, narrative_save
from reports.on_a_page import report_on_a_page
from reports.sections import SECTIONS

from .helpers import fill_board

# The module fixture opens the database itself; the mark makes pytest-django set
# up the test database even when a single test of this file is run.
pytestmark = pytest.mark.django_db


YEAR = 2016


@dataclass
class Demo:
    context: dict
    figures: dict
    narrative: ReportNarrative
    approvals: list
    chair: object
    html: str
    texts: dict


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo data (twice: loading is idempotent), reads the report on a
    page and the HTML edition as a board member, then rolls the data back."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            for _ in range(2):
                call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        board = Board.objects.get(slug="cumbria")
        context = report_on_a_page(board, YEAR)
        narrative = ReportNarrative.objects.get(board=board, year=YEAR)
        member = Membership.objects.filter(board=board, role=Role.BOARD_MEMBER)[0]
        client = Client()
        client.force_login(member.user)
        html = client.get("/boards/cumbria/annual-report/2016-17/").content.decode()
        result = Demo(
            context=context,
            figures={f.key: f for f in context["figures"]},
            narrative=narrative,
            approvals=list(
                NarrativeApproval.objects.filter(narrative=narrative).select_related(
                    "approved_by"
                )
            ),
            chair=Membership.objects.filter(board=board, role=Role.CHAIR)[0].user,
            html=html,
            texts=narrative.texts(),
        )
        transaction.set_rollback(True)
    return result


def test_demo_narrative_is_the_seeds_and_approved_by_the_chair(demo):
    assert demo.texts == narrative_2016_17.TEXTS
    assert [a.version for a in demo.approvals] == [demo.narrative.version]
    approval = demo.approvals[0]
    assert approval.approved_by == demo.chair
    assert approval.texts == narrative_2016_17.TEXTS


def test_demo_foreword_is_signed_by_role_not_name(demo):
    assert demo.texts["foreword"].endswith(
        "Independent Chair, Cumbria LSCB\n22nd August 2017"
    )
    everything = " ".join(demo.texts.values())
    assert "Gill" not in everything and "Rigg" not in everything


def test_demo_business_plan_rag_counts(demo):
    figure = demo.figures["business_plan"]
    counts = figure.counts
    assert [counts.get(rag, 0) for rag in "RAGC"] == [0, 2, 35, 16]
    assert figure.value.startswith("Red 0, Amber 2, Green 35, Complete 16")


def test_demo_indicator_rag_counts_match_the_scorecard(demo):
    printed = Counter(row["rag"] or "" for row in SCORECARD_2016_17)
    assert demo.figures["indicators"].counts == dict(printed)
    assert demo.figures["indicators"].value.startswith("Red 11, Amber 5, Green 30")


def test_demo_budget_and_lado_figures(demo):
    assert demo.figures["budget"].value == "£212,588"
    assert demo.figures["lado"].value == "296"


def test_demo_reviews_audit_and_training_figures(demo):
    """The seed's page: 5 serious case reviews published, 433 responses to the
    Section 11 audit, almost 4,000 training attendances (1,400 the year before)."""
    assert demo.figures["reviews"].value == "5"
    assert demo.figures["section_11"].value == "433"
    assert demo.figures["training"].value == "3,995"
    assert demo.figures["training"].detail == "1,401 in 2015-16"


def test_demo_elearning_good_practice_and_priority_theme_figures(demo):
    """The seed's page: 10 good practice case studies catalogued; e-learning
    completions (8,839 in the seed's e-learning section; its page repeats the
    year before's 5,533); the domestic abuse courses' 270 attendances."""
    assert demo.figures["elearning"].value == "8,839"
    assert demo.figures["elearning"].detail == "5,533 in 2015-16"
    assert demo.figures["good_practice"].value == "10"
    domestic_abuse = demo.figures["theme_domestic-abuse"]
    assert domestic_abuse.value == "270 training attendances"
    assert domestic_abuse.detail == "4 plan actions, 1 case audit, 1 review lesson"


def test_demo_edition_shows_the_page(demo):
    page = demo.html
    assert 'id="report_on_a_page"' in page
    for text in (
        "Performance and data",
        "Red 0, Amber 2, Green 35, Complete 16",
        "£212,588",
        "296",
        "Implementation of Early Help Panels",
        "View from LSCB members",
        "Independent Chair, Cumbria LSCB<br>22nd August 2017",
        "LSCB Priorities 2017-20",
    ):
        assert text in page, text
    assert "Draft — not approved" not in page


# Only the figures a board has ------------------------------------------------------


def approved(cast, **texts):
    narrative = narrative_save(
        board=cast.board, year=YEAR, version=0, changes=texts, user=cast.chair
    )
    narrative_approve(board=cast.board, year=YEAR, version=1, user=cast.chair)
    return narrative


def test_nothing_to_show_leaves_the_page_out(cast):
    assert report_on_a_page(cast.board, YEAR) is None


def test_budget_alone_is_the_only_figure(cast):
    agency = Agency.objects.create(board=cast.board, name="Council")
    Contribution.objects.create(
        board=cast.board, year=YEAR, agency=agency, amount=Decimal("1000.50")
    )
    Contribution.objects.create(
        board=cast.board, year=YEAR + 1, agency=agency, amount=Decimal("9")
    )
    context = report_on_a_page(cast.board, YEAR)
    assert [f.key for f in context["figures"]] == ["budget"]
    assert context["figures"][0].value == "£1,000.50"
    assert "1 partner agency" in context["figures"][0].detail
    assert context["achievements"] == context["members_view"] == []


def test_lado_figure_is_the_years_allegations_table(cast):
    def table(title, year, values):
        found = BreakdownTable.objects.create(
            board=cast.board,
            title=title,
            slug=f"t{BreakdownTable.objects.count()}",
            row_label="Employer",
            column_label="Category",
            year=year,
            rows=["A", "B"],
            columns=["Physical"],
        )
        for row, value in zip(["A", "B"], values, strict=True):
            BreakdownCell.objects.create(
                table=found, row=row, column="Physical", value=value
            )

    table("LADO referrals by agency", YEAR, [100, 100])
    table("LADO allegations by employer", YEAR - 1, [50, 50])
    assert report_on_a_page(cast.board, YEAR) is None
    table("LADO allegations by employer", YEAR, [7, 5])
    (figure,) = report_on_a_page(cast.board, YEAR)["figures"]
    assert (figure.key, figure.value) == ("lado", "12")


def test_narrative_alone_is_shown_without_figures(cast, as_user):
    approved(cast, achievements="- We did <b>this</b>", members_view="Good.")
    context = report_on_a_page(cast.board, YEAR)
    assert context["figures"] == []
    assert context["achievements"][0].items == ["We did <b>this</b>"]
    page = (
        as_user(cast.board_member)
        .get("/boards/north/annual-report/2016-17/")
        .content.decode()
    )
    assert "<li>We did &lt;b&gt;this&lt;/b&gt;</li>" in page
    assert "Performance and data" not in page


def test_draft_achievements_wait_for_approval(cast):
    narrative_save(
        board=cast.board,
        year=YEAR,
        version=0,
        changes={"achievements": "- Draft achievement"},
        user=cast.business_team,
    )
    assert report_on_a_page(cast.board, YEAR) is None
    draft = report_on_a_page(cast.board, YEAR, draft=True)
    assert draft["achievements"][0].items == ["Draft achievement"]


def test_edition_queries_do_not_grow_with_the_narrative_and_data(cast, as_user):
    client = as_user(cast.board_member)
    url = "/boards/north/annual-report/2016-17/"

    def queries(size, start):
        fill_board(cast.board, size, start=start)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    approved(cast, foreword="Foreword.", achievements="- One", members_view="- Two")
    client.get(url)  # warm the caches a first request fills
    small = queries(1, 0)
    large = queries(6, 1)
    assert small == large
    # One or two a section, whatever the data: a bound that grows with sections.
    assert large <= 2 * len(SECTIONS), large
