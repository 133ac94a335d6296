"""The demo board's annual report 2016-17, rendered once for the module."""

import re
import time
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from boards.models import Board, Membership, Role
from business_plan.demo.data_2016_19 import ACTIONS
from indicators.demo.data import SCORECARD_2016_17
from reports.documents import annual_report
from reports.sections import SECTIONS

from .helpers import contents_entries, headings, page_texts


@dataclass
class Demo:
    data: bytes
    pages: int
    texts: list[str]
    progress: list[tuple[int, int, str]]
    seconds: float
    html: str  # the HTML edition, as a board member reads it


# The module fixture opens the database itself; the mark makes pytest-django set
# up the test database even when a single test of this file is run.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo data, renders its report, then rolls the data back."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        board = Board.objects.get(slug="cumbria")
        progress = []
        began = time.monotonic()
        data, pages = annual_report(board, 2016, lambda *step: progress.append(step))
        seconds = time.monotonic() - began
        member = Membership.objects.filter(board=board, role=Role.BOARD_MEMBER)[0]
        client = Client()
        client.force_login(member.user)
        html = client.get("/boards/cumbria/annual-report/2016-17/").content.decode()
        transaction.set_rollback(True)
    return Demo(data, pages, page_texts(data), progress, seconds, html)


def section_pages(demo) -> dict[str, tuple[int, int]]:
    """Each section's heading → its first and last page (1-based), as printed."""
    _, entries = contents_entries(demo.texts)
    starts = [page for _, page in entries] + [demo.pages + 1]
    return {
        heading: (start, starts[i + 1] - 1)
        for i, (heading, start) in enumerate(entries)
    }


def section_text(demo, title: str) -> str:
    for heading, (first, last) in section_pages(demo).items():
        if heading.split(". ", 1)[1] == title:
            return "\n".join(demo.texts[first - 1 : last])
    raise AssertionError(f"No section {title!r}")


def test_is_a_pdf_with_its_page_count(demo):
    assert demo.data.startswith(b"%PDF-")
    assert demo.pages == len(demo.texts) > 10
    print(f"\ndemo annual report: {demo.pages} pages in {demo.seconds:.1f}s")


def test_progress_is_reported_after_each_section(demo):
    total = len(SECTIONS)
    assert [done for done, _, _ in demo.progress] == list(range(1, total + 1))
    assert {t for _, t, _ in demo.progress} == {total}


def test_running_header_and_page_numbers(demo):
    last = demo.pages
    for number, text in enumerate(demo.texts[1:], start=2):
        assert f"Page {number} of {last}" in text
        assert "Annual report 2016-17" in text
        assert "Cumbria Local Safeguarding Children Board" in text
    assert "Page 1 of" not in demo.texts[0]  # the cover has no header


# The real report's contents (Cumbria LSCB annual report 2016-17), as printed.
SEED_TITLES = (
    "Foreword from the Chair",
    "Introduction",
    "The views of Children and Young People (CYP)",
    "Cumbria’s Children and Young People",
    "Who are members of the LSCB",
    "A brief word from the LSCB Members",
    "Links between the LSCB and Cumbria’s Strategic Boards – in relation to "
    "Safeguarding Children",
    "LSCB Structure (see previous page for Acronyms)",
    "Governance",
    "LSCB Budget",
    "Subgroups",
    "Key LSCB Performance Indicators",
    "Multi-Agency Quality Audits",
    "Good Practice",
    "Neglect",
    "Domestic Abuse",
    "The Shape of Safeguarding in Cumbria",
    "Safeguarding (Section 11) Audit",
    "Front Line Staff",
    "Learning and Improvement – including Multi-Agency Training",
    "Child Sexual Exploitation (CSE) and Missing from Home (MFH)",
    "Local Authority Designated Officer (LADO) (16-17)",
    "Privately Fostered Children (2016-17)",
    "Learning from Reviews",
    "Serious Case Reviews",
    "Practice Reviews",
    "Learning from Child Deaths (2015-16) (always a year in arrears)",
    "2016-17 Business Plan Update",
    "Conclusion",
    "LSCB Priorities 2017-20",
    "Glossary",
    "LSCB ANNUAL REPORT ON A PAGE",
)


def comparable(title: str) -> str:
    """A title as the two editions are compared: capitals aside, and without the
    print's pointer to its own previous page."""
    return title.replace(" (see previous page for Acronyms)", "").casefold()


