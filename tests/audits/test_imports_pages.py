"""The import pages as the business team uses them: "Import organisations" from
the organisations page and "Import a survey export" from a cycle's submissions,
each documenting its format, refusing a bad file with every row's problem in the
error summary, and on success saying what it did on the list it returns to. Only
the business team may open them."""

import pytest

from audits.models import Organisation, Sector, Submission
from tests.audits.factories import (
    OrganisationFactory,
    csv_upload,
    cycle_with,
    survey_rows,
    xlsx_upload,
)
from tests.matrix import allow, permission_matrix

pytestmark = pytest.mark.django_db

B = "/boards/north/audits/"
ORGANISATIONS = B + "organisations/"
SUBMISSIONS = B + "section-11/2016/submissions/"
BUSINESS = allow(200, "business_team")


@pytest.fixture
def cycle(cast):
    return cycle_with(cast.board, year=2016)


MATRIX = [
    (ORGANISATIONS + "import/", "get", BUSINESS),
    (ORGANISATIONS + "import/", "post", BUSINESS),
    (SUBMISSIONS + "import/", "get", BUSINESS),
    (SUBMISSIONS + "import/", "post", BUSINESS),
    (B + "section-11/2030/submissions/import/", "get", allow(404, "business_team")),
]


@permission_matrix(MATRIX)
def test_import_pages_permission_matrix(cycle, visit, who, method, url, expected):
    # An empty POST is refused by the form (200) once the role may post at all.
    visit(who, method, url, expected)


def test_the_import_links_are_shown_to_the_business_team_only(cast, cycle, as_user):
    organisations = as_user(cast.business_team).get(ORGANISATIONS).content.decode()
    assert 'href="/boards/north/audits/organisations/import/"' in organisations
    submissions = as_user(cast.business_team).get(SUBMISSIONS).content.decode()
    assert f'href="{SUBMISSIONS}import/"' in submissions
    # The chair reads both lists but imports nothing.
    assert (
        "Import organisations"
        not in as_user(cast.chair).get(ORGANISATIONS).content.decode()
    )
    assert (
        "Import a survey export"
        not in as_user(cast.chair).get(SUBMISSIONS).content.decode()
    )


def test_the_pages_document_the_files_columns(cast, cycle, as_user):
    client = as_user(cast.business_team)
    organisations = client.get(ORGANISATIONS + "import/").content.decode()
    assert "The file's columns" in organisations
    assert "GP practice" in organisations and "Example Primary School" in organisations
    survey = client.get(SUBMISSIONS + "import/").content.decode()
    assert "evidence 1.1" in survey
    assert "from 8 December 2016 to 13 March 2017" in survey
    assert "2.2 Question 2.2?" in survey
    assert "This audit's 4 questions" in survey


def test_the_business_team_imports_organisations(cast, as_user):
    OrganisationFactory(board=cast.board, name="Ash School", sector=Sector.OTHER)
    client = as_user(cast.business_team)
    rows = [
        ["name", "sector"],
        ["Ash School", "School"],
        ["Elm Surgery", "GP practice"],
    ]
    response = client.post(ORGANISATIONS + "import/", {"file": xlsx_upload(rows)})
    assert response.status_code == 302
    assert response["Location"] == ORGANISATIONS
    page = client.get(ORGANISATIONS).content.decode()
    assert "1 added, 1 updated." in page
    assert "Elm Surgery" in page
    assert Organisation.objects.get(name="Ash School").sector == Sector.SCHOOL


def test_the_business_team_imports_a_survey_export(cast, cycle, as_user):
    client = as_user(cast.business_team)
    response = client.post(
        SUBMISSIONS + "import/", {"file": csv_upload(survey_rows(cycle, 3))}
    )
    assert response.status_code == 302
    assert response["Location"] == SUBMISSIONS
    page = client.get(SUBMISSIONS).content.decode()
    assert "3 submissions imported." in page
    assert "School 2" in page and "3 submissions found." in page


def test_a_refused_file_lists_each_row_and_says_nothing_was_imported(
    cast, cycle, as_user
):
    rows = survey_rows(cycle, 3)
    rows[2][3] = "Sometimes"
    response = as_user(cast.business_team).post(
        SUBMISSIONS + "import/", {"file": csv_upload(rows)}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in text
    assert "Row 3: question 1.2: “Sometimes” is not a rating" in text
    assert "Nothing was imported: correct the file and try again." in text
    assert not Submission.objects.exists()


def test_the_error_summary_shows_the_first_100_problems(cast, cycle, as_user):
    rows = survey_rows(cycle, 130, rating="Sometimes")
    response = as_user(cast.business_team).post(
        SUBMISSIONS + "import/", {"file": csv_upload(rows)}
    )
    text = response.content.decode()
    assert "Row 26: question 1.1:" in text  # 4 problems a row: rows 2 to 26 shown
    assert "Row 27: question 1.1:" not in text
    assert "Only the first 100 problems are listed." in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select a CSV or XLSX file"),
        (
            {"file": csv_upload([["name"]], name="list.txt")},
            "The selected file must be a CSV or XLSX file",
        ),
        ({"file": csv_upload([], name="list.csv")}, "The selected file is empty"),
    ],
)
def test_a_missing_or_wrong_file_is_refused(cast, as_user, data, message):
    response = as_user(cast.business_team).post(ORGANISATIONS + "import/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_file_that_is_not_a_workbook_is_refused(cast, as_user):
    upload = csv_upload([["name", "sector"]], name="list.xlsx")
    response = as_user(cast.business_team).post(
        ORGANISATIONS + "import/", {"file": upload}
    )
    assert "The file could not be read as XLSX" in response.content.decode()
