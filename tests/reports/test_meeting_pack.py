"""The demo board meeting of 9 March 2017's pack, rendered once for the module."""

from dataclasses import dataclass
from datetime import date
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from pypdf import PdfReader

from boards.models import AgendaItem, Meeting
from reports.meeting_pack import meeting_pack
from subgroups.planner import meeting_reports

from .helpers import contents_entries, page_texts

# The module fixture opens the database itself; the mark makes pytest-django set
# up the test database even when a single test of this file is run.
pytestmark = pytest.mark.django_db

SECRET = "Named child case review XYZZY"


@dataclass
class Pack:
    data: bytes
    pages: int
    texts: list[str]
    reports: list[str]
    command_output: str
    command_pdf: bytes


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def pack(demo, django_db_blocker, tmp_path_factory):
    """Adds a confidential agenda item and renders the pack of the board meeting
    on 9 March 2017 (and the command's); the item is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        meeting = Meeting.objects.get(kind="board", date=date(2017, 3, 9))
        last = max([i.order for i in meeting.agenda_items.all()] + [0])
        AgendaItem.objects.create(
            meeting=meeting, order=last + 1, title=SECRET, confidential=True
        )
        reports = [c.item.what for c in meeting_reports(meeting, today=meeting.date)]
        data, pages = meeting_pack(meeting)
        target = tmp_path_factory.mktemp("pack") / "pack.pdf"
        out = StringIO()
        call_command("export_pack", meeting=meeting.pk, output=str(target), stdout=out)
        command_pdf = target.read_bytes()
        transaction.set_rollback(True)
    return Pack(data, pages, page_texts(data), reports, out.getvalue(), command_pdf)


def test_is_a_pdf_with_its_page_count(pack):
    assert pack.data.startswith(b"%PDF-")
    assert pack.pages == len(pack.texts) > 3
    print(f"\ndemo meeting pack: {pack.pages} pages, {len(pack.reports)} reports")


def test_every_report_due_is_in_the_pack(pack):
    assert pack.reports
    text = " ".join(" ".join(pack.texts).split())
    missing = [what for what in pack.reports if what not in text]
    assert not missing
    _, entries = contents_entries(pack.texts)
    headings = [heading for heading, _ in entries]
    # Each paper under its agenda item, then the one page of reports not received.
    assert headings[:3] == [
        "2.1 Minutes of the board meeting of 12 January 2017 and the action log",
        "3.1 Business Plan 2016-19: exceptions and highlights",
        "4.1 LSCB Risk Log",
    ]
    assert headings[-1] == "Reports not received"
    printed = [h.split(" ", 1)[1] for h in headings[2:-1]]
    not_received = next(t for t in pack.texts if t.startswith("Reports not received"))
    assert "Single Agency Data Single agency 2 March 2017 Late" in not_received
    assert sorted(set(printed + ["Single Agency Data"])) == sorted(set(pack.reports))


def test_contents_page_numbers_are_where_parts_start(pack):
    index, entries = contents_entries(pack.texts)
    assert entries
    for heading, page in entries:
        # A long heading wraps: compare the text with its lines joined.
        first = next(
            n
            for n, text in enumerate(pack.texts[index + 1 :], start=index + 2)
            if heading in " ".join(text.split())
        )
        assert first == page, heading


def test_cover_and_agenda(pack):
    assert "9 March 2017" in pack.texts[0]
    assert "Board meeting" in pack.texts[0]
    agenda = next(t for t in pack.texts if "Agenda" in t)
    assert "Confidential item" in agenda
    lines = [" ".join(line.split()) for line in agenda.splitlines()]
    assert lines[1].startswith("1. Apologies and declarations of interest")
    assert any(line.startswith("4. Risk log") for line in lines)
    assert any(line.startswith("4.1 LSCB Risk Log") for line in lines)
    assert any(line.startswith("9. Papers for information") for line in lines)


def test_business_plan_item_prints_the_quarters_exceptions(pack):
    text = " ".join(" ".join(pack.texts).split())
    assert "Business Plan 2016-19 for the meeting's quarter, 2016-17 Q4" in text
    assert "Amber actions Actions rated amber" in text


def test_minutes_item_prints_the_last_meetings_minutes(pack):
    text = " ".join(" ".join(pack.texts).split())
    assert "The minutes of the board meeting of 12 January 2017 (approved)" in text
    assert "Decisions: Assurance to be sought from each partner agency." in text


def test_risk_log_is_the_log_at_the_meeting(pack):
    text = " ".join(" ".join(pack.texts).split())
    assert "Open risks as the log stood on 9 March 2017" in text
    assert "No second lay member" not in text  # closed


def test_confidential_item_title_is_left_out(pack):
    assert SECRET not in "\n".join(pack.texts)
    assert b"XYZZY" not in pack.data


def test_running_header_and_page_numbers(pack):
    for number, text in enumerate(pack.texts[1:], start=2):
        assert f"Page {number} of {pack.pages}" in text
        assert "Board meeting 9 March 2017" in text


def test_command_writes_the_pdf(pack):
    assert pack.command_pdf.startswith(b"%PDF-")
    assert len(PdfReader(BytesIO(pack.command_pdf)).pages) == pack.pages
    assert "Wrote" in pack.command_output


# The demo's board meetings ---------------------------------------------------------


def test_demo_board_meetings_have_agenda_papers_received_and_minutes(demo):
    meetings = list(
        Meeting.objects.filter(
            kind="board", date__range=(date(2016, 4, 1), date(2017, 3, 31))
        ).order_by("date")
    )
    assert len(meetings) == 6
    for index, meeting in enumerate(meetings):
        items = list(meeting.agenda_items.order_by("order"))
        assert [i.order for i in items] == list(range(1, len(items) + 1))
        assert all(i.minutes for i in items), meeting
        assert sum(bool(i.decisions) for i in items) >= 4, meeting
        linked = {i.order for i in items if i.paper_id}
        assert {3, 4, 5, 6} | ({2} if index else set()) <= linked, meeting
        cells = meeting_reports(meeting, today=meeting.date)
        received = [c for c in cells if c.paper is not None]
        assert len(received) >= len(cells) - 1, meeting
        assert all(c.paper.received_at.date() <= c.deadline for c in received)
    march = meeting_reports(meetings[-1], today=meetings[-1].date)
    assert [c.item.what for c in march if c.paper is None] == ["Single Agency Data"]
    subgroup_reports = next(
        c for c in march if c.item.kind == "subgroup_return" and c.paper
    )
    assert subgroup_reports.paper.subgroup_return.period == "2016-17 Q4"


def test_demo_papers_load_twice_to_the_same_rows(demo):
    from boards.demo import governance_meetings
    from subgroups.models import MeetingPaper

    def rows():
        return sorted(
            MeetingPaper.objects.values_list(
                "meeting", "plan_item", "subgroup_return", "received_at"
            )
        ), sorted(AgendaItem.objects.values_list("pk", "paper_type", "paper_id"))

    first = rows()
    governance_meetings.load_papers()
    assert rows() == first
