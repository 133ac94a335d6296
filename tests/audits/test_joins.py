"""The audits app joined to the rest of the portal: the board home's line (the
open audit's responses against the organisations expected), the page of who has
not responded, and the agency page's Section 11 answers and case-audit
recommendations; who may see them and their queries at two sizes."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audits import selectors, services
from audits.apps import describe_audits
from audits.models import Organisation, RecommendationStatus, Sector, Submission
from lscb_portal.sections import agency_sections_for
from tests.audits.factories import OrganisationFactory, cycle_with, submitted
from tests.matrix import allow, permission_matrix

pytestmark = pytest.mark.django_db

B = "/boards/north/audits/"
S = B + "section-11/"


def open_cycle(board, year=2017):
    today = timezone.localdate()
    return cycle_with(
        board,
        year=year,
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=90),
    )


def cells(text, label):
    """The texts of the cells of the first row whose header starts with label."""
    row = re.search(
        rf'<th scope="row" class="govuk-table__header">{re.escape(label)}(.*?)</tr>',
        text,
        re.S,
    )
    assert row, label
    return re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)


def agency_url(agency):
    return f"/boards/north/agencies/{agency.pk}/"


# The board home ------------------------------------------------------------------


def test_the_board_home_counts_the_open_audits_responses_against_those_expected(
    cast, django_assert_max_num_queries
):
    cycle_with(cast.board, year=2016)
    cycle = open_cycle(cast.board)
    answered, drafting, _silent = (
        OrganisationFactory(board=cast.board, name=f"School {n}") for n in range(3)
    )
    retired = OrganisationFactory(board=cast.board, name="Closed school", active=False)
    submitted(cycle, answered)
    submitted(cycle, drafting, status="draft")
    submitted(cycle, retired)  # not expected, so not counted either
    OrganisationFactory(board=cast.other_board, name="Their school")
    with django_assert_max_num_queries(2):
        line = describe_audits(cast.board)
    assert line == "Section 11 2017-18 open: 1 of 3 organisations have responded"


def test_the_board_home_shows_the_latest_audits_valid_responses_when_none_is_open(
    cast,
):
    cycle = cycle_with(cast.board, year=2016)
    submitted(cycle, OrganisationFactory(board=cast.board))
    assert describe_audits(cast.board) == "Section 11 2016-17: 1 valid response"


# Who has not responded -------------------------------------------------------------


@pytest.fixture
def respondents(cast):
    cycle = open_cycle(cast.board)
    submitted(cycle, OrganisationFactory(board=cast.board, name="Answered School"))
    submitted(
        cycle,
        OrganisationFactory(board=cast.board, name="Drafting School"),
        status="draft",
    )
    OrganisationFactory(
        board=cast.board,
        name="Northshire Constabulary",
        sector=Sector.STATUTORY,
        agency=cast.agency_x,
    )
    OrganisationFactory(board=cast.board, name="Closed School", active=False)
    OrganisationFactory(board=cast.other_board, name="Southshire School")
    return cycle


def test_who_has_not_responded_lists_active_organisations_without_a_response(
    cast, respondents, as_user
):
    page = as_user(cast.business_team).get(S + "2017/not-responded/")
    text = page.content.decode()
    assert "2 organisations have not responded." in text
    assert "Drafting School" in text and "Draft begun" in text
    assert "Northshire Constabulary" in text and "Not started" in text
    for absent in ("Answered School", "Closed School", "Southshire School"):
        assert absent not in text
    names = [o.name for o in selectors.non_respondents(respondents)]
    assert names == ["Drafting School", "Northshire Constabulary"]


def test_who_has_not_responded_exports_the_list(cast, respondents, as_user):
    response = as_user(cast.chair).get(S + "2017/not-responded/?export=csv")
    rows = response.content.decode("utf-8-sig").splitlines()
    assert rows[0] == "Organisation,Sector,Board agency,Submission"
    assert rows[1:] == [
        "Drafting School,School,Not a board agency,Draft begun",
        "Northshire Constabulary,Statutory agency,Northshire Constabulary,Not started",
    ]


def test_every_active_organisation_having_responded_is_said(cast, as_user):
    cycle = open_cycle(cast.board)
    submitted(cycle, OrganisationFactory(board=cast.board))
    text = as_user(cast.chair).get(S + "2017/not-responded/").content.decode()
    assert "Every active organisation has responded." in text


def test_the_submissions_page_and_the_audits_home_link_to_who_has_not_responded(
    cast, respondents, as_user
):
    link = reverse("audits:non-respondents", args=["north", 2017])
    assert link in as_user(cast.business_team).get(S + "2017/submissions/").text
    home = as_user(cast.chair).get(B).content.decode()
    assert link in home
    assert "Who has not responded to the Section 11 audit 2017-18" in home
    assert link not in as_user(cast.contributor_x).get(S + "2017/submissions/").text
    assert link not in as_user(cast.board_member).get(B).content.decode()


def test_the_audits_home_links_to_the_latest_cycle_when_none_is_open(cast, as_user):
    cycle_with(cast.board, year=2016)
    home = as_user(cast.chair).get(B).content.decode()
    assert reverse("audits:non-respondents", args=["north", 2016]) in home


NOT_RESPONDED = allow(200, "chair", "business_team")


@permission_matrix(
    [
        (S + "2017/not-responded/", "get", NOT_RESPONDED),
        (S + "2099/not-responded/", "get", allow(404, "chair", "business_team")),
    ]
)
def test_permission_matrix(who, method, url, expected, respondents, visit):
    visit(who, method, url, expected)


def test_who_has_not_responded_has_constant_queries(
    cast, as_user, django_assert_max_num_queries
):
    cycle = open_cycle(cast.board)
    client = as_user(cast.business_team)

    def add(n, start):
        for i in range(start, start + n):
            organisation = OrganisationFactory(
                board=cast.board, name=f"Org {i:03d}", agency=cast.agency_x
            )
            if i % 3 == 0:
                submitted(cycle, organisation, status="draft")

    add(3, 0)
    url = S + "2017/not-responded/"
    client.get(url)
    with django_assert_max_num_queries(20) as small:
        assert client.get(url).status_code == 200
    add(60, 3)
    with django_assert_max_num_queries(len(small.captured_queries)):
        text = client.get(url).content.decode()
    assert "63 organisations have not responded." in text


# The agency page ---------------------------------------------------------------


@pytest.fixture
def agency_answers(cast):
    """Agency X answered 2015-16 fully met and 2016-17 short on standard 2."""
    organisation = OrganisationFactory(
        board=cast.board,
        name="Northshire Constabulary",
        sector=Sector.STATUTORY,
        agency=cast.agency_x,
    )
    before = cycle_with(
        cast.board,
        year=2015,
        opens_on=date(2015, 12, 1),
        closes_on=date(2016, 3, 1),
    )
    now = cycle_with(cast.board, year=2016)
    submitted(before, organisation)
    submitted(now, organisation, ratings={"2.1": "partially", "1.2": "na"})
    theirs = OrganisationFactory(board=cast.board, agency=cast.agency_y)
    submitted(now, theirs, rating="not_met")
    return organisation


def _section(page, title):
    text = page.content.decode()
    assert f">{title}</h2>" in text, title
    return text.split(f">{title}</h2>", 1)[1].split("<h2", 1)[0]


def test_the_agency_page_shows_its_answers_this_cycle_and_last(
    cast, agency_answers, as_user
):
    for who in (cast.contributor_x, cast.chair, cast.business_team):
        part = _section(
            as_user(who).get(agency_url(cast.agency_x)), "Section 11 answers"
        )
        assert "2016-17</th>" in part and "2015-16</th>" in part
        assert part.index("2016-17") < part.index("2015-16")
        assert cells(part, "Submission") == ["Submitted", "Submitted"]
        assert cells(part, "1. Standard 1") == ["Fully met", "Fully met"]  # 1.2 N/A
        assert cells(part, "2. Standard 2") == ["Not fully met", "Fully met"]


def test_other_agencies_and_board_members_see_no_answers(cast, agency_answers, as_user):
    for who in (cast.contributor_y, cast.board_member, cast.lay_member):
        text = as_user(who).get(agency_url(cast.agency_x)).content.decode()
        assert "Section 11 answers" not in text
    assert agency_sections_for(cast.agency_x) == [
        s
        for s in agency_sections_for(cast.agency_x)
        if s["title"] != "Section 11 answers"
    ]


def test_an_agency_without_a_submission_this_cycle_says_so(cast, as_user):
    OrganisationFactory(board=cast.board, agency=cast.agency_x)
    cycle_with(cast.board, year=2016)
    part = _section(
        as_user(cast.contributor_x).get(agency_url(cast.agency_x)), "Section 11 answers"
    )
    assert "No submission" in part


def _recommendation(cast, audit, number, agency, **progress):
    rec = services.recommendation_create(
        audit=audit,
        user=cast.business_team,
        number=number,
        text=f"Recommendation {number} text",
        owner_agency=agency,
        due_date=date(2017, 9, 30) - timedelta(days=number),
    )
    if progress:
        services.recommendation_record_progress(
            recommendation=rec, user=cast.business_team, version=rec.version, **progress
        )
    return rec


def _audit(cast, theme="Missing from home"):
    return services.case_audit_create(
        board=cast.board,
        user=cast.business_team,
        theme=theme,
        group=None,
        audited_on=date(2017, 1, 20),
        cases_audited=4,
        good_practice="",
        areas_for_improvement="",
    )


def test_the_agency_page_lists_the_open_case_audit_recommendations_it_owns(
    cast, as_user
):
    audit = _audit(cast)
    _recommendation(
        cast, audit, 1, cast.agency_x, status="in_progress", rag="A", evidence=""
    )
    _recommendation(
        cast,
        audit,
        2,
        cast.agency_x,
        status=RecommendationStatus.COMPLETE,
        rag="",
        evidence="Done and checked.",
    )
    _recommendation(cast, audit, 3, cast.agency_y)
    page = as_user(cast.board_member).get(agency_url(cast.agency_x))
    part = _section(page, "Case-audit recommendations it owns")
    assert "1 open recommendation of multi-agency case audits." in part
    assert "Recommendation 1 text" in part and "29 Sep 2017" in part
    assert "Amber" in part and "In progress" in part
    assert "Recommendation 2 text" not in part
    assert "Recommendation 3 text" not in part
    assert reverse("audits:case-audit", args=["north", audit.pk]) in part


def test_an_agency_owning_no_open_recommendation_says_so(cast, as_user):
    page = as_user(cast.board_member).get(agency_url(cast.agency_y))
    part = _section(page, "Case-audit recommendations it owns")
    assert "The agency owns no open recommendation of a case audit." in part


def test_the_agency_page_parts_have_constant_queries(
    cast, as_user, django_assert_max_num_queries
):
    client = as_user(cast.chair)
    cycles = [
        cycle_with(cast.board, year=2015, opens_on=date(2015, 12, 1)),
        cycle_with(cast.board, year=2016),
    ]
    audit = _audit(cast)

    def add(n, start):
        for i in range(start, start + n):
            organisation = Organisation.objects.create(
                board=cast.board,
                name=f"X part {i}",
                sector="other",
                agency=cast.agency_x,
            )
            for cycle in cycles:
                submitted(cycle, organisation)
            _recommendation(cast, audit, i + 1, cast.agency_x)

    add(1, 0)
    client.get(agency_url(cast.agency_x))
    with django_assert_max_num_queries(60) as small:
        assert client.get(agency_url(cast.agency_x)).status_code == 200
    add(8, 1)
    with django_assert_max_num_queries(len(small.captured_queries)):
        text = client.get(agency_url(cast.agency_x)).content.decode()
    assert "9 open recommendations of multi-agency case audits." in text
    assert text.count("each standard fully met or not") == 9
    assert Submission.objects.count() == 18
