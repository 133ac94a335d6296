"""Exporting a meeting pack from the browser, and what the pack prints for the
business plan, indicators and a subgroup return when the planner makes them due."""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from boards.models import Meeting, MeetingKind, Risk, RiskStatus
from business_plan.models import Rag
from indicators.models import Measurement, PeriodKind, Target
from lscb_portal.errors import DomainError
from reports import services
from reports.meeting_pack import meeting_pack, meeting_pack_context
from reports.models import ReportRun, RunKind, RunStatus
from subgroups.models import Frequency, ReportKind
from tests.boards.factories import BoardFactory, UserFactory
from tests.business_plan.factories import (
    ActionFactory,
    PlanFactory,
    SubgroupFactory,
    ThemeFactory,
    UpdateFactory,
)
from tests.indicators.factories import IndicatorFactory, ScorecardFactory
from tests.subgroups.factories import (
    MeetingFactory,
    PaperFactory,
    PlanItemFactory,
    ReturnFactory,
)

from .helpers import contents_entries, page_texts

# Also makes a run of only the module-scoped pack's tests set up the test database.
pytestmark = pytest.mark.django_db

EXPORT = "/boards/north/reports/meeting-pack/"
BOARD_DAY = date(2017, 3, 9)


@pytest.fixture
def board_meeting(cast):
    return MeetingFactory(board=cast.board, date=BOARD_DAY, location="Town Hall")


# Exporting from the pages ---------------------------------------------------------


def test_business_team_exports_the_pack_from_the_meeting_page(
    cast, as_user, media, board_meeting, django_capture_on_commit_callbacks
):
    client = as_user(cast.business_team)
    page = client.get(f"/boards/north/meetings/{board_meeting.pk}/").text
    assert f'action="{EXPORT}"' in page
    assert f'name="meeting" value="{board_meeting.pk}"' in page

    # The meeting page's button posts its meeting straight to the export.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(EXPORT, {"meeting": str(board_meeting.pk)})
    run = ReportRun.objects.get()
    assert len(callbacks) == 1
    assert response.status_code == 302
    assert response["Location"] == f"/boards/north/reports/{run.pk}/"
    assert run.kind == RunKind.MEETING_PACK
    assert run.params == {"meeting": board_meeting.pk}
    assert run.requested_by == cast.business_team

    # Celery is eager in the tests: the pack has been rendered.
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.error
    with default_storage.open(run.file.name, "rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF-")
    texts = page_texts(data)
    assert run.page_count == len(texts)
    assert "9 March 2017" in texts[0]

    status = client.get(response["Location"]).text
    assert "Meeting pack: Board meeting 9 March 2017" in status
    assert "Ready" in status
    assert "Download the meeting pack: Board meeting 9 March 2017 (PDF)" in status
    download = client.get(f"/boards/north/reports/{run.pk}/download/")
    assert download["Content-Disposition"] == (
        'attachment; filename="north-meeting-pack-board-meeting-9-march-2017.pdf"'
    )
    assert b"".join(download.streaming_content) == data
    listing = client.get("/boards/north/reports/").text
    assert "Meeting pack: Board meeting 9 March 2017" in listing


@pytest.mark.parametrize(
    ("role", "shown"),
    [("chair", True), ("business_team", True), ("board_member", False)],
)
def test_meeting_page_offers_the_export_to_exporters_only(
    cast, as_user, board_meeting, role, shown
):
    page = as_user(cast.user(role)).get(f"/boards/north/meetings/{board_meeting.pk}/")
    assert page.status_code == 200
    assert ("Export meeting pack" in page.text) is shown
    assert (f'action="{EXPORT}"' in page.text) is shown


def test_reports_page_links_to_the_pack_export(cast, as_user):
    assert f'href="{EXPORT}"' in as_user(cast.chair).get("/boards/north/reports/").text
    assert (
        f'href="{EXPORT}"'
        not in as_user(cast.lay_member).get("/boards/north/reports/").text
    )


def test_form_offers_the_next_meeting_else_the_latest(cast, as_user):
    today = timezone.localdate()
    make = MeetingFactory
    past = make(board=cast.board, date=today - timedelta(days=30))
    make(board=cast.board, date=today - timedelta(days=400))
    soon = make(board=cast.board, date=today + timedelta(days=7))
    make(board=cast.board, date=today + timedelta(days=60))
    theirs = make(board=cast.other_board, date=today + timedelta(days=1))
    client = as_user(cast.chair)

    form = client.get(EXPORT).context["form"]
    assert form.initial["meeting"] == soon
    assert theirs not in form.fields["meeting"].queryset
    assert form.fields["meeting"].queryset.count() == 4
    # The meeting page's link names its meeting; anything else is ignored.
    assert (
        client.get(f"{EXPORT}?meeting={past.pk}").context["form"].initial["meeting"]
        == past
    )
    for junk in ("abc", "²", str(theirs.pk), "99999999999999999999999"):
        response = client.get(EXPORT, {"meeting": junk})
        assert response.status_code == 200
        assert response.context["form"].initial["meeting"] == soon

    Meeting.objects.filter(date__gte=today).delete()
    assert client.get(EXPORT).context["form"].initial["meeting"] == past