def test_every_section_of_the_real_report_in_its_order(demo):
    """Side by side with the real report: its 32 sections, numbered as it numbers
    them, in the PDF's contents and in the HTML edition."""
    _, entries = contents_entries(demo.texts)
    expected = [f"{n}. {comparable(t)}" for n, t in enumerate(SEED_TITLES, 1)]
    assert [comparable(heading) for heading, _ in entries] == expected
    edition = [comparable(h) for level, h in headings(demo.html) if level == 2]
    assert [h for h in edition if h[:1].isdigit()] == expected


def test_contents_page_numbers_are_where_sections_start(demo):
    index, entries = contents_entries(demo.texts)
    assert entries
    for heading, page in entries:
        lines_by_page = [
            [line.strip() for line in text.splitlines()]
            for text in demo.texts[index + 1 :]
        ]
        first = next(
            n
            for n, lines in enumerate(lines_by_page, start=index + 2)
            if heading in lines
            # a long heading wraps onto a second line
            or heading
            in (" ".join(pair) for pair in zip(lines, lines[1:], strict=False))
        )
        assert first == page, heading


def test_budget_total(demo):
    assert "212,588" in section_text(demo, "LSCB Budget")


def test_the_areas_children_in_the_boards_words(demo):
    text = section_text(demo, "Cumbria’s Children and Young People")
    assert "92,800 children" in text
    assert "523 children and young people were the subject of a child" in text


def test_the_shape_of_safeguarding_says_what_ofsted_found(demo):
    text = " ".join(section_text(demo, "The Shape of Safeguarding in Cumbria").split())
    assert "Inspection dates: 3 March 2015 to 25 March 2015" in text
    assert "Overall judgement: Requires improvement" in text
    assert "The greatly strengthened governance arrangements" in text
    assert "The need to strengthen the way partners respond to children" in text
    strengths = text.index("these strengths")
    improvements = text.index("these areas for improvement")
    assert strengths < improvements < text.index("Recommendations and what was done")


def test_lado_allegations_total(demo):
    assert "296" in section_text(
        demo, "Local Authority Designated Officer (LADO) (16-17)"
    )


def test_every_indicator_code(demo):
    text = section_text(demo, "Key LSCB Performance Indicators")
    missing = [row["code"] for row in SCORECARD_2016_17 if row["code"] not in text]
    assert not missing


def test_every_action_ref_with_rag_as_text(demo):
    text = section_text(demo, "2016-17 Business Plan Update")
    missing = [action["ref"] for action in ACTIONS if action["ref"] not in text]
    assert not missing
    assert "Green" in text and "Complete" in text


def test_foreword_is_signed_by_role(demo):
    text = section_text(demo, "Foreword from the Chair")
    assert "Independent Chair, Cumbria LSCB" in text
    assert "I have had the privilege to be the Independent Chair" in text
    everything = "\n".join(demo.texts)
    assert "Gill" not in everything and "Rigg" not in everything


def test_approved_report_has_no_draft_mark(demo):
    assert not any("not approved" in text for text in demo.texts)


def test_report_on_a_page_fits_on_one_page(demo):
    first, last = section_pages(demo)["32. LSCB Annual Report on a Page"]
    assert first == last == demo.pages
    text = demo.texts[first - 1]
    for part in ("Achievements", "Performance and data", "View from LSCB members"):
        assert part in text
    assert "Red 0, Amber 2, Green 35, Complete 16" in text
    assert "£212,588" in text and "296" in text
    assert "Implementation of Early Help Panels" in text
    assert "Continued engagement with the education sector" in text


def test_the_priority_themes_figures_in_the_pdf(demo):
    """The real report's figures for its three priority themes, printed from the
    demo's data: domestic abuse contacts and the courses on it; children missing
    from home and their episodes; CSE incident logs and child abduction notices
    (Q2 2015-16 and Q2 2016-17); children managed under a CSE category."""
    domestic = section_text(demo, "Domestic Abuse")
    assert "3,244" in domestic and "270 attendances" in domestic
    cse = section_text(
        demo, "Child Sexual Exploitation (CSE) and Missing from Home (MFH)"
    )
    for figure in ("437", "1,186", "45", "387", "4", "17", "61", "58"):
        assert re.search(rf"(?<![\d,.]){re.escape(figure)}(?![\d,.])", cse), figure


def test_the_priorities_gather_the_themes_year(demo):
    """Section 30 follows the seed's one sentence with where each priority theme
    stood: domestic abuse's 4 actions, 1 indicator, 1 audit, 1 lesson, 3 good
    practice examples and 270 training attendances."""
    text = section_text(demo, "LSCB Priorities 2017-20")
    assert "The LSCB will review priorities for 2017-20" in text
    assert "The priority themes in 2016-17" in text
    row = re.search(
        r"Domestic abuse\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)", text
    )
    assert row and row.groups() == ("4", "1", "1", "1", "3", "270"), text
