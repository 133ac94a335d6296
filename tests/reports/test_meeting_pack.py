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
def pack(django_db_setup, django_db_blocker, tmp_path_factory):
    """Loads the demo data, adds a confidential agenda item, renders the pack of
    the board meeting on 9 March 2017 (and the command's), then rolls back."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
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
    assert [heading.split(". ", 1)[1] for heading, _ in entries] == pack.reports


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
