"""The meeting pack follows the meeting's agenda: items numbered with their papers
under them, the business plan's exceptions and highlights where the agenda lists
the plan, the risk log as it stood at the meeting, and the reports not received
gathered on one page; within a constant number of queries."""

from datetime import date, datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from boards.models import Risk, RiskStatus
from business_plan.models import Rag
from reports.meeting_pack import meeting_pack, meeting_pack_context
from subgroups.models import ReportKind
from tests.boards.test_meetings_data import AgendaItemFactory
from tests.business_plan.factories import (
    ActionFactory,
    PlanFactory,
    ThemeFactory,
    UpdateFactory,
)
from tests.subgroups.factories import MeetingFactory, PaperFactory, PlanItemFactory

from .helpers import contents_entries, page_texts

pytestmark = pytest.mark.django_db

DAY = date(2017, 3, 9)


def flat(texts) -> str:
    return " ".join(" ".join(texts).split())


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def risk(board, title, likelihood, impact, on: date, status=RiskStatus.OPEN):
    made = Risk(
        board=board,
        title=title,
        owner="Business team",
        likelihood=likelihood,
        impact=impact,
        review_date=date(2017, 6, 1),
        status=status,
    )
    made._history_date = at(on)
    made.save()
    return made


def rescore(made, likelihood, on: date, **changes):
    made.likelihood = likelihood
    for name, value in changes.items():
        setattr(made, name, value)
    made._history_date = at(on)
    made.save()


@pytest.fixture
def meeting(cast):
    return MeetingFactory(board=cast.board, date=DAY)


def test_agenda_items_are_numbered_with_their_papers_under_them(cast, meeting):
    board = cast.board
    scr = PlanItemFactory(
        board=board, what="SCR action plan", kind=ReportKind.REVIEW_ACTION_PLANS
    )
    reviews = PlanItemFactory(
        board=board, what="Practice reviews", kind=ReportKind.REVIEW_ACTION_PLANS
    )
    log = PlanItemFactory(board=board, what="LSCB Risk Log", kind=ReportKind.RISK_LOG)
    PlanItemFactory(board=board, what="Agency data", kind=ReportKind.OTHER)
    secret = PlanItemFactory(board=board, what="Named case XYZZY")
    PlanItemFactory(board=board, what="Section 11", kind=ReportKind.SECTION_11)
    # The plan's report is the business plan item's own exceptions and highlights.
    PlanItemFactory(board=board, what="Plan report", kind=ReportKind.BUSINESS_PLAN)
    papers = {
        item.pk: PaperFactory(meeting=meeting, plan_item=item, received_by=cast.chair)
        for item in (scr, reviews, log, secret)
    }
    plan = PlanFactory(board=board, first_year=2016, last_year=2019)
    action = ActionFactory(plan=plan, theme=ThemeFactory(plan=plan), text="Heron")
    UpdateFactory(action=action, date=date(2017, 2, 1), rag=Rag.RED)
    titles = ["Apologies", "Business plan", "Reviews", "Risk log", "Confidential"]
    links = [None, plan, papers[scr.pk], papers[log.pk], papers[secret.pk]]
    for order, (title, paper) in enumerate(zip(titles, links, strict=True), 1):
        AgendaItemFactory(
            meeting=meeting,
            order=order,
            title=title,
            presenter="",
            paper=paper,
            confidential=title == "Confidential",
        )

    context = meeting_pack_context(meeting)
    agenda = [
        (entry["number"], [p["heading"] for p in entry["papers"]])
        for entry in context["agenda"]
    ]
    assert agenda == [
        ("1", []),
        ("2", [f"2.1 {plan.title}: exceptions and highlights"]),
        # The linked report, then the other report of its kind.
        ("3", ["3.1 SCR action plan", "3.2 Practice reviews"]),
        ("4", ["4.1 LSCB Risk Log"]),
        ("5", []),  # a confidential item's paper is not in the pack
    ]
    assert [c.item.what for c in context["missing"]] == ["Agency data", "Section 11"]
    assert "Plan report" not in [p["what"] for p in context["parts"]]

    texts = page_texts(meeting_pack(meeting)[0])
    text = flat(texts)
    assert "XYZZY" not in text
    agenda_page = flat([next(t for t in texts if t.startswith("Agenda"))])
    for line in ("1. Apologies", "2. Business plan", "3. Reviews", "4. Risk log"):
        assert line in agenda_page
    assert "5. Confidential item" in agenda_page
    assert "3.1 SCR action plan" in agenda_page
    assert "3.2 Practice reviews" in agenda_page
    _, entries = contents_entries(texts)
    assert [heading for heading, _ in entries] == [
        f"2.1 {plan.title}: exceptions and highlights",
        "3.1 SCR action plan",
        "3.2 Practice reviews",
        "4.1 LSCB Risk Log",
        "Reports not received",
    ]
    # The plan's exceptions for the meeting's quarter, as the agenda lists it.
    assert "the meeting's quarter, 2016-17 Q4" in text
    assert "Heron" in text


