"""The e-learning page and its forms: a year's headline from the provider's
reported totals, its departments, both totals and the difference in words when
they disagree, learner feedback and every year with its rate; the reported
totals and a department's return entered by those who may."""

import pytest

from training.models import ElearningReturn, ElearningYear, LearnerFeedback

from .factories import ElearningReturnFactory, ElearningYearFactory

pytestmark = pytest.mark.django_db

PAGE = "/boards/north/training/e-learning/"


@pytest.fixture
def years(cast):
    """2015-16 agreeing with its departments; 2016-17 as the seed prints it:
    cells of 10,948 allocated and 8,846 passed under totals of 10,950 and 8,839."""
    before = ElearningYearFactory(
        board=cast.board, year=2015, reported_allocated=6753, reported_passed=5533
    )
    ElearningReturnFactory(elearning_year=before, allocated=6753, passed=5533)
    latest = ElearningYearFactory(
        board=cast.board, year=2016, reported_allocated=10950, reported_passed=8839
    )
    ElearningReturnFactory(
        elearning_year=latest,
        department="Children's Services",
        agency=cast.agency_x,
        allocated=10000,
        passed=8000,
    )
    ElearningReturnFactory(
        elearning_year=latest,
        department="Voluntary groups",
        agency=cast.agency_y,
        allocated=948,
        passed=846,
    )
    LearnerFeedback.objects.create(
        elearning_year=latest,
        number=1,
        statement="found the system easy to access and navigate",
        percent=95,
    )
    return before, latest


def test_the_page_opens_on_the_latest_year_and_says_so(cast, years, as_user):
    page = as_user(cast.board_member).get(PAGE).content.decode()
    assert "E-learning 2016-17" in page
    assert "Showing 2016-17, the latest year with figures" in page
    assert "10,950" in page and "8,839" in page and "81%" in page
    assert "Children&#x27;s Services" in page
    assert "95%</strong> found the system easy to access and navigate" in page


def test_a_disagreement_shows_both_totals_and_the_difference_in_words(
    cast, years, as_user
):
    page = as_user(cast.board_member).get(PAGE).content.decode()
    assert "The departments' returns add up to 10,948 allocated and 8,846" in page
    assert "the provider's report totals 10,950 allocated and 8,839" in page
    assert "give 2 more allocated and 7 fewer passed than the departments" in page


def test_an_earlier_year_agrees_and_says_nothing_of_a_difference(cast, years, as_user):
    page = as_user(cast.board_member).get(PAGE + "?year=2015").content.decode()
    assert "E-learning 2015-16" in page
    assert "6,753" in page and "82%" in page
    assert "add up to" not in page
    missing = as_user(cast.board_member).get(PAGE + "?year=2012").content.decode()
    assert "There are no e-learning figures for 2012-13" in missing
    assert "showing 2016-17" in missing


def test_year_on_year_lists_every_year_with_its_rate(cast, years, as_user):
    export = as_user(cast.board_member).get(PAGE + "?years-export=csv")
    rows = export.content.decode().lstrip("\ufeff").splitlines()
    assert rows == [
        "Year,Allocated,Passed,Completion rate",
        '2015-16,"6,753","5,533",82%',
        '2016-17,"10,950","8,839",81%',
    ]


def test_the_departments_export_as_the_page_shows_them(cast, years, as_user):
    export = as_user(cast.board_member).get(PAGE + "?export=csv&sort=passed")
    rows = export.content.decode().lstrip("\ufeff").splitlines()
    assert rows[0] == "Department,Board agency,Allocated,Passed,Completion rate"
    assert rows[1] == "Voluntary groups,Northshire Voluntary Sector,948,846,89%"


def test_the_business_team_sets_the_reported_totals(cast, years, as_user):
    client = as_user(cast.business_team)
    url = PAGE + "2016/totals/"
    response = client.post(
        url, {"reported_allocated": "10948", "reported_passed": "8846", "version": 1}
    )
    assert response.status_code == 302
    assert response["Location"] == PAGE + "?year=2016"
    stale = client.post(
        url, {"reported_allocated": "1", "reported_passed": "1", "version": 1}
    )
    assert stale.status_code == 409
    page = client.get(PAGE).content.decode()
    assert "add up to" not in page