def test_a_board_with_no_meetings_gets_a_form_error(cast, as_user):
    response = as_user(cast.chair).post(EXPORT, {})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Select the meeting." in response.text
    assert not ReportRun.objects.exists()


def test_a_meeting_of_another_board_is_refused(cast, as_user, board_meeting):
    theirs = MeetingFactory(board=cast.other_board, date=BOARD_DAY)
    response = as_user(cast.chair).post(EXPORT, {"meeting": str(theirs.pk)})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Select a meeting of this board from the list." in response.text
    assert not ReportRun.objects.exists()
    # The service refuses it too, whoever calls it.
    with pytest.raises(DomainError, match="meeting of this board"):
        services.run_request(
            board=cast.board,
            kind=RunKind.MEETING_PACK,
            params={"meeting": theirs.pk},
            user=cast.chair,
        )
    assert not ReportRun.objects.exists()


@pytest.mark.parametrize(
    "value", ["", "abc", "1.5", "-1", "99999", "99999999999999999999999"]
)
def test_a_bad_meeting_id_is_a_form_error(cast, as_user, board_meeting, value):
    response = as_user(cast.chair).post(EXPORT, {"meeting": value})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert 'class="govuk-select govuk-select--error"' in response.text
    assert not ReportRun.objects.exists()


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"meeting": None},
        {"meeting": True},
        {"meeting": "abc"},
        {"meeting": [1]},
        {"meeting": 99999999999999999999999},
    ],
)
def test_service_refuses_a_pack_without_a_meeting_of_the_board(cast, params):
    with pytest.raises(DomainError):
        services.run_request(
            board=cast.board, kind=RunKind.MEETING_PACK, params=params, user=cast.chair
        )
    assert not ReportRun.objects.exists()


def test_broker_down_shows_the_message_and_makes_no_pack_run(
    cast, as_user, board_meeting, monkeypatch
):
    monkeypatch.setattr(services, "broker_available", lambda: False)
    response = as_user(cast.chair).post(EXPORT, {"meeting": str(board_meeting.pk)})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert services.QUEUE_DOWN in response.text
    assert not ReportRun.objects.exists()


def test_a_pack_whose_meeting_was_deleted_keeps_a_label_and_cannot_be_retried(
    cast, board_meeting
):
    run = ReportRun.objects.create(
        board=cast.board,
        kind=RunKind.MEETING_PACK,
        params={"meeting": board_meeting.pk},
        status=RunStatus.FAILED,
        requested_by=cast.chair,
    )
    assert services.run_label(run) == "Meeting pack: Board meeting 9 March 2017"
    board_meeting.delete()
    assert services.run_label(run) == "Meeting pack"
    with pytest.raises(DomainError, match="meeting of this board"):
        services.run_retry(run=run, user=cast.chair)
    assert ReportRun.objects.count() == 1


# What the pack prints --------------------------------------------------------------

NOT_DUE = "Section 11 audit summary"
HIGHLIGHT = "Neglect audit completed across all six agencies."
EXCEPTION = "Health visiting returns are still outstanding."
# Action texts, one word each so that a table cell never wraps them.
BIRDS = ("Kestrel", "Heron", "Osprey", "Plover", "Curlew", "Merlin")


@dataclass
class Printed:
    texts: list[str]
    contents_index: int
    contents: list[tuple[str, int]]
    parts: dict[str, str]  # heading -> the text of the part's pages, one line

    def part(self, word: str) -> str:
        return next(text for heading, text in self.parts.items() if word in heading)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _between(text: str, start: str, end: str | None) -> str:
    tail = text[text.index(start) + len(start) :]
    return tail[: tail.index(end)] if end else tail