def test_papers_no_item_takes_are_numbered_after_the_agenda(cast, meeting):
    for order, title in enumerate(("Apologies", "Any other business"), 1):
        AgendaItemFactory(meeting=meeting, order=order, title=title)
    item = PlanItemFactory(board=cast.board, what="Agency data")
    PaperFactory(meeting=meeting, plan_item=item, received_by=cast.chair)
    entry = meeting_pack_context(meeting)["agenda"][-1]
    assert entry["item"] is None and entry["number"] == "3"
    assert [p["heading"] for p in entry["papers"]] == ["3.1 Agency data"]
    text = flat(page_texts(meeting_pack(meeting)[0]))
    assert "3. Papers for information" in text
    assert "3.1 Agency data From the board. Status: Received." in text


def test_minutes_item_prints_the_earlier_meetings_minutes_and_log(cast, meeting):
    from boards.models import MeetingActionStatus
    from tests.boards.test_meetings_data import MeetingActionFactory

    earlier = MeetingFactory(board=cast.board, date=date(2017, 1, 12))
    AgendaItemFactory(
        meeting=earlier,
        order=1,
        title="Neglect strategy",
        minutes="The toolkit is in use.",
        decisions="A progress report to come in March.",
    )
    hidden = AgendaItemFactory(
        meeting=earlier,
        order=2,
        title="Named case XYZZY",
        minutes="Secret minutes XYZZY.",
        confidential=True,
    )
    MeetingActionFactory(meeting=earlier, description="Report on neglect progress")
    MeetingActionFactory(
        meeting=earlier, agenda_item=hidden, description="Secret action XYZZY"
    )
    MeetingActionFactory(
        meeting=MeetingFactory(board=cast.board, date=date(2016, 11, 10)),
        description="Closed before January",
        status=MeetingActionStatus.CLOSED,
        closed_on=date(2016, 12, 1),
    )
    AgendaItemFactory(meeting=meeting, order=1, title="Minutes", paper=earlier)

    text = flat(page_texts(meeting_pack(meeting)[0]))
    assert "1.1 Minutes of the board meeting of 12 January 2017 and the action log" in (
        text
    )
    assert "1. Neglect strategy The toolkit is in use." in text
    assert "Decisions: A progress report to come in March." in text
    assert "2. Confidential item The minutes of a confidential item are held" in text
    assert "Report on neglect progress" in text
    assert "Action on a confidential item" in text
    assert "XYZZY" not in text
    assert "Closed before January" not in text


def test_risk_log_is_as_it_stood_at_the_meeting(cast, meeting):
    board = cast.board
    PlanItemFactory(board=board, what="LSCB Risk Log", kind=ReportKind.RISK_LOG)
    rising = risk(board, "Rising caseloads", 3, 4, date(2016, 6, 1))
    rescore(rising, 4, date(2017, 3, 20))  # after the meeting: 16
    closed = risk(board, "Lay member vacancy", 2, 2, date(2016, 6, 1))
    rescore(closed, 2, date(2017, 1, 10), status=RiskStatus.CLOSED)
    reopened = risk(board, "Data late", 2, 5, date(2016, 6, 1))
    rescore(reopened, 2, date(2017, 2, 1), status=RiskStatus.CLOSED)
    rescore(reopened, 1, date(2017, 3, 9), status=RiskStatus.OPEN)  # that morning
    risk(board, "Funding cut", 5, 5, date(2017, 4, 2))  # raised after it

    (part,) = meeting_pack_context(meeting)["parts"]
    risks = part["data"]["risks"]
    assert [(r.title, r.likelihood, r.score) for r in risks] == [
        ("Rising caseloads", 3, 12),
        ("Data late", 1, 5),
    ]
    text = flat(page_texts(meeting_pack(meeting)[0]))
    assert "Open risks as the log stood on 9 March 2017" in text
    assert "Rising caseloads Business team 3 4 12 Amber" in text
    assert "Funding cut" not in text and "Lay member vacancy" not in text
    # Today's log is not what the pack prints.
    assert Risk.objects.get(pk=rising.pk).score == 16