def test_reported_totals_with_more_passed_than_allocated_are_refused(
    cast, years, as_user
):
    response = as_user(cast.business_team).post(
        PAGE + "2017/totals/", {"reported_allocated": "10", "reported_passed": "11"}
    )
    assert response.status_code == 200
    assert "11 passed is more than the 10 allocated" in response.content.decode()
    assert not ElearningYear.objects.filter(year=2017).exists()


def test_a_new_year_starts_from_its_totals(cast, as_user):
    client = as_user(cast.business_team)
    assert "Start 20" in client.get(PAGE).content.decode()
    assert (
        client.post(
            PAGE + "2016/totals/",
            {"reported_allocated": "10950", "reported_passed": "8839"},
        ).status_code
        == 302
    )
    assert "E-learning 2016-17" in client.get(PAGE).content.decode()
    assert client.get(PAGE + "1800/totals/").status_code == 404


RETURN = {
    "department": "Early Years",
    "allocated": "40",
    "passed": "30",
}


def test_a_return_with_more_passed_than_allocated_or_negative_saves_nothing(
    cast, years, as_user
):
    client = as_user(cast.business_team)
    url = PAGE + "2016/returns/"
    over = client.post(url, RETURN | {"passed": "41"}).content.decode()
    assert "41 passed is more than the 40 allocated" in over
    negative = client.post(url, RETURN | {"allocated": "-1"}).content.decode()
    assert "Allocated must be 0 or more" in negative
    assert not ElearningReturn.objects.filter(department="Early Years").exists()


def test_the_business_team_enters_any_department_and_replaces_one(cast, years, as_user):
    client = as_user(cast.business_team)
    url = PAGE + "2016/returns/"
    assert client.post(url, RETURN).status_code == 302
    assert ElearningReturn.objects.get(department="Early Years").agency is None
    replaced = RETURN | {"department": "voluntary groups", "agency": cast.agency_y.pk}
    assert client.post(url, replaced).status_code == 302
    voluntary = ElearningReturn.objects.get(department="Voluntary groups")
    assert (voluntary.allocated, voluntary.passed) == (40, 30)


def test_a_contributor_enters_only_its_own_agency_departments(cast, years, as_user):
    client = as_user(cast.contributor_x)
    url = PAGE + "2016/returns/"
    form = client.get(url).content.decode()
    assert cast.agency_x.name in form and cast.agency_y.name not in form
    mine = RETURN | {"agency": cast.agency_x.pk}
    assert client.post(url, mine).status_code == 302
    assert ElearningReturn.objects.get(department="Early Years").agency == cast.agency_x
    theirs = client.post(url, RETURN | {"agency": cast.agency_y.pk})
    assert "Select your agency from the list" in theirs.content.decode()
    # Replacing a department another agency returned is refused.
    clash = client.post(url, mine | {"department": "Voluntary groups"})
    assert "return was given for another agency" in clash.content.decode()
    voluntary = ElearningReturn.objects.get(department="Voluntary groups")
    assert voluntary.agency == cast.agency_y and voluntary.allocated == 948
    other = ElearningReturn.objects.get(department="Voluntary groups")
    assert client.get(f"{url}?department={other.pk}").status_code == 403


@pytest.mark.parametrize("size", [5, 300])
def test_the_elearning_page_runs_constant_queries(
    cast, as_user, size, django_assert_max_num_queries
):
    for year in (2014, 2015, 2016):
        elearning_year = ElearningYearFactory(board=cast.board, year=year)
        ElearningReturn.objects.bulk_create(
            ElearningReturn(
                elearning_year=elearning_year,
                department=f"Department {n}",
                agency=cast.agency_x if n % 2 else None,
                allocated=10,
                passed=8,
            )
            for n in range(size)
        )
    client = as_user(cast.contributor_x)
    with django_assert_max_num_queries(ELEARNING_QUERIES):
        assert client.get(PAGE).status_code == 200


# Measured 10 at both sizes: the session, user, board and roles, the
# contributor's agencies, and the years with their returns (and agencies) and
# feedback.
ELEARNING_QUERIES = 10
