"""Section 18 of the annual report (Safeguarding (Section 11) audit) in the PDF,
from the demo data: the process, the statutory partners' findings and the
year-on-year table; left out for a board without a cycle with valid responses."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from audits import pdf
from audits.models import Answer, Question, Sector, Submission
from boards.models import Board
from reports.documents import annual_report
from reports.sections import SECTIONS, build_sections
from tests.audits.factories import OrganisationFactory, cycle_with
from tests.reports.helpers import contents_entries, page_texts

pytestmark = pytest.mark.django_db

TITLE = "Safeguarding (Section 11) Audit"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def section(django_db_setup, django_db_blocker):
    """The demo's report 2016-17, the Section 11 section's text (slow: once)."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
        board = Board.objects.get(slug="cumbria")
        data, pages = annual_report(board, 2016)
        transaction.set_rollback(True)
    texts = page_texts(data)
    _, entries = contents_entries(texts)
    starts = [page for _, page in entries] + [pages + 1]
    for i, (heading, start) in enumerate(entries):
        if heading.split(". ", 1)[1] == TITLE:
            return heading, flat("\n".join(texts[start - 1 : starts[i + 1] - 1]))
    raise AssertionError(f"No section {TITLE!r}: {entries}")


def test_the_section_comes_after_the_inspections():
    keys = [s.key for s in SECTIONS]
    assert keys[keys.index("inspections") + 1] == "section_11"


def test_the_heading_follows_the_inspections(section):
    heading, _ = section
    assert heading.split(". ", 1)[1] == TITLE
    keys = [s.key for s in SECTIONS]
    assert keys.index("inspections") + 1 == keys.index("section_11")


def test_the_process(section):
    _, text = section
    assert "The 2016-17 audit ran from 8 December 2016 to 13 March 2017" in text
    assert "with 469 responses submitted" in text
    assert "35 were partial or duplicate responses" in text
    assert "a total of 433 valid responses completed by agencies" in text
    assert "205 submissions from schools and 47 from GPs" in text


def test_the_statutory_partners_findings(section):
    _, text = section
    assert "A total of 15 submissions were received from statutory agencies" in text
    assert "3/15 agencies (20%) said they ‘fully met’ all standards" in text
    assert "1 ‘not met’ answer: 1.2" in text


@pytest.mark.parametrize(
    "row",
    [
        "Number of responses 486 433 -53",
        "A named person responsible at a senior level 97% 98% +1%",
        "Had a designated professional lead 95% 93% -2%",
        "Appropriate supervision and support available for staff 94% 94% -",
        "Had safe recruitment processes 94% 93% -1%",
    ],
)
def test_the_year_on_year_rows(section, row):
    _, text = section
    assert row in text


def test_a_board_without_a_cycle_has_no_such_section(cast):
    cycle_with(cast.other_board, year=2016)
    assert pdf.section_11(cast.board, 2016) is None
    keys = [s.key for s in build_sections(cast.board, 2016)]
    assert "section_11" not in keys


def test_a_cycle_without_valid_responses_has_no_section(cast):
    cycle = cycle_with(cast.board, year=2016)
    organisation = OrganisationFactory(board=cast.board)
    Submission.objects.create(cycle=cycle, organisation=organisation)  # a draft
    assert pdf.section_11(cast.board, 2016) is None


def _answered(cycles, board, count, start):
    """`count` organisations answering every question of each cycle fully met,
    statutory agencies and schools."""
    for n in range(start, start + count):
        organisation = OrganisationFactory(
            board=board,
            name=f"Respondent {n}",
            sector=Sector.STATUTORY if n % 2 else Sector.SCHOOL,
        )
        for cycle in cycles:
            submission = Submission.objects.create(
                cycle=cycle, organisation=organisation, status="submitted"
            )
            Answer.objects.bulk_create(
                Answer(submission=submission, question=q, rating="fully")
                for q in Question.objects.filter(standard__cycle=cycle)
            )


def test_the_section_takes_as_many_queries_at_two_sizes(
    cast, django_assert_max_num_queries
):
    cycles = [cycle_with(cast.board, year=2015), cycle_with(cast.board, year=2016)]
    _answered(cycles, cast.board, 2, 0)
    with django_assert_max_num_queries(18) as small:
        assert pdf.section_11(cast.board, 2016)["valid"] == 2
    _answered(cycles, cast.board, 30, 2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        context = pdf.section_11(cast.board, 2016)
    assert context["valid"] == 32
    assert context["statutory"]["total"] == 16
    assert context["statutory"]["fully_all"] == 16
    assert [r["change"] for r in context["rows"]] == ["-", "-"]
    assert context["responses_change"] == "-"
