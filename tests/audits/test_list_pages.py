"""The audits lists that sort and export through the shared list component: every
Section 11 audit on the audits home, the staff surveys, and a case audit's
recommendations and gradings."""

from datetime import date

import pytest

from audits import services
from tests.audits.factories import StaffSurveyFactory, cycle_with, survey_question
from tests.audits.test_case_audits import make_audit, make_rec
from tests.lists import assert_exports, assert_sorts, export, page_rows

pytestmark = pytest.mark.django_db

B = "/boards/north/audits/"


def test_every_section_11_audit_sorts_and_exports(cast, as_user):
    for year in (2014, 2015, 2016):
        cycle_with(
            cast.board,
            year=year,
            standards=1,
            questions=1,
            opens_on=date(year, 9, 1),
            closes_on=date(year, 11, 30 - year % 3),
        )
    client = as_user(cast.business_team)
    response = client.get(B)
    assert page_rows(response)[0][:3] == ["2016-17", "1 Sep 2016", "30 Nov 2016"]
    ascending = assert_sorts(client, B, "year")
    assert [row[0] for row in ascending] == ["2014-15", "2015-16", "2016-17"]
    assert_sorts(client, B, "closes")
    assert len(assert_exports(client, B)) == 3
    # The links to each audit's results and submissions are not exported.
    header = export(client, B, "csv")[0]
    assert header == ["Year", "Opens", "Closes", "Valid responses"]
    assert "Submissions<span" in response.content.decode()


def test_a_board_member_sees_no_submissions_column(cast, as_user):
    cycle_with(cast.board, year=2016, standards=1, questions=1)
    response = as_user(cast.board_member).get(B)
    labels = [h["column"].label for h in response.context["table"]["headers"]]
    assert "Submissions" not in labels
    assert "/submissions/" not in response.content.decode()


def test_the_staff_surveys_sort_and_export(cast, as_user):
    for year, respondents in ((2014, 250), (2015, 301), (2016, 368)):
        survey = StaffSurveyFactory(
            board=cast.board,
            year=year,
            opened_on=date(year, 6, 17),
            closed_on=date(year, 7, 22),
            respondents=respondents,
        )
        for _ in range(year - 2013):
            survey_question(survey, [("Yes", 10), ("No", 2)])
    client = as_user(cast.board_member)
    url = B + "staff-surveys/"
    response = client.get(url)
    assert page_rows(response) == [
        ["Staff survey 2016", "17 Jun 2016", "22 Jul 2016", "368", "3"],
        ["Staff survey 2015", "17 Jun 2015", "22 Jul 2015", "301", "2"],
        ["Staff survey 2014", "17 Jun 2014", "22 Jul 2014", "250", "1"],
    ]
    assert_sorts(client, url, "survey")
    by_count = assert_sorts(client, url, "questions")
    assert [row[4] for row in by_count] == ["1", "2", "3"]
    assert_sorts(client, url, "respondents")
    assert len(assert_exports(client, url)) == 3


def test_a_case_audits_recommendations_and_gradings_sort_and_export(cast, as_user):
    audit = make_audit(cast, cases=3)
    for number, agency in ((1, cast.agency_y), (2, cast.agency_x), (3, cast.agency_y)):
        make_rec(cast, audit, number=number, agency=agency)
    for case, grading in (("Case 1", "good"), ("Case 2", "inadequate")):
        services.grading_record(
            audit=audit, user=cast.business_team, case=case, grading=grading
        )
    client = as_user(cast.business_team)
    url = f"{B}case-audits/{audit.pk}/"
    assert_sorts(client, url, "number")
    assert_sorts(client, url, "owner")
    rows = assert_exports(client, url)
    assert [row[0] for row in rows] == ["1", "2", "3"]
    page = client.get(url).content.decode()
    assert "Record progress<span" in page  # the business team records progress
    gradings = {"prefix": "gradings-", "context": "gradings_table"}
    assert_sorts(client, url, "grading", **gradings)
    assert assert_exports(client, url, **gradings) == [
        ["Case 1", "Good"],
        ["Case 2", "Inadequate"],
    ]
