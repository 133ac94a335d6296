"""Refused values, periods, targets and recorded RAGs: a clear message, nothing
saved, through the services and through the pages."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from indicators import services
from indicators.models import Measurement, PeriodKind, Polarity, Target, Unit
from lscb_portal.periods import end_of_month

from .factories import IndicatorFactory, MeasurementFactory, indicator_url


@pytest.fixture
def percentage(cast):
    """CS1.1, a percentage where high is good, owned by agency X."""
    return IndicatorFactory(
        board=cast.board,
        code="CS1.1",
        unit=Unit.PERCENTAGE,
        polarity=Polarity.HIGH,
        owning_agency=cast.agency_x,
    )


@pytest.fixture
def count(cast):
    """CS3.1, a count where low is good."""
    return IndicatorFactory(
        board=cast.board, code="CS3.1", unit=Unit.COUNT, polarity=Polarity.LOW
    )


def record(indicator, user, **changes):
    data = {
        "period_kind": PeriodKind.YEAR,
        "period_end": date(2017, 3, 31),
        "value": D("50"),
        **changes,
    }
    return services.measurement_record(indicator=indicator, user=user, **data)


def value_form(**changes):
    return {
        "period_kind": "year",
        "period_end": "2017-03-31",
        "value": "50",
        "numerator": "",
        "denominator": "",
        "source": "",
        "recorded_rag": "",
        "rag_reason": "",
        "commentary": "",
        **changes,
    }


def edit_form(measurement, **changes):
    return {
        "value": str(measurement.value),
        "numerator": "",
        "denominator": "",
        "source": "",
        "recorded_rag": "",
        "rag_reason": "",
        "commentary": "",
        "version": measurement.version,
        **changes,
    }


def messages_of(error: ValidationError) -> list[str]:
    return [m for ms in error.message_dict.values() for m in ms]


def future_month_end() -> date:
    today = timezone.localdate()
    return end_of_month(today.year + 1, today.month)


def test_service_records_a_good_value(percentage, cast):
    measurement = record(percentage, cast.business_team, value=D("97.3"))
    assert measurement.entered_by == cast.business_team
    assert Measurement.objects.get().value == D("97.3")


@pytest.mark.parametrize(
    ("unit", "value", "message"),
    [
        ("percentage", "100.1", "A percentage must be from 0 to 100."),
        ("percentage", "-0.5", "A percentage must be from 0 to 100."),
        ("count", "-1", "The value cannot be negative."),
        ("rate", "-3.2", "The value cannot be negative."),
        ("days", "-7", "The value cannot be negative."),
        ("count", "NaN", "Enter a finite number (not NaN or infinity)."),
        ("percentage", "Infinity", "Enter a finite number (not NaN or infinity)."),
        ("count", "-Infinity", "Enter a finite number (not NaN or infinity)."),
    ],
)
def test_service_refuses_an_impossible_value(cast, unit, value, message):
    indicator = IndicatorFactory(board=cast.board, unit=unit)
    with pytest.raises(ValidationError) as caught:
        record(indicator, cast.business_team, value=D(value))
    assert caught.value.message_dict == {"value": [message]}
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("unit", ["percentage", "count"])
@pytest.mark.parametrize("value", ["0", "100"])
def test_service_accepts_the_ends_of_the_allowed_range(cast, unit, value):
    indicator = IndicatorFactory(board=cast.board, unit=unit)
    record(indicator, cast.business_team, value=D(value))
    assert Measurement.objects.get().value == D(value)


@pytest.mark.parametrize(
    "raw", ["NaN", "nan", "sNaN", "Infinity", "-inf", "Inf", " infinity "]
)
def test_parse_number_refuses_nan_and_infinity(raw):
    with pytest.raises(ValidationError) as caught:
        services.parse_number(raw)
    assert messages_of(caught.value) == ["Enter a finite number (not NaN or infinity)."]


@pytest.mark.parametrize("raw", ["", "abc", "1.2.3", "12a"])
def test_parse_number_refuses_text(raw):
    with pytest.raises(ValidationError) as caught:
        services.parse_number(raw)
    assert messages_of(caught.value) == [f"“{raw}” is not a number."]


@pytest.mark.parametrize(
    ("raw", "number"),
    [("17.7", "17.7"), ("1,530", "1530"), ("97.3%", "97.3"), (" 25 ", "25")],
)
def test_parse_number_reads_numbers_as_printed(raw, number):
    assert services.parse_number(raw) == D(number)


@pytest.mark.parametrize(
    ("indicator_name", "value", "message"),
    [
        ("percentage", "101", "A percentage must be from 0 to 100."),
        ("percentage", "-1", "A percentage must be from 0 to 100."),
        ("count", "-1", "The value cannot be negative."),
        ("count", "NaN", "Enter a number"),
        ("percentage", "Infinity", "Enter a number"),
        ("count", "-inf", "Enter a number"),
    ],
)
def test_value_form_refuses_an_impossible_value(
    request, cast, as_user, indicator_name, value, message
):
    indicator = request.getfixturevalue(indicator_name)
    response = as_user(cast.business_team).post(
        indicator_url(indicator.code, "values/new/"), value_form(value=value)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["value"] == [message]
    assert "There is a problem" in response.content.decode()
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [("101", "A percentage must be from 0 to 100."), ("NaN", "Value must be a number")],
)
def test_edit_value_form_refuses_an_impossible_value(
    percentage, cast, as_user, value, message
):
    measurement = MeasurementFactory(indicator=percentage, value=D("60"))
    response = as_user(cast.business_team).post(
        indicator_url(percentage.code, f"values/{measurement.pk}/"),
        edit_form(measurement, value=value),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["value"] == [message]
    measurement.refresh_from_db()
    assert (measurement.value, measurement.version) == (D("60"), 1)


def test_service_update_refuses_nan(percentage, cast):
    measurement = MeasurementFactory(indicator=percentage, value=D("60"))
    with pytest.raises(ValidationError, match="finite number"):
        services.measurement_update(
            measurement=measurement,
            version=1,
            changes={"value": D("NaN")},
            user=cast.business_team,
        )
    measurement.refresh_from_db()
    assert measurement.value == D("60")


BAD_PERIODS = [
    (
        "quarter",
        date(2017, 5, 31),
        "A quarter ends on 30 June, 30 September, 31 December or 31 March.",
    ),
    (
        "quarter",
        date(2017, 6, 29),
        "A quarter ends on 30 June, 30 September, 31 December or 31 March.",
    ),
    ("month", date(2017, 2, 27), "A month's period ends on its last day."),
    ("month", date(2016, 2, 28), "A month's period ends on its last day."),
    ("year", date(2016, 12, 31), "A reporting year ends on 31 March."),
    ("year", date(2017, 3, 30), "A reporting year ends on 31 March."),
]


@pytest.mark.parametrize(("kind", "end", "message"), BAD_PERIODS)
def test_service_refuses_a_period_that_is_not_a_period_end(
    percentage, cast, kind, end, message
):
    with pytest.raises(ValidationError) as caught:
        record(percentage, cast.business_team, period_kind=kind, period_end=end)
    assert caught.value.message_dict == {"period_end": [message]}
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(("kind", "end", "message"), BAD_PERIODS)
def test_value_form_refuses_a_period_that_is_not_a_period_end(
    percentage, cast, as_user, kind, end, message
):
    response = as_user(cast.business_team).post(
        indicator_url(percentage.code, "values/new/"),
        value_form(period_kind=kind, period_end=end.isoformat()),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["period_end"] == [message]
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("kind", "end"),
    [
        ("month", date(2016, 2, 29)),
        ("quarter", date(2016, 6, 30)),
        ("quarter", date(2016, 12, 31)),
        ("year", date(2017, 3, 31)),
    ],
)
def test_service_accepts_real_period_ends(percentage, cast, kind, end):
    record(percentage, cast.business_team, period_kind=kind, period_end=end)
    assert Measurement.objects.get().period_end == end


def test_service_refuses_a_period_not_yet_ended(percentage, cast):
    with pytest.raises(ValidationError) as caught:
        record(
            percentage,
            cast.business_team,
            period_kind=PeriodKind.MONTH,
            period_end=future_month_end(),
        )
    assert caught.value.message_dict == {
        "period_end": ["The period has not ended yet."]
    }
    assert not Measurement.objects.exists()


def test_value_form_refuses_a_period_not_yet_ended(percentage, cast, as_user):
    response = as_user(cast.business_team).post(
        indicator_url(percentage.code, "values/new/"),
        value_form(period_kind="month", period_end=future_month_end().isoformat()),
    )
    assert response.context["form"].errors["period_end"] == [
        "The period has not ended yet."
    ]
    assert not Measurement.objects.exists()


def test_service_accepts_the_month_just_ended(percentage, cast):
    today = timezone.localdate()
    last_ended = today.replace(day=1) - timedelta(days=1)
    record(percentage, cast.business_team, period_kind="month", period_end=last_ended)
    assert Measurement.objects.count() == 1


def test_service_refuses_a_second_value_for_the_same_period(percentage, cast):
    record(percentage, cast.business_team)
    with pytest.raises(ValidationError, match="already has a value for the period"):
        record(percentage, cast.business_team, value=D("60"))
    assert Measurement.objects.get().value == D("50")


# Targets


def test_service_refuses_a_range_with_low_above_high(percentage, cast):
    with pytest.raises(ValidationError) as caught:
        services.target_set(
            indicator=percentage,
            year=2016,
            low=D("7.5"),
            high=D("5"),
            user=cast.business_team,
        )
    assert caught.value.message_dict == {
        "low": ["The low end must not be above the high end."]
    }
    assert not Target.objects.exists()


def test_target_form_refuses_a_range_with_low_above_high(percentage, cast, as_user):
    response = as_user(cast.business_team).post(
        indicator_url(percentage.code, "targets/"),
        {"year": "2016", "value": "", "low": "7.5", "high": "5"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["low"] == [
        "The low end must not be above the high end"
    ]
    assert "There is a problem" in response.content.decode()
    assert not Target.objects.exists()


def test_target_form_saves_a_range(percentage, cast, as_user):
    response = as_user(cast.business_team).post(
        indicator_url(percentage.code, "targets/"),
        {"year": "2016", "value": "", "low": "5", "high": "7.5"},
    )
    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.low, target.high, target.display) == (D("5"), D("7.5"), "5%–7.5%")


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (
            {"value": "10", "low": "5", "high": "7.5"},
            "Give a target value or a range, not both.",
        ),
        ({"value": "", "low": "5", "high": ""}, "Give both ends of the range."),
        (
            {"value": "120", "low": "", "high": ""},
            "A percentage must be from 0 to 100.",
        ),
    ],
)
def test_target_form_refuses_a_muddled_target(percentage, cast, as_user, form, message):
    response = as_user(cast.business_team).post(
        indicator_url(percentage.code, "targets/"), {"year": "2016", **form}
    )
    assert response.status_code == 200
    assert message in str(response.context["form"].errors)
    assert not Target.objects.exists()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            {"value": D("10"), "low": D("5"), "high": D("7.5")},
            "Give a target value or a range, not both.",
        ),
        ({"low": D("5")}, "Give both ends of the range."),
        ({"high": D("7.5")}, "Give both ends of the range."),
    ],
)
def test_service_refuses_a_muddled_target_and_saves_nothing(
    percentage, cast, target, message
):
    with pytest.raises(ValidationError, match=message):
        services.target_set(
            indicator=percentage, year=2016, user=cast.business_team, **target
        )
    assert not Target.objects.exists()


def test_service_refuses_a_target_outside_the_unit(count, cast):
    with pytest.raises(ValidationError) as caught:
        services.target_set(
            indicator=count, year=2016, value=D("-2"), user=cast.business_team
        )
    assert caught.value.message_dict == {"value": ["The value cannot be negative."]}
    assert not Target.objects.exists()


# Recorded RAGs


@pytest.mark.parametrize("reason", ["", "   "])
def test_service_refuses_a_recorded_rag_without_a_reason(percentage, cast, reason):
    with pytest.raises(ValidationError) as caught:
        record(percentage, cast.business_team, recorded_rag="G", rag_reason=reason)
    assert caught.value.message_dict == {
        "rag_reason": [
            "Give the reason for recording a RAG different from the computed one."
        ]
    }
    assert not Measurement.objects.exists()


def test_service_update_refuses_a_recorded_rag_without_a_reason(percentage, cast):
    measurement = MeasurementFactory(indicator=percentage)
    with pytest.raises(ValidationError, match="Give the reason for recording a RAG"):
        services.measurement_update(
            measurement=measurement,
            version=1,
            changes={"recorded_rag": "R", "rag_reason": ""},
            user=cast.business_team,
        )
    measurement.refresh_from_db()
    assert (measurement.recorded_rag, measurement.version) == ("", 1)


def test_value_form_refuses_a_recorded_rag_without_a_reason(percentage, cast, as_user):
    response = as_user(cast.business_team).post(
        indicator_url(percentage.code, "values/new/"),
        value_form(recorded_rag="R", rag_reason=" "),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["rag_reason"] == [
        "Give the reason for recording a RAG"
    ]
    assert not Measurement.objects.exists()


def test_edit_value_form_refuses_a_recorded_rag_without_a_reason(
    percentage, cast, as_user
):
    measurement = MeasurementFactory(indicator=percentage)
    response = as_user(cast.business_team).post(
        indicator_url(percentage.code, f"values/{measurement.pk}/"),
        edit_form(measurement, recorded_rag="R"),
    )
    assert response.status_code == 200
    assert "Give the reason for a recorded RAG." in str(response.context["form"].errors)
    measurement.refresh_from_db()
    assert (measurement.recorded_rag, measurement.version) == ("", 1)


def test_value_form_records_a_rag_with_its_reason(percentage, cast, as_user):
    response = as_user(cast.business_team).post(
        indicator_url(percentage.code, "values/new/"),
        value_form(recorded_rag="R", rag_reason="Data quality concerns."),
    )
    assert response.status_code == 302
    saved = Measurement.objects.get()
    assert (saved.recorded_rag, saved.rag_reason) == ("R", "Data quality concerns.")


def test_model_check_refuses_a_recorded_rag_without_a_reason(percentage):
    measurement = Measurement(
        indicator=percentage,
        period_kind=PeriodKind.YEAR,
        period_end=date(2017, 3, 31),
        value=D("50"),
        recorded_rag="A",
    )
    with pytest.raises(ValidationError) as caught:
        measurement.full_clean()
    assert "Give the reason for a recorded RAG." in caught.value.messages


def test_database_refuses_a_recorded_rag_without_a_reason(percentage):
    with pytest.raises(IntegrityError), transaction.atomic():
        Measurement.objects.create(
            indicator=percentage,
            period_kind=PeriodKind.YEAR,
            period_end=date(2017, 3, 31),
            value=D("50"),
            recorded_rag="A",
            rag_reason="",
        )
    assert not Measurement.objects.exists()
