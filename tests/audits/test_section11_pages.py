"""The Section 11 pages as the business team and the board use them: starting a
cycle, adding standards and questions before it opens, the results (compliance,
sector filter, counts, year on year, statutory partners), the organisations list
and form, a cycle's submissions and excluding one; bad input on every form, and
query budgets at two sizes."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from audits.apps import describe_audits
from audits.models import (
    Answer,
    Organisation,
    Question,
    Rating,
    Section11Cycle,
    Sector,
    Standard,
    Submission,
    SubmissionStatus,
)
from tests.audits.factories import OrganisationFactory, cycle_with
from tests.lists import assert_exports, assert_sorts

pytestmark = pytest.mark.django_db

B = "/boards/north/audits/"
S = B + "section-11/"
DURING = timezone.make_aware(timezone.datetime(2017, 1, 10, 12))
F, P, N, NA = Rating.FULLY, Rating.PARTIALLY, Rating.NOT_MET, Rating.NOT_APPLICABLE


def responses(cycle, rows, prefix="Org"):
    """Submissions made in bulk: each row (sector, ratings in question order,
    status, exclusion)."""
    questions = list(
        Question.objects.filter(standard__cycle=cycle).order_by(
            "standard__number", "number"
        )
    )
    orgs = Organisation.objects.bulk_create(
        Organisation(board=cycle.board, name=f"{prefix} {i}", sector=row[0])
        for i, row in enumerate(rows)
    )
    subs = Submission.objects.bulk_create(
        Submission(
            cycle=cycle,
            organisation=org,
            status=row[2] if len(row) > 2 else SubmissionStatus.SUBMITTED,
            submitted_at=DURING,
            exclusion=row[3] if len(row) > 3 else "",
            exclusion_reason="Sent twice" if len(row) > 3 else "",
        )
        for org, row in zip(orgs, rows, strict=True)
    )
    Answer.objects.bulk_create(
        Answer(submission=sub, question=q, rating=rating)
        for sub, row in zip(subs, rows, strict=True)
        for q, rating in zip(questions, row[1], strict=True)
    )
    return subs


def error_summary(response):
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is a problem" in text
    return text


# Cycles, standards, questions --------------------------------------------------


def test_home_says_when_there_is_no_audit_yet(cast, as_user):
    text = as_user(cast.board_member).get(B).content.decode()
    assert "There is no Section 11 audit yet." in text
    assert describe_audits(cast.board) == "No Section 11 audit yet"


def test_the_business_team_starts_a_cycle_with_last_years_standards(cast, as_user):
    cycle_with(cast.board, year=2015, standards=3, questions=2)
    response = as_user(cast.business_team).post(
        S + "new/",
        {
            "year": "2016",
            "opens_on_day": "8",
            "opens_on_month": "12",
            "opens_on_year": "2016",
            "closes_on_day": "13",
            "closes_on_month": "3",
            "closes_on_year": "2017",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == S + "2016/"
    cycle = Section11Cycle.objects.get(board=cast.board, year=2016)
    assert cycle.standards.count() == 3
    assert Question.objects.filter(standard__cycle=cycle).count() == 6
    text = as_user(cast.board_member).get(S + "2016/").content.decode()
    assert "Standard 3" in text and "Question 3.2?" in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the reporting year"),
        (
            {
                "year": "2016",
                "opens_on_day": "8",
                "opens_on_month": "12",
                "opens_on_year": "2016",
                "closes_on_day": "1",
                "closes_on_month": "12",
                "closes_on_year": "2016",
            },
            "The audit cannot close before it opens",
        ),
        (
            {
                "year": "2016",
                "opens_on_day": "31",
                "opens_on_month": "2",
                "opens_on_year": "2016",
                "closes_on_day": "1",
                "closes_on_month": "12",
                "closes_on_year": "2016",
            },
            "Enter a real date for opens on",
        ),
        (
            {
                "year": "twenty",
                "opens_on_day": "8",
                "opens_on_month": "12",
                "opens_on_year": "2016",
                "closes_on_day": "1",
                "closes_on_month": "3",
                "closes_on_year": "2017",
            },
            "The reporting year must be a whole number",
        ),
    ],
)
def test_bad_input_starting_a_cycle_saves_nothing(cast, as_user, data, message):
    response = as_user(cast.business_team).post(S + "new/", data)
    assert message in error_summary(response)
    assert not Section11Cycle.objects.exists()


def test_a_second_cycle_for_the_same_year_is_refused(cast, as_user):
    cycle_with(cast.board, year=2016)
    response = as_user(cast.business_team).post(
        S + "new/",
        {
            "year": "2016",
            "opens_on_day": "1",
            "opens_on_month": "1",
            "opens_on_year": "2017",
            "closes_on_day": "1",
            "closes_on_month": "2",
            "closes_on_year": "2017",
        },
    )
    assert "already has a Section 11 audit for this year" in error_summary(response)
    assert Section11Cycle.objects.count() == 1


@pytest.fixture
def future(cast):
    soon = timezone.localdate() + timedelta(days=10)
    return cycle_with(
        cast.board,
        year=2030,
        standards=1,
        questions=1,
        opens_on=soon,
        closes_on=soon + timedelta(days=60),
    )


def test_standards_and_questions_are_added_before_it_opens(cast, as_user, future):
    client = as_user(cast.business_team)
    page = client.get(S + "2030/standards/new/").content.decode()
    assert 'value="2"' in page  # the next number
    response = client.post(
        S + "2030/standards/new/", {"number": "2", "title": "Voice of the child"}
    )
    assert response.status_code == 302
    response = client.post(
        S + "2030/standards/2/questions/new/",
        {"number": "1", "text": "Do children help shape services?"},
    )
    assert response.status_code == 302
    text = client.get(S + "2030/").content.decode()
    assert "Voice of the child" in text and "Do children help shape services?" in text


def test_bad_standard_and_question_input_saves_nothing(cast, as_user, future):
    client = as_user(cast.business_team)
    assert "Enter the standard&#x27;s title" in error_summary(
        client.post(S + "2030/standards/new/", {"number": "2", "title": ""})
    )
    assert "already has a standard with this number" in error_summary(
        client.post(S + "2030/standards/new/", {"number": "1", "title": "Again"})
    )
    assert "Question must be 2,000 characters or fewer" in error_summary(
        client.post(
            S + "2030/standards/1/questions/new/", {"number": "2", "text": "x" * 2001}
        )
    )
    assert Standard.objects.filter(cycle=future).count() == 1
    assert Question.objects.filter(standard__cycle=future).count() == 1
    assert client.get(S + "2030/standards/9/questions/new/").status_code == 404


def test_no_standard_is_added_once_the_cycle_has_opened(cast, as_user):
    cycle = cycle_with(cast.board, year=2016, standards=1, questions=1)
    client = as_user(cast.business_team)
    response = client.post(S + "2016/standards/new/", {"number": "2", "title": "Late"})
    assert "The audit has opened" in error_summary(response)
    response = client.post(
        S + "2016/standards/1/questions/new/", {"number": "2", "text": "Late?"}
    )
    assert "The audit has opened" in error_summary(response)
    assert cycle.standards.count() == 1
    assert Question.objects.filter(standard__cycle=cycle).count() == 1


# Results ------------------------------------------------------------------------


@pytest.fixture
def results(cast):
    """2016-17: two standards of two questions and a third whose one question
    never applies; 2015-16 for the year-on-year table."""
    before = cycle_with(cast.board, year=2015, standards=3, questions=2)
    responses(
        before,
        [
            (Sector.SCHOOL, [F, F, F, F, NA, NA]),
            (Sector.SCHOOL, [N, F, F, N, NA, NA]),
            (Sector.SCHOOL, [F, N, F, N, NA, NA]),
        ],
        prefix="Old",
    )
    cycle = cycle_with(cast.board, year=2016, standards=2, questions=2)
    third = Standard.objects.create(cycle=cycle, number=3, title="Standard 3")
    Question.objects.create(standard=third, number=1, text="Question 3.1?")
    responses(
        cycle,
        [
            (Sector.STATUTORY, [F, F, F, F, NA]),
            (Sector.STATUTORY, [F, P, NA, NA, NA]),
            (Sector.SCHOOL, [N, F, F, F, NA]),
            (Sector.SCHOOL, [F, F, F, F, NA], SubmissionStatus.SUBMITTED, "duplicate"),
            (Sector.GP, [F, F, F, F, NA], SubmissionStatus.DRAFT),
        ],
    )
    return cycle


def cells(text, label):
    """The texts of the cells of the first row whose header starts with label."""
    row = re.search(
        r'<th scope="row" class="govuk-table__header">(?:<span[^>]*>)?'
        rf"{re.escape(label)}(.*?)</tr>",
        text,
        re.S,
    )
    assert row, label
    return re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)


def test_results_show_compliance_over_valid_submissions(cast, as_user, results):
    text = as_user(cast.lay_member).get(S + "2016/results/").content.decode()
    assert cells(text, "1. Standard 1") == ["1", "3", "33%"]
    assert cells(text, "1.1 Question 1.1?") == ["2", "3", "67%"]
    assert cells(text, "2.1 Question 2.1?") == ["2", "2", "100%"]
    assert cells(text, "2. Standard 2") == ["2", "2", "100%"]
    assert cells(text, "3. Standard 3") == ["0", "0", "No data"]
    assert cells(text, "School") == ["2", "1"]  # responses, valid
    assert cells(text, "Statutory agency") == ["2", "2"]
    assert '<dd class="govuk-summary-list__value">4</dd>' in text  # responses
    assert "Showing all sectors: 3 valid submissions." in text


def test_results_for_one_sector(cast, as_user, results):
    client = as_user(cast.contributor_x)
    text = client.get(S + "2016/results/?sector=statutory").content.decode()
    assert "Showing statutory agency submissions: 2 valid submissions." in text
    assert cells(text, "1. Standard 1") == ["1", "2", "50%"]
    assert cells(text, "1.1 Question 1.1?") == ["2", "2", "100%"]
    unknown = client.get(S + "2016/results/?sector=pirates")
    assert unknown.status_code == 200
    assert "Showing all sectors" in unknown.content.decode()


def test_results_compare_with_last_year_as_the_seed_prints(cast, as_user, results):
    text = as_user(cast.board_member).get(S + "2016/results/").content.decode()
    assert cells(text, "Number of responses") == ["3", "3", "-"]
    # Standard 1: 33% both years; standard 2: 1 of 3 fully met, then 2 of 2.
    table = text.split("Year-on-year comparison</th>")[1]
    assert cells(table, "1. Standard 1") == ["33%", "33%", "-"]
    assert cells(table, "2. Standard 2") == ["33%", "100%", "+67%"]
    assert cells(table, "3. Standard 3") == ["No data", "No data", "No data"]


def test_results_summarise_the_statutory_partners(cast, as_user, results):
    text = as_user(cast.chair).get(S + "2016/results/").content.decode()
    assert "1 of 2 statutory agencies (50%) fully met every standard." in text
    table = text.split("Statutory partners' answers per question</caption>")[1]
    assert cells(table, "1.2 Question 1.2?") == ["1", "1", "0", "0"]
    assert cells(table, "2.1 Question 2.1?") == ["1", "0", "0", "1"]


def test_latest_results_open_on_the_latest_cycle_with_data(cast, as_user, results):
    cycle_with(cast.board, year=2017)  # no submissions yet
    response = as_user(cast.board_member).get(S + "results/")
    assert response["Location"] == S + "2016/results/"
    assert describe_audits(cast.board) == "Section 11 2017-18: 0 valid responses"


def test_latest_results_without_data_go_to_the_audits_home(cast, as_user):
    response = as_user(cast.board_member).get(S + "results/")
    assert response["Location"] == B


def test_the_board_home_describes_the_latest_audit(cast, results):
    assert describe_audits(cast.board) == "Section 11 2016-17: 3 valid responses"


def test_results_without_submissions_say_so(cast, as_user):
    cycle_with(cast.board, year=2016)
    text = as_user(cast.board_member).get(S + "2016/results/").content.decode()
    assert "No statutory agency has a valid submission" in text
    assert "There is no earlier Section 11 audit to compare with." in text
    assert cells(text, "1. Standard 1") == ["0", "0", "No data"]


@pytest.mark.parametrize("size", [5, 500])
def test_results_run_constant_queries(
    cast, as_user, size, django_assert_max_num_queries
):
    before = cycle_with(cast.board, year=2015, standards=3, questions=3)
    responses(before, [(Sector.SCHOOL, [F] * 9)] * size, prefix="Old")
    cycle = cycle_with(cast.board, year=2016, standards=3, questions=3)
    sectors = [Sector.STATUTORY, Sector.SCHOOL, Sector.GP]
    responses(cycle, [(sectors[i % 3], [F, P, N] * 3) for i in range(size)])
    client = as_user(cast.board_member)
    with django_assert_max_num_queries(RESULTS_QUERIES):
        assert client.get(S + "2016/results/?sector=school").status_code == 200


# Measured 22 at both sizes: the session, user, board and roles, the cycle, year
# on year (9: both cycles' compliance and the previous cycle), the sector's
# compliance (4), the counts (1) and the statutory partners (3).
RESULTS_QUERIES = 22


# Organisations ------------------------------------------------------------------


def test_the_business_team_adds_and_changes_an_organisation(cast, as_user):
    client = as_user(cast.business_team)
    response = client.post(
        B + "organisations/new/",
        {
            "name": "Northshire Police",
            "sector": "statutory",
            "agency": cast.agency_x.pk,
            "active": "on",
        },
    )
    assert response.status_code == 302
    org = Organisation.objects.get(board=cast.board)
    assert (org.sector, org.agency, org.active) == ("statutory", cast.agency_x, True)
    response = client.post(
        B + f"organisations/{org.pk}/",
        {"name": "Northshire Constabulary", "sector": "statutory", "agency": ""},
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.name, org.agency, org.active) == (
        "Northshire Constabulary",
        None,
        False,
    )
    assert org.history.count() == 2
    listing = client.get(B + "organisations/?sector=statutory").content.decode()
    assert "Northshire Constabulary" in listing


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "sector": "school"}, "Enter the organisation&#x27;s name"),
        ({"name": "A school", "sector": ""}, "Select the organisation&#x27;s sector"),
        ({"name": "x" * 201, "sector": "school"}, "200 characters or fewer"),
        ({"name": "Existing", "sector": "school"}, "already has an organisation"),
        (
            {"name": "A school", "sector": "school", "agency": "999999"},
            "Select a board agency from the list",
        ),
    ],
)
def test_bad_organisation_input_saves_nothing(cast, as_user, data, message):
    OrganisationFactory(board=cast.board, name="Existing")
    response = as_user(cast.business_team).post(B + "organisations/new/", data)
    assert message in error_summary(response)
    assert Organisation.objects.count() == 1


def test_another_boards_agency_cannot_be_chosen(cast, as_user):
    other_agency = cast.other_board_member.memberships.first().agency
    response = as_user(cast.business_team).post(
        B + "organisations/new/",
        {"name": "A school", "sector": "school", "agency": other_agency.pk},
    )
    assert "Select a board agency from the list" in error_summary(response)
    assert not Organisation.objects.exists()


def test_organisations_filter_and_export(cast, as_user):
    OrganisationFactory(board=cast.board, name="Grange School", sector=Sector.SCHOOL)
    OrganisationFactory(board=cast.board, name="Fell Surgery", sector=Sector.GP)
    client = as_user(cast.chair)
    text = client.get(B + "organisations/?sector=gp").content.decode()
    assert "Fell Surgery" in text and "Grange School" not in text
    exported = client.get(B + "organisations/?sector=school&export=csv")
    assert exported["Content-Type"].startswith("text/csv")
    body = exported.content.decode()
    assert "Grange School" in body and "Fell Surgery" not in body
    empty = client.get(B + "organisations/?sector=voluntary").content.decode()
    assert "No organisations match these filters." in empty


# Submissions --------------------------------------------------------------------


@pytest.fixture
def submitted(cast):
    cycle = cycle_with(cast.board, year=2016, standards=1, questions=2)
    subs = responses(
        cycle,
        [
            (Sector.STATUTORY, [F, F]),
            (Sector.SCHOOL, [F, P]),
            (Sector.SCHOOL, [F, P], SubmissionStatus.SUBMITTED, "duplicate"),
            (Sector.GP, [F, F], SubmissionStatus.DRAFT),
        ],
    )
    return cycle, subs


def test_submissions_list_filters_and_says_excluded_with_reason(
    cast, as_user, submitted
):
    client = as_user(cast.business_team)
    text = client.get(S + "2016/submissions/").content.decode()
    assert "4 submissions found." in text
    assert "Duplicate response: Sent twice" in text
    text = client.get(S + "2016/submissions/?excluded=yes").content.decode()
    assert "1 submission found." in text
    text = client.get(S + "2016/submissions/?status=draft").content.decode()
    assert "1 submission found." in text and "Org 3" in text
    text = client.get(S + "2016/submissions/?sector=school&excluded=no").content
    assert "1 submission found." in text.decode()
    xlsx = client.get(S + "2016/submissions/?export=xlsx")
    assert xlsx["Content-Disposition"].endswith('2016-submissions.xlsx"')


def test_late_submissions_are_marked(cast, as_user, submitted):
    cycle, subs = submitted
    late = subs[0]
    late.submitted_at = timezone.make_aware(timezone.datetime(2017, 3, 20, 12))
    late.late_reason = "Accepted: the lead was on leave"
    late.save()
    body = as_user(cast.chair).get(S + "2016/submissions/?export=csv").content
    lines = body.decode().splitlines()
    assert lines[0].lstrip("\ufeff").split(",")[4] == "Late"
    assert lines[1].split(",")[4] == "Late"
    assert lines[2].split(",")[4] == "On time"


def test_excluding_a_submission_leaves_it_out_of_the_results(cast, as_user, submitted):
    cycle, subs = submitted
    client = as_user(cast.business_team)
    url = S + f"2016/submissions/{subs[1].pk}/exclude/"
    response = client.post(
        url, {"exclusion": "partial", "reason": "Half answered", "version": "1"}
    )
    assert response.status_code == 302
    subs[1].refresh_from_db()
    assert subs[1].exclusion == "partial" and not subs[1].is_valid
    text = client.get(S + "2016/results/").content.decode()
    assert "Showing all sectors: 1 valid submission." in text


@pytest.mark.parametrize(
    ("data", "message", "status"),
    [
        ({"reason": "Sent twice", "version": "1"}, "Select partial or duplicate", 200),
        ({"exclusion": "partial", "version": "1"}, "Enter why the submission", 200),
        ({"exclusion": "partial", "reason": "x" * 501, "version": "1"}, "500", 200),
        (
            {"exclusion": "other", "reason": "x", "version": "1"},
            "Select partial or",
            200,
        ),
        ({"exclusion": "partial", "reason": "x", "version": "7"}, "changed", 409),
    ],
)
def test_bad_exclusion_input_saves_nothing(
    cast, as_user, submitted, data, message, status
):
    cycle, subs = submitted
    response = as_user(cast.business_team).post(
        S + f"2016/submissions/{subs[0].pk}/exclude/", data
    )
    assert response.status_code == status
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    subs[0].refresh_from_db()
    assert subs[0].exclusion == ""


@pytest.mark.parametrize("size", [5, 500])
def test_submissions_list_runs_constant_queries(
    cast, as_user, size, django_assert_max_num_queries
):
    cycle = cycle_with(cast.board, year=2016, standards=1, questions=1)
    responses(cycle, [(Sector.SCHOOL, [F])] * size)
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(SUBMISSIONS_QUERIES):
        assert client.get(S + "2016/submissions/?sector=school").status_code == 200


# Measured 7 at both sizes: the session, user, board and roles, the cycle, the
# count and the page.
SUBMISSIONS_QUERIES = 7


def test_bad_input_changing_an_organisation_saves_nothing(cast, as_user):
    OrganisationFactory(board=cast.board, name="Existing")
    org = OrganisationFactory(board=cast.board, name="Grange School")
    url = B + f"organisations/{org.pk}/"
    client = as_user(cast.business_team)
    assert 'value="Grange School"' in client.get(url).content.decode()
    response = client.post(url, {"name": "Existing", "sector": "school"})
    assert "already has an organisation" in error_summary(response)
    org.refresh_from_db()
    assert (org.name, org.active) == ("Grange School", True)
    other = OrganisationFactory(board=cast.other_board, name="Theirs")
    assert client.get(B + f"organisations/{other.pk}/").status_code == 404


def test_the_lists_sort_and_export_what_they_show(cast, as_user):
    cycle = cycle_with(cast.board, year=2016, standards=1, questions=1)
    rows = [(Sector.SCHOOL, [F]), (Sector.GP, [F]), (Sector.STATUTORY, [N])] * 20
    rows[0] = (Sector.SCHOOL, [F], SubmissionStatus.DRAFT)
    responses(cycle, rows)
    client = as_user(cast.business_team)
    submissions = S + "2016/submissions/"
    assert_sorts(client, submissions, "organisation")
    assert_sorts(client, submissions, "sector")
    assert_sorts(client, submissions, "status")
    assert len(assert_exports(client, submissions, {"sector": "gp"})) == 20
    organisations = B + "organisations/"
    assert_sorts(client, organisations, "name")
    assert_sorts(client, organisations, "sector")
    assert len(assert_exports(client, organisations)) == 60
