"""Section 13 of the annual report (multi-agency quality audits) in the PDF, and
the meeting pack's Section 11 and multi-agency audits parts when the Reporting
Planner has them due."""

from datetime import date

import pytest

from audits import pdf, services
from audits.models import Grading, RecommendationStatus, Sector
from reports.documents import annual_report
from reports.meeting_pack import meeting_pack
from reports.sections import SECTIONS, build_sections
from subgroups.models import ReportKind
from tests.audits.factories import OrganisationFactory, cycle_with, submitted
from tests.boards.factories import MembershipFactory
from tests.business_plan.factories import SubgroupFactory
from tests.reports.helpers import contents_entries, page_texts
from tests.subgroups.factories import MeetingFactory, PlanItemFactory

pytestmark = pytest.mark.django_db

TITLE = "Multi-Agency Quality Audits"
RI = Grading.REQUIRES_IMPROVEMENT


def flat(texts) -> str:
    return " ".join(" ".join(texts).split())


def make_audit(cast, theme, audited_on, *, group=None, gradings=(), **texts):
    audit = services.case_audit_create(
        board=cast.board,
        user=cast.business_team,
        theme=theme,
        group=group,
        audited_on=audited_on,
        cases_audited=max(len(gradings), 1),
        good_practice=texts.get("good", ""),
        areas_for_improvement=texts.get("improve", ""),
    )
    for n, grading in enumerate(gradings, start=1):
        services.grading_record(
            audit=audit, user=cast.business_team, case=f"Case {n}", grading=grading
        )
    return audit


def recommend(cast, audit, number, text, *, due, **progress):
    rec = services.recommendation_create(
        audit=audit,
        user=cast.business_team,
        number=number,
        text=text,
        owner_agency=cast.agency_x,
        due_date=due,
    )
    if progress:
        services.recommendation_record_progress(
            recommendation=rec, user=cast.business_team, version=rec.version, **progress
        )
    return rec


@pytest.fixture
def audits(cast):
    chair = MembershipFactory(board=cast.board, agency=cast.agency_x)
    north = SubgroupFactory(
        board=cast.board, name="Quality Assurance Group North", chair=chair
    )
    missing = make_audit(
        cast,
        "Missing from Home",
        date(2016, 7, 14),
        group=north,
        good="- Good information sharing between agencies",
        improve="- Stage 1 and 2 meetings were not consistently taking place",
    )
    recommend(
        cast,
        missing,
        1,
        "Hold stage 1 and 2 meetings for every child",
        due=date(2017, 6, 30),
        status=RecommendationStatus.IN_PROGRESS,
        rag="A",
        evidence="",
    )
    recommend(
        cast,
        missing,
        2,
        "Closed recommendation of the audit",
        due=date(2016, 12, 31),
        status=RecommendationStatus.COMPLETE,
        rag="",
        evidence="Checked by a dip sample.",
    )
    domestic = make_audit(
        cast,
        "Domestic Abuse",
        date(2017, 1, 9),
        gradings=[RI, RI, Grading.GOOD, RI],
    )
    make_audit(cast, "Next year's audit", date(2017, 4, 3))
    make_audit(cast, "Last year's audit", date(2016, 3, 31))
    return missing, domestic


# Section 13 of the annual report -----------------------------------------------


def test_the_section_comes_after_the_indicators():
    keys = [s.key for s in SECTIONS]
    assert keys[keys.index("indicators") + 1] == "case_audits"


def test_the_years_audits_only(cast, audits):
    data = pdf.case_audits(cast.board, 2016)
    assert data["themes"] == ["Missing from Home", "Domestic Abuse"]
    assert data["groups"] == [
        {"name": "Quality Assurance Group North", "chair": "Northshire Constabulary"}
    ]
    missing, domestic = data["audits"]
    assert missing["good_practice"] == ["Good information sharing between agencies"]
    assert domestic["gradings_text"] == "1 good, 3 requires improvement"
    assert pdf.case_audits(cast.board, 2018) is None
    assert "case_audits" not in [s.key for s in build_sections(cast.board, 2018)]


