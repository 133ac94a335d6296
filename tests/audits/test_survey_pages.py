"""The staff survey's pages: the list and a survey's page (a table and a bar chart
per question, a repeated question beside the earlier year's), the business team's
forms (record a survey, add a question, import the export) with bad input, who
may open what, and query budgets at two sizes."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits.models import StaffSurvey, SurveyOption, SurveyQuestion
from tests.audits.factories import StaffSurveyFactory, survey_question
from tests.matrix import NOT_OURS, READ, allow, permission_matrix

pytestmark = pytest.mark.django_db

B = "/boards/north/audits/staff-surveys/"
OUTCOMES = [
    ("Outcomes are always clear", 48),
    ("Sometimes clear", 152),
    ("Rarely clear", 11),
    ("Not applicable to my role", 39),
]


def date_parts(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


def two_years(board):
    earlier = StaffSurveyFactory(
        board=board,
        year=2015,
        opened_on=date(2015, 6, 15),
        closed_on=date(2015, 7, 17),
        respondents=316,
    )
    before = survey_question(
        earlier,
        [
            ("Outcomes are always clear", 48),
            ("Sometimes clear", 144),
            ("Rarely clear", 14),
            ("Not applicable to my role", 34),
        ],
        text="Are outcomes clear in plans?",
    )
    survey = StaffSurveyFactory(board=board)
    survey_question(
        survey,
        OUTCOMES,
        number="Q20",
        text="Are the outcomes clear in the plans you see?",
        repeat_of=before,
    )
    return earlier, survey


def text_of(response):
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_the_survey_page_shows_each_questions_table_and_chart(cast, as_user):
    _, survey = two_years(cast.board)
    text = text_of(as_user(cast.board_member).get(f"{B}2016/"))
    assert "17 June 2016 to 22 July 2016" in text
    assert "368 (316 in 2015)" in text
    assert "Q20 Are the outcomes clear in the plans you see?" in text
    assert "Answered: 250 Skipped: 118" in text
    assert (
        '<th scope="row" class="govuk-table__header">Sometimes clear</th> '
        '<td class="govuk-table__cell govuk-table__cell--numeric">152</td> '
        '<td class="govuk-table__cell govuk-table__cell--numeric">60.80%</td>'
    ) in text
    # The chart's text alternative names every answer with its share and count.
    question = survey.questions.get()
    assert f'aria-labelledby="survey-q{question.pk}-title"' in text
    assert "Outcomes are always clear 19.20% (48); Sometimes clear 60.80% (152)" in text


def test_a_repeated_question_shows_both_years_side_by_side(cast, as_user):
    two_years(cast.board)
    text = text_of(as_user(cast.board_member).get(f"{B}2016/"))
    assert "Compared with 2015" in text
    assert "The question was reworded. In 2015 it was: “Are outcomes clear" in text
    assert (
        '<th scope="row" class="govuk-table__header">Sometimes clear</th> '
        '<td class="govuk-table__cell govuk-table__cell--numeric">60.00%</td> '
        '<td class="govuk-table__cell govuk-table__cell--numeric">60.80%</td> '
        '<td class="govuk-table__cell govuk-table__cell--numeric">+0.80</td>'
    ) in text
    # The earlier year's page has no comparison of its own.
    assert "Compared with" not in text_of(as_user(cast.board_member).get(f"{B}2015/"))


def test_the_list_shows_every_survey_newest_first(cast, as_user):
    two_years(cast.board)
    text = text_of(as_user(cast.lay_member).get(B))
    assert text.index("Staff survey 2016") < text.index("Staff survey 2015")
    assert "Record a staff survey" not in text
    home = text_of(as_user(cast.lay_member).get("/boards/north/audits/"))
    assert f'href="{B}">Staff surveys</a>' in home


def test_the_business_team_records_a_survey_and_adds_a_question(cast, as_user):
    client = as_user(cast.business_team)
    response = client.post(
        B + "new/",
        {
            "year": "2016",
            **date_parts("opened_on", date(2016, 6, 17)),
            **date_parts("closed_on", date(2016, 7, 22)),
            "respondents": "368",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{B}2016/"
    response = client.post(
        f"{B}2016/questions/new/",
        {
            "number": "Q21",
            "text": "Are children involved?",
            "answered": "250",
            "skipped": "118",
            "options": "Yes | 126\nNo | 51\n\nNot applicable to my role | 73\n",
        },
    )
    assert response.status_code == 302
    question = SurveyQuestion.objects.get()
    assert [o.answer for o in question.options.all()] == [
        "Yes",
        "No",
        "Not applicable to my role",
    ]
    assert "Not applicable to my role" in text_of(client.get(f"{B}2016/"))


def error_summary(response):
    text = text_of(response)
    assert "There is a problem" in text
    return text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the year the survey ran"),
        (
            {
                "year": "2016",
                **date_parts("opened_on", date(2016, 6, 17)),
                **date_parts("closed_on", date(2016, 6, 1)),
                "respondents": "368",
            },
            "The survey cannot end before it starts",
        ),
        (
            {
                "year": "2016",
                **date_parts("opened_on", date(2016, 6, 17)),
                **date_parts("closed_on", date(2016, 7, 22)),
                "respondents": "-1",
            },
            "The number of staff who responded must be 0 or more",
        ),
        (
            {
                "year": "1066",
                **date_parts("opened_on", date(2016, 6, 17)),
                **date_parts("closed_on", date(2016, 7, 22)),
                "respondents": "3",
            },
            "The year must be between 2000 and 2100",
        ),
    ],
)
def test_bad_survey_input_is_shown_in_an_error_summary(cast, as_user, data, message):
    response = as_user(cast.business_team).post(B + "new/", data)
    assert message in error_summary(response)
    assert not StaffSurvey.objects.exists()


def test_a_second_survey_for_the_year_is_refused(cast, as_user):
    StaffSurveyFactory(board=cast.board)
    response = as_user(cast.business_team).post(
        B + "new/",
        {
            "year": "2016",
            **date_parts("opened_on", date(2016, 6, 17)),
            **date_parts("closed_on", date(2016, 7, 22)),
            "respondents": "1",
        },
    )
    assert "This board already has a staff survey for this year." in error_summary(
        response
    )
    assert StaffSurvey.objects.count() == 1


@pytest.mark.parametrize(
    ("options", "answered", "message"),
    [
        ("Yes | 126\nNo | 51\nN/A | 73", "258", "add up to 250, not the 258 who"),
        ("Yes 126", "250", "Line 1: write the answer, a | and its count"),
        ("Yes | lots", "250", "Line 1: the count “lots” must be a whole number"),
        ("Yes | -250", "250", "Counts cannot be negative"),
        ("", "250", "Enter the answer options and their counts"),
    ],
)
def test_a_question_that_does_not_add_up_is_shown_and_not_saved(
    cast, as_user, options, answered, message
):
    StaffSurveyFactory(board=cast.board)
    response = as_user(cast.business_team).post(
        f"{B}2016/questions/new/",
        {"text": "Q?", "answered": answered, "skipped": "118", "options": options},
    )
    assert message in error_summary(response)
    assert not SurveyQuestion.objects.exists()


def test_the_repeat_choices_are_the_boards_earlier_questions_only(cast, as_user):
    earlier, survey = two_years(cast.board)
    theirs = StaffSurveyFactory(board=cast.other_board, year=2015, respondents=1)
    other = survey_question(theirs, [("Yes", 1)], text="Their question?")
    text = text_of(as_user(cast.business_team).get(f"{B}2016/questions/new/"))
    assert "2015: Are outcomes clear in plans?" in text
    assert "Their question?" not in text
    assert "Are the outcomes clear in the plans you see?" not in text
    response = as_user(cast.business_team).post(
        f"{B}2016/questions/new/",
        {
            "text": "Q?",
            "answered": "368",
            "skipped": "0",
            "options": "Yes | 368",
            "repeat_of": other.pk,
        },
    )
    assert "Select a question from the list" in error_summary(response)
    assert survey.questions.count() == 1


def test_a_stale_edit_of_the_survey_is_refused_with_409(cast, as_user):
    StaffSurveyFactory(board=cast.board)
    data = {
        "year": "2016",
        **date_parts("opened_on", date(2016, 6, 17)),
        **date_parts("closed_on", date(2016, 7, 29)),
        "respondents": "368",
        "version": "1",
    }
    client = as_user(cast.business_team)
    assert client.post(f"{B}2016/edit/", data).status_code == 302
    response = client.post(f"{B}2016/edit/", data)
    assert response.status_code == 409
    assert StaffSurvey.objects.get().version == 2


EXPORT = (
    "question_number,question,answer,responses\n"
    "Q21,Are children involved?,Yes,126\n,,No,51\n,,Not applicable to my role,73\n"
    ",,Answered,250\n,,Skipped,118\n"
)


def test_the_import_page_describes_the_format_and_imports_a_csv(cast, as_user):
    StaffSurveyFactory(board=cast.board)
    client = as_user(cast.business_team)
    text = text_of(client.get(f"{B}2016/import/"))
    assert "question_number, question, answer, responses, repeat_of" in text
    assert "<code>Answered</code>" in text
    upload = SimpleUploadedFile("export.csv", EXPORT.encode())
    response = client.post(f"{B}2016/import/", {"file": upload})
    assert response.status_code == 302
    assert SurveyOption.objects.count() == 3


def test_a_bad_import_lists_its_row_errors_and_saves_nothing(cast, as_user):
    StaffSurveyFactory(board=cast.board)
    bad = EXPORT.replace("No,51", "No,fifty")
    upload = SimpleUploadedFile("export.csv", bad.encode())
    response = as_user(cast.business_team).post(f"{B}2016/import/", {"file": upload})
    text = error_summary(response)
    assert "Row 3: responses “fifty” is not a whole number." in text
    assert "Nothing was imported: correct the file and try again." in text
    assert not SurveyQuestion.objects.exists()


def test_an_upload_that_is_not_a_spreadsheet_is_refused(cast, as_user):
    StaffSurveyFactory(board=cast.board)
    upload = SimpleUploadedFile("export.pdf", b"%PDF-1.4")
    response = as_user(cast.business_team).post(f"{B}2016/import/", {"file": upload})
    assert "The file must be a CSV or XLSX file" in error_summary(response)


# Who may see and do what -----------------------------------------------------------

MANAGE = allow(200, "business_team")
MANAGE_POST = allow(302, "business_team")
MANAGE_NOT_OURS = allow(404, "business_team")
MATRIX_ROWS = [
    ("surveys", "", "get", READ),
    ("survey", "2016", "get", READ),
    ("survey", "2015", "get", NOT_OURS),  # only the other board has a 2015 survey
    ("survey-create", "", "get", MANAGE),
    ("survey-create", "", "post", MANAGE_POST),
    ("survey-edit", "2016", "get", MANAGE),
    ("survey-edit", "2016", "post", MANAGE_POST),
    ("survey-question-add", "2016", "get", MANAGE),
    ("survey-question-add", "2016", "post", MANAGE_POST),
    ("survey-question-add", "2015", "get", NOT_OURS),
    ("survey-import", "2016", "get", MANAGE),
    ("survey-import", "2015", "post", NOT_OURS),
]
POSTS = {
    "survey-create": {
        "year": "2017",
        **date_parts("opened_on", date(2017, 6, 1)),
        **date_parts("closed_on", date(2017, 7, 1)),
        "respondents": "300",
    },
    "survey-edit": {
        "year": "2016",
        **date_parts("opened_on", date(2016, 6, 17)),
        **date_parts("closed_on", date(2016, 7, 29)),
        "respondents": "368",
        "version": "1",
    },
    "survey-question-add": {
        "text": "Q?",
        "answered": "368",
        "skipped": "0",
        "options": "Yes | 368",
    },
}


@permission_matrix([(f"{n}|{y}", m, s) for n, y, m, s in MATRIX_ROWS])
def test_permission_matrix(who, method, url, expected, cast, visit):
    StaffSurveyFactory(board=cast.board)
    StaffSurveyFactory(board=cast.other_board, year=2015)
    name, year = url.split("|")
    address = reverse(
        f"audits:{name}", args=[cast.board.slug, *([int(year)] if year else [])]
    )

    def snapshot():
        return (
            StaffSurvey.objects.count(),
            SurveyQuestion.objects.count(),
            StaffSurvey.objects.get(board=cast.board, year=2016).version,
        )

    visit(who, method, address, expected, data=POSTS.get(name), snapshot=snapshot)


# Queries ---------------------------------------------------------------------------

SIZES = {"1 question": 1, "12 questions": 12}


@pytest.fixture(params=list(SIZES))
def many(request, cast):
    earlier = StaffSurveyFactory(board=cast.board, year=2015, respondents=316)
    survey = StaffSurveyFactory(board=cast.board)
    for year in range(2000, 2000 + SIZES[request.param]):
        StaffSurveyFactory(board=cast.board, year=year, respondents=10)
    for i in range(SIZES[request.param]):
        before = survey_question(earlier, [("Yes", 200), ("No", 100)])
        survey_question(
            survey, [("Yes", 200), ("No", 150), (f"Other {i}", 18)], repeat_of=before
        )
    return survey


@pytest.mark.parametrize("who", ["business_team", "board_member"])
@pytest.mark.parametrize(("page", "budget"), [("", 7), ("2016/", 12)])
def test_list_and_survey_queries_do_not_grow(
    who, page, budget, cast, many, as_user, django_assert_max_num_queries
):
    client = as_user(getattr(cast, who))
    with django_assert_max_num_queries(budget):
        response = client.get(B + page)
    text = text_of(response)
    if page:
        assert text.count("Compared with 2015") == many.questions.count()
    else:
        assert "Staff survey 2000" in text
