"""Importing values from CSV or XLSX: every row, or none, with row-numbered errors."""

from datetime import date
from decimal import Decimal as D

import pytest

from indicators import services
from indicators.models import Indicator, Measurement, PeriodKind, Unit, code_sort_key
from lscb_portal.tables import ImportFailed

from .factories import (
    INDICATORS,
    IndicatorFactory,
    MeasurementFactory,
    csv_file,
    month_ends,
    xlsx_file,
)

IMPORT = f"{INDICATORS}import/"
HEADER = ["code", "period", "value", "rag", "reason"]
GOOD_ROWS = [
    HEADER,
    ["CS1.1", "2016-17", "97.3", "", ""],
    ["CS1.1", "2016-17 Q3", "95%", "", ""],
    ["CS1.1", "2017-02", "96.1", "A", "Fewer staff in February."],
    ["CS3.1", "2016-17", "14", "", ""],
]


@pytest.fixture
def indicators(cast):
    return (
        IndicatorFactory(board=cast.board, code="CS1.1", unit=Unit.PERCENTAGE),
        IndicatorFactory(board=cast.board, code="CS3.1", unit=Unit.COUNT),
    )


def run_import(cast, rows, make_file=csv_file):
    return services.measurements_import(
        board=cast.board, upload=make_file(rows), user=cast.business_team
    )


def imported():
    return sorted(
        Measurement.objects.values_list(
            "indicator__code", "period_kind", "period_end", "value", "recorded_rag"
        )
    )


EXPECTED = [
    ("CS1.1", "month", date(2017, 2, 28), D("96.1"), "A"),
    ("CS1.1", "quarter", date(2016, 12, 31), D("95"), ""),
    ("CS1.1", "year", date(2017, 3, 31), D("97.3"), ""),
    ("CS3.1", "year", date(2017, 3, 31), D("14"), ""),
]


@pytest.mark.parametrize("make_file", [csv_file, xlsx_file])
def test_import_creates_every_value(indicators, cast, make_file):
    result = run_import(cast, GOOD_ROWS, make_file)
    assert result.created == 4
    assert imported() == EXPECTED
    assert Measurement.objects.filter(recorded_rag="A").get().rag_reason == (
        "Fewer staff in February."
    )
    assert {m.entered_by for m in Measurement.objects.all()} == {cast.business_team}


def test_import_reads_xlsx_numbers_as_numbers(indicators, cast):
    """Spreadsheet cells hold floats and ints, not text."""
    rows = [
        ["code", "period", "value"],
        ["CS1.1", "2016-17", 68.9],
        ["CS3.1", "2016-17", 14],
    ]
    assert run_import(cast, rows, xlsx_file).created == 2
    assert sorted(Measurement.objects.values_list("value", flat=True)) == [
        D("14"),
        D("68.9"),
    ]


def test_import_only_needs_code_period_and_value_in_any_order(indicators, cast):
    rows = [["Value", "Code", "Period"], ["14", "CS3.1", "2016-17"]]
    assert run_import(cast, rows).created == 1
    assert imported() == [("CS3.1", "year", date(2017, 3, 31), D("14"), "")]


BAD_ROW_3 = [
    (
        ["CS9.9", "2016-17", "10"],
        "Row 3: unknown indicator code “CS9.9”.",
    ),
    (
        ["CS3.1", "2016-17 Q5", "10"],
        "Row 3: period “2016-17 Q5” is not a month (2017-03), a quarter "
        "(2016-17 Q4) or a year (2016-17).",
    ),
    (
        ["CS3.1", "2017-13", "10"],
        "Row 3: period “2017-13” is not a month (2017-03), a quarter (2016-17 Q4) "
        "or a year (2016-17).",
    ),
    (
        ["CS3.1", "31/03/2017", "10"],
        "Row 3: period “31/03/2017” is not a month (2017-03), a quarter "
        "(2016-17 Q4) or a year (2016-17).",
    ),
    (["CS1.1", "2016-17", "17.2"], "Row 3: CS1.1 for this period is also in row 2."),
    (["CS3.1", "2016-17", "-2"], "Row 3: The value cannot be negative."),
    (["CS1.1", "2016-17 Q4", "101"], "Row 3: A percentage must be from 0 to 100."),
    (
        ["CS3.1", "2016-17", "NaN"],
        "Row 3: Enter a finite number (not NaN or infinity).",
    ),
    (["CS3.1", "2016-17", "lots"], "Row 3: “lots” is not a number."),
    (["CS3.1", "2099-01", "3"], "Row 3: The period has not ended yet."),
    (
        ["CS3.1", "2016-17", "3", "X", "Why"],
        "Row 3: RAG must be R, A, G or blank.",
    ),
    (
        ["CS3.1", "2016-17", "3", "R", ""],
        "Row 3: Give the reason for recording a RAG different from the computed one.",
    ),
]


@pytest.mark.parametrize(("row", "error"), BAD_ROW_3)
def test_one_bad_row_imports_nothing(indicators, cast, row, error):
    rows = [HEADER, ["CS1.1", "2016-17", "97.3"], row, ["CS3.1", "2015-16", "12"]]
    with pytest.raises(ImportFailed) as caught:
        run_import(cast, rows)
    assert caught.value.errors == [error]
    assert not Measurement.objects.exists()


def test_a_value_already_held_imports_nothing(indicators, cast):
    MeasurementFactory(indicator=indicators[1], value=D("14"))
    rows = [HEADER, ["CS1.1", "2016-17", "97.3"], ["CS3.1", "2016-17", "15"]]
    with pytest.raises(ImportFailed) as caught:
        run_import(cast, rows)
    assert caught.value.errors == ["Row 3: CS3.1 already has a value for this period."]
    assert imported() == [("CS3.1", "year", date(2017, 3, 31), D("14"), "")]


