"""The staff survey's rules, its import and its results: a question's options add
up to its answered, answered and skipped to the survey's respondents, no count is
negative, a repeat is of an earlier survey of the same board; the import of the
survey tool's export (CSV and XLSX) is every question or none, with row-numbered
errors; percentages to 2 decimals and a repeated question beside the earlier
year's; the bar chart's text alternative."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from audits import services
from audits.models import StaffSurvey, SurveyOption, SurveyQuestion
from audits.selectors import survey_results
from lscb_portal.charts import bar_chart
from lscb_portal.errors import DomainError
from lscb_portal.tables import ImportFailed
from lscb_portal.versioning import StaleVersion
from tests.audits.factories import StaffSurveyFactory, survey_question

pytestmark = pytest.mark.django_db

YES_NO = [("Yes", 126), ("No", 51), ("Not applicable to my role", 73)]


def add(survey, **changes):
    data = {
        "survey": survey,
        "user": None,
        "number": "Q21",
        "text": "Are children involved?",
        "answered": 250,
        "skipped": 118,
        "options": YES_NO,
    }
    return services.survey_question_add(**(data | changes))


# Counts rules ----------------------------------------------------------------------


def test_a_question_whose_counts_add_up_is_saved_with_its_options_in_order(cast):
    survey = StaffSurveyFactory(board=cast.board)
    question = add(survey)
    assert question.position == 1
    assert [(o.answer, o.count) for o in question.options.all()] == YES_NO
    assert question.history.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"answered": 258},
            "options",
            "The options' counts add up to 250, not the 258 who answered",
        ),
        (
            {"skipped": 100},
            "skipped",
            "250 answered and 100 skipped make 350, not the survey's 368 respondents",
        ),
        (
            {"options": [("Yes", -1), ("No", 251)]},
            "answered",
            "Counts cannot be negative",
        ),
        ({"answered": -250, "skipped": 618}, "answered", "Counts cannot be negative"),
        ({"options": []}, "options", "Enter at least one answer option"),
        (
            {"options": [("Yes", 200), ("yes", 50)]},
            "options",
            "Each answer option can appear only once",
        ),
        ({"text": "  "}, "text", "Enter the question"),
    ],
)
def test_a_question_that_does_not_add_up_is_refused_and_nothing_saved(
    cast, changes, field, message
):
    survey = StaffSurveyFactory(board=cast.board)
    with pytest.raises(DomainError) as refused:
        add(survey, **changes)
    assert message in " ".join(refused.value.message_dict[field])
    assert not SurveyQuestion.objects.exists()
    assert not SurveyOption.objects.exists()


def test_a_second_question_with_the_same_number_is_refused(cast):
    survey = StaffSurveyFactory(board=cast.board)
    add(survey)
    with pytest.raises(DomainError) as refused:
        add(survey, number="q21")
    assert refused.value.message_dict["number"] == [
        "This survey already has a question q21."
    ]
    # Numbers may be blank: the seed's first question has none.
    add(survey, number="")
    add(survey, number="")
    assert survey.questions.count() == 3


def test_a_repeat_must_be_of_an_earlier_survey_of_the_same_board(cast):
    earlier = StaffSurveyFactory(board=cast.board, year=2015, respondents=316)
    before = survey_question(earlier, [("Yes", 200), ("No", 100)])
    now = StaffSurveyFactory(board=cast.board, year=2016)
    theirs = StaffSurveyFactory(board=cast.other_board, year=2015, respondents=316)
    other_board = survey_question(theirs, [("Yes", 300)])
    later = StaffSurveyFactory(board=cast.board, year=2017)
    from_later = survey_question(later, [("Yes", 300)])
    same_year = survey_question(now, [("Yes", 300)])
    for wrong in (other_board, from_later, same_year):
        with pytest.raises(DomainError) as refused:
            add(now, number="", repeat_of=wrong)
        assert refused.value.message_dict["repeat_of"] == [
            "Choose the same question in an earlier survey of this board."
        ]
    assert add(now, repeat_of=before).repeat_of == before


def test_changing_the_respondents_is_refused_when_questions_would_not_add_up(cast):
    survey = StaffSurveyFactory(board=cast.board)
    add(survey)
    with pytest.raises(DomainError) as refused:
        services.survey_update(
            survey=survey, user=None, version=1, changes={"respondents": 370}
        )
    assert (
        "“Q21 Are children involved?” was answered by 250 and skipped by 118"
        in (refused.value.message_dict["respondents"][0])
    )
    survey.refresh_from_db()
    assert (survey.respondents, survey.version) == (368, 1)
    services.survey_update(
        survey=survey,
        user=None,
        version=1,
        changes={"closed_on": date(2016, 7, 29)},
    )
    with pytest.raises(StaleVersion):
        services.survey_update(
            survey=survey, user=None, version=1, changes={"respondents": 368}
        )


def test_a_board_has_one_survey_a_year_and_it_cannot_end_before_it_starts(cast):
    services.survey_create(
        board=cast.board,
        user=None,
        year=2016,
        opened_on=date(2016, 6, 17),
        closed_on=date(2016, 7, 22),
        respondents=368,
    )
    with pytest.raises(DomainError, match="already has a staff survey for this year"):
        services.survey_create(
            board=cast.board,
            user=None,
            year=2016,
            opened_on=date(2016, 6, 17),
            closed_on=date(2016, 7, 22),
            respondents=1,
        )
    with pytest.raises(DomainError, match="cannot end before it starts"):
        services.survey_create(
            board=cast.board,
            user=None,
            year=2017,
            opened_on=date(2017, 6, 17),
            closed_on=date(2017, 6, 1),
            respondents=1,
        )
    assert StaffSurvey.objects.count() == 1


# Import ----------------------------------------------------------------------------

EXPORT = """question_number,question,answer,responses,repeat_of
,Confidence in the multi-agency safeguarding procedures,Very confident,11,
,,Confident,160,
,,Neither confident or not confident,120,
,,Not confident,51,
,,Not very confident at all,8,
,,Not applicable to my role,5,
,,Answered,355,
,,Skipped,13,
Q20,Are the outcomes clear in the plans you see?,Outcomes are always clear,48,
Q20,Are the outcomes clear in the plans you see?,Sometimes clear,152,
Q20,Are the outcomes clear in the plans you see?,Rarely clear,11,
Q20,Are the outcomes clear in the plans you see?,Not applicable to my role,39,
Q20,Are the outcomes clear in the plans you see?,Answered,250,
Q20,Are the outcomes clear in the plans you see?,Skipped,118,
"""


def csv_file(text, name="export.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def xlsx_file(text, name="export.xlsx"):
    book = Workbook()
    sheet = book.active
    for line in text.strip().splitlines():
        cells = line.split(",")
        sheet.append([int(c) if c.isdigit() else (c or None) for c in cells])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.mark.parametrize("upload", [csv_file, xlsx_file])
def test_the_export_is_imported_question_by_question(cast, upload):
    survey = StaffSurveyFactory(board=cast.board)
    assert services.survey_import(survey=survey, upload=upload(EXPORT), user=None) == 2
    first, q20 = survey.questions.all()
    assert (first.number, first.answered, first.skipped) == ("", 355, 13)
    assert first.text == "Confidence in the multi-agency safeguarding procedures"
    assert [o.count for o in first.options.all()] == [11, 160, 120, 51, 8, 5]
    assert (q20.number, q20.answered, q20.skipped, q20.position) == ("Q20", 250, 118, 2)
    assert [o.answer for o in q20.options.all()][0] == "Outcomes are always clear"


@pytest.mark.parametrize("upload", [csv_file, xlsx_file])
def test_an_export_with_a_bad_row_imports_nothing_and_numbers_every_error(cast, upload):
    survey = StaffSurveyFactory(board=cast.board)
    bad = (
        EXPORT.replace(",,Confident,160,", ",,Confident,lots,")
        .replace("Rarely clear,11", "Rarely clear,-11")
        .replace(",,Skipped,13,", "")  # row 9 left blank: rows keep their numbers
        + "Q21,Are children involved?,Yes,126,\n"
        "Q21,Are children involved?,No,51,\n"
        "Q21,Are children involved?,Not applicable to my role,73,\n"
        "Q21,Are children involved?,Answered,258,\n"
        "Q21,Are children involved?,Skipped,118,\n"
    )
    with pytest.raises(ImportFailed) as failed:
        services.survey_import(survey=survey, upload=upload(bad), user=None)
    errors = failed.value.errors
    assert "Row 3: responses “lots” is not a whole number." in errors
    assert "Row 12: responses cannot be negative (-11)." in errors
    assert any(
        e.startswith("Row 2 (Confidence in the multi-agency safeguar")
        and "no Skipped row" in e
        for e in errors
    ), errors
    assert (
        "Row 16 (Q21): The options' counts add up to 250, not the 258 who answered "
        "the question. 258 answered and 118 skipped make 376, not the survey's 368 "
        "respondents."
    ) in errors
    assert not SurveyQuestion.objects.exists()
    assert not SurveyOption.objects.exists()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "The file is empty."),
        (
            "question,answer,count\n",
            "Unknown column: count. The columns are: question_number, question, "
            "answer, responses, repeat_of.",
        ),
        ("question,answer,responses\n", "The file has no questions."),
        (
            "question,answer,responses\n,Yes,3\n",
            "Row 2: enter the question this answer belongs to.",
        ),
        (
            "question,answer,responses\nA?,Yes,300\nA?,Answered,300\nA?,Skipped,68\n"
            "B?,Yes,368\nB?,Answered,368\nB?,Skipped,0\nA?,No,0\n",
            "Row 8: this question is also in row 2: keep a question's rows together.",
        ),
        (
            "question,answer,responses,repeat_of\nA?,Yes,368,Q9\nA?,Answered,368,\n"
            "A?,Skipped,0,\n",
            "Row 2 (A?): repeat_of “Q9” is not the number or text of a question in "
            "an earlier survey of this board.",
        ),
    ],
)
def test_an_export_in_the_wrong_shape_says_what_is_wrong(cast, text, error):
    survey = StaffSurveyFactory(board=cast.board)
    with pytest.raises(ImportFailed) as failed:
        services.survey_import(survey=survey, upload=csv_file(text), user=None)
    assert error in failed.value.errors
    assert not SurveyQuestion.objects.exists()


def test_an_import_refuses_a_question_number_the_survey_has(cast):
    survey = StaffSurveyFactory(board=cast.board)
    add(survey, number="Q20")
    with pytest.raises(ImportFailed) as failed:
        services.survey_import(survey=survey, upload=csv_file(EXPORT), user=None)
    errors = failed.value.errors
    assert any("This survey already has a question Q20." in e for e in errors)
    assert survey.questions.count() == 1


def test_an_imported_question_links_to_its_earlier_year_by_number_or_text(cast):
    earlier = StaffSurveyFactory(board=cast.board, year=2015, respondents=316)
    q18 = survey_question(earlier, [("Yes", 300)], number="Q18", text="Clear?")
    survey = StaffSurveyFactory(board=cast.board)
    text = (
        "question_number,question,answer,responses,repeat_of\n"
        "Q20,Clear now?,Yes,250,q18\nQ20,Clear now?,Answered,250,\n"
        "Q20,Clear now?,Skipped,118,\n"
        "Q21,Involved?,Yes,250,clear?\nQ21,Involved?,Answered,250,\n"
        "Q21,Involved?,Skipped,118,\n"
    )
    services.survey_import(survey=survey, upload=csv_file(text), user=None)
    assert [q.repeat_of for q in survey.questions.all()] == [q18, q18]


def test_a_file_that_is_not_csv_or_xlsx_is_refused(cast):
    survey = StaffSurveyFactory(board=cast.board)
    with pytest.raises(ImportFailed, match="Upload a .csv or .xlsx file"):
        services.survey_import(
            survey=survey, upload=csv_file(EXPORT, name="export.txt"), user=None
        )


# Results ---------------------------------------------------------------------------


def test_percentages_are_of_those_who_answered_to_two_decimals(cast):
    survey = StaffSurveyFactory(board=cast.board)
    survey_question(
        survey, [("Very confident", 11), ("Confident", 160), ("Other", 184)]
    )
    [result] = survey_results(survey)
    assert [o.percent for o in result.options] == [
        Decimal("3.10"),
        Decimal("45.07"),
        Decimal("51.83"),
    ]


def test_a_repeated_question_is_shown_beside_the_earlier_years(cast):
    earlier = StaffSurveyFactory(board=cast.board, year=2015, respondents=316)
    before = survey_question(
        earlier,
        [("Always", 48), ("Sometimes", 144), ("Never", 48)],
        text="Are outcomes clear?",
    )
    survey = StaffSurveyFactory(board=cast.board)
    survey_question(
        survey,
        [("Always", 48), ("sometimes", 152), ("Not applicable", 50)],
        text="Are the outcomes clear in the plans you see?",
        repeat_of=before,
    )
    [result] = survey_results(survey)
    assert result.reworded
    assert result.earlier.question == before
    rows = [(r.answer, r.before, r.now, r.change) for r in result.comparison]
    assert rows == [
        ("Always", Decimal("20.00"), Decimal("19.20"), Decimal("-0.80")),
        ("sometimes", Decimal("60.00"), Decimal("60.80"), Decimal("0.80")),
        ("Not applicable", None, Decimal("20.00"), None),
        ("Never", Decimal("20.00"), None, None),
    ]


def test_the_bar_chart_has_a_title_with_every_value_and_labels_in_text():
    svg = bar_chart(
        [("Yes", 50.4, "50.40% (126)"), ("<No>", 20.4, "20.40% (51)")],
        title="Answers",
        chart_id="q1",
        maximum=100,
    )
    assert 'role="img"' in svg and 'aria-labelledby="q1-title"' in svg
    assert "Answers: Yes 50.40% (126); &lt;No&gt; 20.40% (51)</title>" in svg
    assert ">Yes</text>" in svg and ">50.40% (126)</text>" in svg
    assert svg.count("<rect") == 2
    assert bar_chart([], title="None", chart_id="q2") == ""
