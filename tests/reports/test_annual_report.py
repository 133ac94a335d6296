"""Sections left out without data, user text never fetched, the command, the
fetcher's refusals."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from boards.models import GlossaryTerm
from lscb_portal import pdf
from lscb_portal.pdf import RefusedURL, make_url_fetcher
from reports.documents import annual_report, parse_year
from reports.sections import SECTIONS, Section, build_sections

from .helpers import contents_entries, fill_board, page_texts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/x.png",
        "https://example.org/x.png",
        "/static/../../etc/passwd",
        "file:///static/../../etc/passwd",
        "chart:not-drawn",
        "/etc/passwd",
    ],
)
def test_fetcher_refuses(url):
    with pytest.raises(RefusedURL):
        make_url_fetcher({"drawn": b"<svg/>"})(url)


def test_fetcher_serves_in_memory_charts():
    found = make_url_fetcher({"drawn": b"<svg/>"})("chart:drawn")
    assert found == {"string": b"<svg/>", "mime_type": "image/svg+xml"}


def test_contents_list_is_in_the_seed_order_with_unique_keys():
    sections = SECTIONS
    assert [s.key for s in sections] == [
        "foreword",
        "introduction",
        "views_of_children",
        "context",
        "members",
        "member_statements",
        "strategic_links",
        "structure",
        "governance",
        "budget",
        "subgroups",
        "indicators",
        "case_audits",
        "good_practice",
        "neglect",
        "domestic_abuse",
        "inspections",
        "section_11",
        "staff_survey",
        "learning_and_improvement",
        "cse_missing",
        "lado",
        "private_fostering",
        "learning_from_reviews",
        "serious_case_reviews",
        "practice_reviews",
        "child_deaths",
        "business_plan",
        "conclusion",
        "priorities",
        "glossary",
        "report_on_a_page",
    ]
    assert len({s.key for s in sections}) == len(sections)
    assert all(isinstance(s, Section) for s in sections)


def test_section_without_data_is_left_out(cast):
    GlossaryTerm.objects.create(board=cast.board, acronym="LSCB", meaning="Board")
    built = build_sections(cast.board, 2016)
    # The cast's board has members and a glossary, nothing else.
    assert [s.key for s in built] == ["members", "glossary"]
    assert built[1].heading == "2. Glossary"
    data, pages = annual_report(cast.board, 2016)
    texts = page_texts(data)
    _, entries = contents_entries(texts)
    assert entries == [("1. Who are members of the LSCB", 3), ("2. Glossary", 4)]
    assert pages == 4
    text = "\n".join(texts)
    assert "LSCB Budget" not in text and "Subgroups" not in text


def test_other_years_sections_are_left_out(cast):
    fill_board(cast.board, 1, year=2016)
    keys = {s.key for s in build_sections(cast.board, 2016)}
    assert {"budget", "structure", "subgroups", "glossary"} <= keys
    later = {s.key for s in build_sections(cast.board, 2018)}
    assert "budget" not in later


def test_typed_markup_renders_as_text_and_fetches_nothing(cast, monkeypatch):
    asked = []
    real = pdf.make_url_fetcher

    def spying(charts=None):
        fetch = real(charts)

        def record(url, *args, **kwargs):
            asked.append(url)
            return fetch(url, *args, **kwargs)

        return record

    monkeypatch.setattr(pdf, "make_url_fetcher", spying)
    GlossaryTerm.objects.create(
        board=cast.board,
        acronym="IMG",
        meaning='<img src="file:///etc/passwd"> and <link rel="stylesheet" href="http://example.org/x.css">',
    )
    data, _ = annual_report(cast.board, 2016)
    text = "\n".join(page_texts(data))
    assert '<img src="file:///etc/passwd">' in text
    assert "root:" not in text
    assert asked == []


def test_parse_year():
    assert parse_year("2016-17") == parse_year("2016/17") == parse_year("2016") == 2016
    for bad in ("2016-18", "16-17", "next year"):
        with pytest.raises(ValueError):
            parse_year(bad)


def test_command_writes_a_pdf(cast, tmp_path):
    fill_board(cast.board, 2)
    target = tmp_path / "report.pdf"
    out = StringIO()
    call_command(
        "export_annual_report",
        "--board",
        cast.board.slug,
        "--year",
        "2016-17",
        "-o",
        str(target),
        stdout=out,
    )
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert "pages" in out.getvalue()
    assert "4. Subgroups" in "\n".join(page_texts(data))
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


@pytest.mark.parametrize(
    "args",
    [["--board", "nowhere", "--year", "2016-17"], ["--board", "north", "--year", "x"]],
)
def test_command_refuses_bad_arguments(cast, tmp_path, args):
    with pytest.raises(CommandError):
        call_command("export_annual_report", *args, "-o", str(tmp_path / "r.pdf"))
    assert not (tmp_path / "r.pdf").exists()