def test_reports_not_received_are_gathered_on_one_page(cast, meeting):
    whats = ["Agency data", "CDOP minutes", "Health audit", "Police returns"]
    for n, what in enumerate(whats):
        PlanItemFactory(
            board=cast.board,
            what=what,
            producer=f"Owner {n}",
            deadline_working_days=5 + n,
        )
    texts = page_texts(meeting_pack(meeting)[0])
    pages = [t for t in texts if "Reports not received" in t.splitlines()[0]]
    assert len(pages) == 1
    page = flat(pages)
    assert "Report Owner Due Status" in page
    # Earliest paper deadline first.
    assert "Police returns Owner 3 27 February 2017 Late" in page
    assert "Agency data Owner 0 2 March 2017 Late" in page
    assert page.index("Police returns") < page.index("Agency data")
    for what in whats:
        assert flat(texts).count(what) == 1, what  # no page of its own
    _, entries = contents_entries(texts)
    assert entries == [("Reports not received", len(texts))]


def _fill(cast, meeting, start, size):
    """Agenda items, risks with history, reports due and not received, received
    subgroup returns and business plan actions for the meeting, `size` of each."""
    from tests.boards.test_meetings_data import MeetingActionFactory
    from tests.business_plan.factories import SubgroupFactory
    from tests.subgroups.factories import ReturnFactory

    board = cast.board
    if start == 0:
        plan = PlanFactory(board=board, first_year=2016, last_year=2019)
        ThemeFactory(plan=plan)
        AgendaItemFactory(meeting=meeting, order=1, title="Business plan", paper=plan)
        log = PlanItemFactory(board=board, what="Risk log", kind=ReportKind.RISK_LOG)
        paper = PaperFactory(meeting=meeting, plan_item=log, received_by=cast.chair)
        AgendaItemFactory(meeting=meeting, order=2, title="Risk log", paper=paper)
        earlier = MeetingFactory(board=board, date=date(2017, 1, 12))
        AgendaItemFactory(meeting=meeting, order=99, title="Minutes", paper=earlier)
    plan = board.business_plans.get()
    earlier = board.meetings.get(date=date(2017, 1, 12))
    for n in range(start, start + size):
        AgendaItemFactory(meeting=meeting, order=3 + n, title=f"Item {n}")
        AgendaItemFactory(meeting=earlier, order=1 + n, minutes=f"Minutes {n}")
        MeetingActionFactory(meeting=earlier, agenda_item=earlier.agenda_items.last())
        made = risk(board, f"Risk {n}", 2, 3, date(2016, 6, 1))
        rescore(made, 3, date(2017, 1, 1))
        action = ActionFactory(
            plan=plan, theme=plan.themes.get(), ref=f"1.{n}", text=f"Act {n}"
        )
        UpdateFactory(action=action, date=date(2017, 2, 1), rag=Rag.AMBER)
        PlanItemFactory(board=board, what=f"Missing {n}")
        PaperFactory(
            meeting=meeting,
            plan_item=PlanItemFactory(
                board=board, what=f"Return {n}", kind=ReportKind.SUBGROUP_RETURN
            ),
            subgroup_return=ReturnFactory(
                subgroup=SubgroupFactory(board=board, name=f"Group {n}")
            ),
            received_by=cast.chair,
        )
        PlanItemFactory(board=board, what=f"Risks {n}", kind=ReportKind.RISK_LOG)


def _render(meeting):
    context = meeting_pack_context(meeting)
    render_to_string("reports/pdf/meeting_pack.html", context)
    return context


def test_pack_runs_a_constant_number_of_queries(
    cast, meeting, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _fill(cast, meeting, 0, 2)
    with CaptureQueriesContext(connection) as small:
        context = _render(meeting)
    assert len(context["missing"]) == 2 and len(context["parts"]) == 7
    _fill(cast, meeting, 2, 6)
    with django_assert_max_num_queries(len(small)):
        context = _render(meeting)
    assert len(context["missing"]) == 8 and len(context["parts"]) == 19
    (minutes,) = next(e for e in context["agenda"] if e["number"] == "99")["papers"]
    assert len(minutes["data"]["actions"]) == 8
    assert len(context["agenda"][1]["papers"]) == 9  # the risk log and its kind