def test_the_pdf_prints_the_groups_themes_gradings_and_recommendations(cast, audits):
    data, pages = annual_report(cast.board, 2016)
    texts = page_texts(data)
    _, entries = contents_entries(texts)
    headings = [h.split(". ", 1)[1] for h, _ in entries]
    assert TITLE in headings
    start = dict(entries)[f"{headings.index(TITLE) + 1}. {TITLE}"]
    following = [p for _, p in entries if p > start] + [pages + 1]
    text = flat(texts[start - 1 : following[0] - 1])
    assert (
        "In 2016-17 2 audits were carried out, on these themes: Missing from Home "
        "and Domestic Abuse. The groups that audited: Quality Assurance Group North "
        "(chaired by Northshire Constabulary)." in text
    )
    assert "Good practice: Good information sharing between agencies" in text
    assert (
        "Areas for improvement: Stage 1 and 2 meetings were not consistently "
        "taking place" in text
    )
    assert "4 cases audited, graded 1 good, 3 requires improvement" in text
    assert "Case 3 good" in text
    assert "Hold stage 1 and 2 meetings for every child" in text
    assert "Northshire Constabulary 30 Jun 2017 In progress Amber" in text
    assert "Closed recommendation of the audit" in text and "Complete" in text
    assert "Next year's audit" not in text and "Last year's audit" not in text


# The meeting pack ----------------------------------------------------------------


def test_a_meeting_with_section_11_and_audit_reports_due_prints_them(cast, audits):
    earlier = cycle_with(
        cast.board, year=2015, opens_on=date(2015, 12, 1), closes_on=date(2016, 3, 1)
    )
    cycle = cycle_with(cast.board, year=2016)
    cycle_with(cast.board, year=2017, opens_on=date(2017, 3, 1))  # no data yet
    for n in range(4):
        organisation = OrganisationFactory(
            board=cast.board,
            name=f"Agency {n}",
            sector=Sector.STATUTORY if n < 2 else Sector.SCHOOL,
        )
        submitted(earlier, organisation)
        submitted(cycle, organisation, ratings={"2.1": "partially"} if n else {})
    PlanItemFactory(board=cast.board, what="S.11 Audit", kind=ReportKind.SECTION_11)
    PlanItemFactory(
        board=cast.board,
        what="Multi Agency Audits",
        kind=ReportKind.MULTI_AGENCY_AUDITS,
    )
    MeetingFactory(board=cast.board, date=date(2016, 11, 10))
    meeting = MeetingFactory(board=cast.board, date=date(2017, 3, 9))
    data, _ = meeting_pack(meeting)
    text = flat(page_texts(data))
    section_11 = text.split("S.11 Audit")[-1].split("Multi Agency Audits")[0]
    assert "The 2016-17 audit ran from 8 December 2016 to 13 March 2017" in section_11
    assert "a total of 4 valid responses" in section_11
    assert "A total of 2 submissions were received from statutory agencies" in (
        section_11
    )
    assert "Standard 1 100% 100% -" in section_11
    assert "Standard 2 100% 25% -75%" in section_11
    audits_part = text.split("Multi Agency Audits")[-1]
    # Every meeting: the audits since the meeting of 10 November 2016.
    assert "The multi-agency case audits since 10 November 2016" in audits_part
    assert "Domestic Abuse" in audits_part
    assert "graded 1 good, 3 requires improvement" in audits_part
    assert "Missing from Home" not in audits_part


def test_the_first_audits_report_of_the_year_prints_the_latest_years_open_ones(
    cast, audits
):
    data = pdf.case_audits_pack(cast.board, date(2017, 3, 9))
    assert data["period"] == "in 2016-17"
    missing, domestic = data["audits"]
    assert [r["text"] for r in missing["recommendations"]] == [
        "Hold stage 1 and 2 meetings for every child"
    ]
    assert data["open"] == 1 and data["cases"] == 5
    assert pdf.case_audits_pack(cast.board, date(2017, 3, 9), date(2017, 2, 1)) is None


def test_reports_without_data_are_listed_as_due(cast):
    PlanItemFactory(board=cast.board, what="S.11 Audit", kind=ReportKind.SECTION_11)
    PlanItemFactory(
        board=cast.board,
        what="Multi Agency Audits",
        kind=ReportKind.MULTI_AGENCY_AUDITS,
    )
    cycle_with(cast.board, year=2016)  # no submissions
    meeting = MeetingFactory(board=cast.board, date=date(2017, 3, 9))
    text = flat(page_texts(meeting_pack(meeting)[0]))
    assert "Reports not received Reports due at this meeting" in text
    assert "Multi Agency Audits The board 2 March 2017 Late" in text
    assert "S.11 Audit The board 2 March 2017 Late" in text
    assert "The multi-agency case audits" not in text
    assert "audit ran from" not in text