def _build_board_meeting():
    """A board meeting on 9 March 2017 with the Business Plan report, the
    indicators report and the Quality Assurance return due, and a quarterly
    report that was due at January's meeting instead."""
    board = BoardFactory(slug="pack-parts", name="Packshire Safeguarding Board")
    meeting = MeetingFactory(board=board, date=BOARD_DAY, kind=MeetingKind.BOARD)
    MeetingFactory(board=board, date=date(2017, 1, 12), kind=MeetingKind.BOARD)
    every = {"board": board, "frequency": Frequency.EVERY_MEETING}
    PlanItemFactory(
        what="Business Plan 2016-19 monitoring report",
        kind=ReportKind.BUSINESS_PLAN,
        **every,
    )
    PlanItemFactory(
        what="Key Performance Indicators report", kind=ReportKind.INDICATORS, **every
    )
    qa_item = PlanItemFactory(
        what="Quality Assurance subgroup return",
        kind=ReportKind.SUBGROUP_RETURN,
        **every,
    )
    PlanItemFactory(board=board, what=NOT_DUE, frequency=Frequency.QUARTERLY)

    # Business plan. The pack reports the meeting's quarter: 2016-17 Q4,
    # 1 January to 31 March 2017.
    plan = PlanFactory(board=board, first_year=2016, last_year=2019)
    theme = ThemeFactory(plan=plan, number=1, title="Neglect")
    history = {
        "Kestrel": [(date(2016, 12, 30), Rag.GREEN), (date(2017, 2, 28), Rag.RED)],
        "Heron": [(date(2017, 1, 15), Rag.AMBER)],
        "Osprey": [(date(2016, 9, 30), Rag.AMBER)],
        "Plover": [(date(2017, 3, 1), Rag.GREEN)],
        "Curlew": [(date(2016, 12, 30), Rag.AMBER), (date(2017, 3, 6), Rag.COMPLETE)],
        # Red only after the quarter: green in the Q4 report.
        "Merlin": [(date(2016, 12, 30), Rag.GREEN), (date(2017, 4, 10), Rag.RED)],
    }
    for number, (bird, updates) in enumerate(history.items(), start=1):
        action = ActionFactory(
            plan=plan,
            theme=theme,
            ref=f"1.{number}",
            text=bird,
            # Osprey was due within the quarter and is not complete: overdue.
            due_date=date(2017, 2, 28) if bird == "Osprey" else None,
        )
        for day, rag in updates:
            UpdateFactory(
                action=action, date=day, rag=rag, narrative=f"{bird} update {day:%b}."
            )

    # Indicators: no year-end values yet for 2016-17, so the pack falls back to
    # 2015-16. KP9.1 is on no scorecard and stays out.
    scorecard = ScorecardFactory(board=board, name="LSCB performance report")
    for code, value in (("KP1.1", "95"), ("KP1.2", "75"), ("KP1.3", "40")):
        indicator = IndicatorFactory(board=board, code=code, scorecards=[scorecard])
        Target.objects.create(indicator=indicator, year=2015, value=Decimal("80"))
        Measurement.objects.create(
            indicator=indicator,
            period_kind=PeriodKind.YEAR,
            period_end=date(2016, 3, 31),
            value=Decimal(value),
        )
    IndicatorFactory(board=board, code="KP9.1")

    subgroup = SubgroupFactory(board=board, name="Quality Assurance")
    qa_return = ReturnFactory(
        subgroup=subgroup,
        period="2016-17 Q4",
        highlights=HIGHLIGHT,
        exceptions=EXCEPTION,
        meetings_held=3,
    )
    PaperFactory(
        meeting=meeting,
        plan_item=qa_item,
        subgroup_return=qa_return,
        received_by=UserFactory(),
    )
    return meeting


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker):
    """The pack of the built meeting, rendered once for the module; the data is
    rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        data, pages = meeting_pack(_build_board_meeting())
        transaction.set_rollback(True)
    texts = page_texts(data)
    assert pages == len(texts)
    index, contents = contents_entries(texts)
    starts = [page for _, page in contents] + [len(texts) + 1]
    parts = {
        heading: _flat(" ".join(texts[start - 1 : starts[n + 1] - 1]))
        for n, (heading, start) in enumerate(contents)
    }
    return Printed(texts, index, contents, parts)


def test_pack_holds_the_reports_due_and_not_the_others(printed):
    assert [heading for heading, _ in printed.contents] == [
        "1.1 Business Plan 2016-19 monitoring report",
        "1.2 Key Performance Indicators report",
        "1.3 Quality Assurance subgroup return",
    ]
    assert NOT_DUE not in _flat(" ".join(printed.texts))


def test_contents_page_numbers_are_where_the_parts_start(printed):
    for heading, page in printed.contents:
        first = next(
            n
            for n, text in enumerate(
                printed.texts[printed.contents_index + 1 :],
                start=printed.contents_index + 2,
            )
            if heading in _flat(text)
        )
        assert first == page, heading


def _birds(text: str) -> list[str]:
    return [bird for bird in BIRDS if bird in text]


def test_business_plan_part_shows_red_and_amber_actions_as_at_the_quarter(printed):
    part = printed.part("Business Plan")
    assert "the meeting's quarter, 2016-17 Q4 (1 January 2017 to 31 March 2017)" in part
    red = _between(part, "Red actions", "Amber actions")
    amber = _between(part, "Amber actions", "Overdue actions")
    overdue = _between(part, "Overdue actions", "RAG changes this quarter")
    changes = _between(part, "RAG changes this quarter", "Completed this quarter")
    completed = _between(part, "Completed this quarter", None)
    # One red and two amber actions: the counts by RAG at 31 March 2017.
    assert _birds(red) == ["Kestrel"]
    assert re.findall(r"\b(?:Red|Amber|Green)\b", red) == ["Red"]
    assert "1.1 Kestrel – Kestrel update Feb. Red" in red
    assert _birds(amber) == ["Heron", "Osprey"]
    assert re.findall(r"\b(?:Red|Amber|Green)\b", amber) == ["Amber", "Amber"]
    assert "1.3 Osprey 28 Feb 2017 Osprey update Sep. Amber" in amber
    assert _birds(overdue) == ["Osprey"]
    # Merlin turned red in April, after the quarter reported.
    assert "Merlin" not in red + amber + overdue + changes + completed
    assert _birds(changes) == ["Kestrel", "Heron", "Plover"]
    assert "1.1 Kestrel Green Red" in changes
    assert "1.2 Heron Not rated Amber" in changes
    assert _birds(completed) == ["Curlew"]
    assert "1.5 Curlew Amber Complete" in completed


def test_indicators_part_shows_each_code_with_its_rag(printed):
    part = printed.part("Indicators")
    assert "LSCB performance report (31 March 2016)" in part
    rows = re.findall(r"\b(KP\d\.\d)\b.*?\b(Red|Amber|Green)\b", part)
    assert rows == [("KP1.1", "Green"), ("KP1.2", "Amber"), ("KP1.3", "Red")]
    assert "KP9.1" not in part


def test_return_part_shows_the_returns_highlights_and_exceptions(printed):
    part = printed.part("Quality Assurance")
    assert "Quality Assurance return for 2016-17 Q4." in part
    assert "Meetings held in the quarter: 3." in " ".join(part.split())
    assert HIGHLIGHT in _between(part, "Highlights", "Exceptions")
    assert EXCEPTION in _between(part, "Exceptions for the board's attention", None)
    assert "Status: Received." in part


# The kind of report, not its name, chooses the part ------------------------------


def _part_kinds(meeting) -> dict[str, str]:
    return {
        p["cell"].item.what: p["kind"] for p in meeting_pack_context(meeting)["parts"]
    }


def test_part_is_chosen_by_the_reports_kind_not_its_words(cast, board_meeting):
    every = {"board": cast.board, "frequency": Frequency.EVERY_MEETING}
    risk = Risk(
        board=cast.board,
        title="Health data late",
        owner="Business team",
        likelihood=3,
        impact=4,
        review_date=date(2017, 6, 1),
        status=RiskStatus.OPEN,
    )
    risk._history_date = timezone.make_aware(timezone.datetime(2017, 1, 5, 9, 0))
    risk.save()
    PlanItemFactory(what="Open concerns", kind=ReportKind.RISK_LOG, **every)
    PlanItemFactory(what="Risk Log commentary", kind=ReportKind.OTHER, **every)
    PlanItemFactory(what="Section 11 progress", kind=ReportKind.SECTION_11, **every)
    # Neither other report has data or a paper: both are listed as not received.
    assert _part_kinds(board_meeting) == {"Open concerns": "risks"}
    context = meeting_pack_context(board_meeting)
    assert [c.item.what for c in context["missing"]] == [
        "Risk Log commentary",
        "Section 11 progress",
    ]
    assert [r.title for r in context["parts"][0]["data"]["risks"]] == [
        "Health data late"
    ]


def test_return_part_only_for_a_subgroup_return(cast, board_meeting):
    every = {"board": cast.board, "frequency": Frequency.EVERY_MEETING}
    subgroup = SubgroupFactory(board=cast.board, name="Quality Assurance")
    for what, kind in (
        ("QA return", ReportKind.SUBGROUP_RETURN),
        ("QA audit", "other"),
    ):
        PaperFactory(
            meeting=board_meeting,
            plan_item=PlanItemFactory(what=what, kind=kind, **every),
            subgroup_return=ReturnFactory(subgroup=subgroup, period=f"{what} Q3"),
            received_by=UserFactory(),
        )
    # A received paper the portal holds no data for is printed as received.
    assert _part_kinds(board_meeting) == {"QA return": "return", "QA audit": "received"}