def test_every_bad_row_is_listed_with_its_number(indicators, cast):
    rows = [
        HEADER,
        ["CS9.9", "2016-17", "1"],
        ["CS1.1", "2016-17", "97.3"],
        ["", "", ""],
        ["CS1.1", "2016-17", "97.3"],
        ["CS3.1", "Q4", "3"],
    ]
    with pytest.raises(ImportFailed) as caught:
        run_import(cast, rows)
    assert [e.split(":")[0] for e in caught.value.errors] == [
        "Row 2",
        "Row 5",
        "Row 6",
    ]
    assert not Measurement.objects.exists()


def test_an_indicator_of_another_board_is_unknown(indicators, cast):
    IndicatorFactory(board=cast.other_board, code="S1.0")
    rows = [HEADER, ["S1.0", "2016-17", "10"]]
    with pytest.raises(ImportFailed) as caught:
        run_import(cast, rows)
    assert caught.value.errors == ["Row 2: unknown indicator code “S1.0”."]
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        ([], "The file is empty."),
        ([HEADER], "The file has no values."),
        ([["code", "period"], ["CS3.1", "2016-17"]], "Missing column: value."),
        (
            [["code", "period", "value", "colour"]],
            "Unknown column: colour. The columns are: code, period, value, rag, "
            "reason.",
        ),
    ],
)
def test_a_file_without_values_imports_nothing(indicators, cast, rows, error):
    with pytest.raises(ImportFailed) as caught:
        run_import(cast, rows)
    assert caught.value.errors == [error]


def test_a_month_that_also_reads_as_a_reporting_year_is_not_guessed(indicators, cast):
    """ "2011-12" is December 2011 by the month rule (2017-03) and the year ending
    31 March 2012 by the year rule (2016-17): a monthly series from 2011 must not
    have its December silently stored as a year end. Refused, with its row."""
    rows = [HEADER, ["CS3.1", "2011-11", "5"], ["CS3.1", "2011-12", "6"]]
    with pytest.raises(ImportFailed) as caught:
        run_import(cast, rows)
    assert [e.split(":")[0] for e in caught.value.errors] == ["Row 3"]
    assert not Measurement.objects.exists()


def test_a_value_too_large_to_store_is_a_row_error(indicators, cast):
    """Values hold up to 14 digits, 3 of them decimals, as the value form allows."""
    rows = [HEADER, ["CS3.1", "2016-17", "14"], ["CS3.1", "2015-16", "123456789012"]]
    with pytest.raises(ImportFailed) as caught:
        run_import(cast, rows)
    assert len(caught.value.errors) == 1
    assert caught.value.errors[0].startswith("Row 3: ")
    assert not Measurement.objects.exists()


def test_import_page_imports_a_good_file(indicators, cast, as_user):
    response = as_user(cast.business_team).post(
        IMPORT, {"file": csv_file(GOOD_ROWS)}, follow=True
    )
    assert response.redirect_chain == [(INDICATORS, 302)]
    assert "4 values imported." in response.content.decode()
    assert imported() == EXPECTED


def test_import_page_lists_row_errors_and_imports_nothing(indicators, cast, as_user):
    rows = [HEADER, ["CS1.1", "2016-17", "97.3"], ["CS9.9", "2016-17", "10"]]
    response = as_user(cast.business_team).post(IMPORT, {"file": csv_file(rows)})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Row 3: unknown indicator code “CS9.9”.",
        "Nothing was imported: correct the file and try again.",
    ]
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Row 3: unknown indicator code “CS9.9”." in page
    assert not Measurement.objects.exists()


def test_import_page_with_a_bad_xlsx_row_imports_nothing(indicators, cast, as_user):
    rows = [HEADER, ["CS1.1", "2016-17", 97.3], ["CS3.1", "2016-17 Q3", -4]]
    response = as_user(cast.business_team).post(IMPORT, {"file": xlsx_file(rows)})
    assert response.status_code == 200
    assert "Row 3: The value cannot be negative." in response.content.decode()
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("values.txt", "The file must be a CSV or XLSX file"),
        ("values.xlsx", "The file could not be read as XLSX"),
    ],
)
def test_import_page_refuses_a_file_it_cannot_read(
    indicators, cast, as_user, name, error
):
    response = as_user(cast.business_team).post(
        IMPORT, {"file": csv_file(GOOD_ROWS, name=name)}
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Measurement.objects.exists()


def test_ten_thousand_rows_import_in_one_call(cast, django_assert_max_num_queries):
    """100 indicators x 100 months (January 2012 to April 2020); inserted in
    batches, not a query a row (SQLite takes ~70 rows an insert, PostgreSQL
    1,000)."""
    codes = [f"M{n}.0" for n in range(100)]
    Indicator.objects.bulk_create(
        Indicator(
            board=cast.board,
            code=code,
            sort_key=code_sort_key(code),
            description=code,
            unit=Unit.COUNT,
            polarity="low",
        )
        for code in codes
    )
    periods = [f"{end:%Y-%m}" for end in month_ends(100, last=date(2020, 4, 30))]
    rows = [["code", "period", "value"]] + [
        [code, period, str(n % 97)]
        for n, (code, period) in enumerate(
            (code, period) for code in codes for period in periods
        )
    ]
    upload = csv_file(rows)
    with django_assert_max_num_queries(300):
        result = services.measurements_import(
            board=cast.board, upload=upload, user=cast.business_team
        )
    assert result.created == 10_000
    assert Measurement.objects.count() == 10_000
    assert Measurement.objects.filter(period_kind=PeriodKind.MONTH).count() == 10_000
    assert Measurement.objects.filter(indicator__code="M7.0").count() == 100
