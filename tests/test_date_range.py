"""One date range (1900 to 2100) for every date a form or the API takes, and period
arithmetic that never raises, so a date stored before the range never gives a 500."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django import forms
from django.urls import get_resolver
from django.utils import timezone
from rest_framework import serializers

from boards.api import fields
from boards.models import ApiToken
from indicators.models import PeriodKind
from lscb_portal.forms import GovukDateField
from lscb_portal.periods import quarter_of, quarters_between, year_ago
from tests.indicators.factories import (
    IndicatorFactory,
    MeasurementFactory,
    ScorecardFactory,
    TargetFactory,
    indicator_url,
)

API = "/api/v1/"
EDGES = [date(1, 1, 31), date(2016, 2, 29), date(1900, 1, 31)]


@pytest.fixture
def api(client, cast):
    _, key = ApiToken.issue(
        user=cast.business_team,
        board=cast.board,
        name="Feed",
        scope="write",
        expires_at=timezone.now() + timedelta(days=1),
        created_by=cast.business_team,
    )
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
    return client


@pytest.fixture
def indicator(cast):
    card = ScorecardFactory(board=cast.board, slug="performance")
    indicator = IndicatorFactory(board=cast.board, code="CS1.0", scorecards=[card])
    TargetFactory(indicator=indicator, year=2016, value=Decimal("80"))
    return indicator


# Period arithmetic -----------------------------------------------------------------


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2016, 2, 29), date(2015, 2, 28)),
        (date(2017, 3, 31), date(2016, 3, 31)),
        (date(1, 1, 31), None),
        (date(2, 2, 28), date(1, 2, 28)),
        (date.max, date(9998, 12, 31)),
    ],
)
def test_year_ago_never_raises(day, expected):
    assert year_ago(day) == expected


def test_quarters_reach_the_last_representable_day():
    assert quarters_between(date(9999, 10, 1), date.max) == [quarter_of(date.max)]
    assert quarter_of(date(1, 1, 31)).endswith(" Q4")


# Forms ---------------------------------------------------------------------------


class DateForm(forms.Form):
    day = GovukDateField(label="Date of the meeting")


@pytest.mark.parametrize("year", ["0001", "1899", "2101", "9999"])
def test_form_refuses_a_date_outside_the_range(year):
    form = DateForm({"day_day": "31", "day_month": "1", "day_year": year})
    assert form.errors == {"day": ["Date of the meeting must be from 1900 to 2100"]}


@pytest.mark.parametrize("year", ["1900", "2100"])
def test_form_takes_the_range_ends(year):
    form = DateForm({"day_day": "31", "day_month": "12", "day_year": year})
    assert form.is_valid(), form.errors


# The API -------------------------------------------------------------------------


def test_api_refuses_a_measurement_dated_year_one_naming_the_field(api, indicator):
    item = {
        "indicator": "CS1.0",
        "period_kind": "month",
        "period_end": "0001-01-31",
        "value": "75",
    }
    response = api.post(f"{API}measurements/", item, content_type="application/json")
    assert response.status_code == 400
    assert "period_end" in response.content.decode()
    assert "1900" in response.content.decode()
    assert not indicator.measurements.exists()


def test_api_refuses_scorecard_rows_for_year_one(api, indicator):
    response = api.get(
        f"{API}scorecards/performance/rows/",
        {"period_kind": "month", "period_end": "0001-01-31"},
    )
    assert response.status_code == 400
    assert "period_end" in response.content.decode()


def test_model_serializers_build_the_ranged_date_field():
    class Built(serializers.ModelSerializer):
        class Meta:
            from boards.models import Meeting

            model = Meeting
            fields = ["date"]

    assert isinstance(Built().fields["date"], fields.DateField)


def _api_serializers():
    """Every serializer class the API's views name, and the ones nested in them."""
    found = set()

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
                continue
            view = getattr(pattern.callback, "cls", None)
            for name in ("serializer_class",):
                if getattr(view, name, None):
                    found.add(getattr(view, name))

    walk(get_resolver().url_patterns)
    return found


def _date_fields(serializer, seen=()):
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.BaseSerializer):
            child = getattr(field, "child", field)
            if type(child) not in seen:
                yield from _date_fields(child, (*seen, type(child)))
        elif isinstance(field, serializers.DateField) and not field.read_only:
            yield f"{type(serializer).__name__}.{name}", field


def test_every_date_the_api_takes_is_the_ranged_field():
    from indicators.api.views import RowsQuerySerializer

    classes = _api_serializers() | {RowsQuerySerializer}
    assert len(classes) > 10
    plain = [
        name
        for cls in classes
        for name, field in _date_fields(cls())
        if not isinstance(field, fields.DateField)
    ]
    assert plain == []


# Dates already stored before the range --------------------------------------------


@pytest.mark.parametrize("stored", EDGES, ids=str)
def test_pages_and_rows_never_fail_on_edge_dates_already_stored(
    stored, indicator, cast, as_user, api
):
    MeasurementFactory(
        indicator=indicator, period_kind=PeriodKind.MONTH, period_end=stored
    )
    MeasurementFactory(
        indicator=indicator,
        period_kind=PeriodKind.MONTH,
        period_end=date(2017, 1, 31),
    )
    reader = as_user(cast.board_member)
    for url in (
        indicator_url("CS1.0"),
        "/boards/north/indicators/all/",
        "/boards/north/indicators/scorecards/performance/",
    ):
        assert reader.get(url).status_code == 200, url
    for query in ({}, {"period_kind": "month", "period_end": str(stored)}):
        if stored.year < 1900 and query:
            continue  # refused as a query: the test above
        response = api.get(f"{API}scorecards/performance/rows/", query)
        assert response.status_code == 200, (query, response.content)
    assert api.get(f"{API}measurements/").status_code == 200


# A plan's years --------------------------------------------------------------------


@pytest.mark.parametrize(
    "first_year, last_year", [(0, 2019), (1899, 1902), (2016, 9999)]
)
def test_a_plan_outside_the_years_is_refused_naming_the_field(
    cast, first_year, last_year
):
    from business_plan.services import plan_create
    from lscb_portal.errors import DomainError

    with pytest.raises(DomainError) as refused:
        plan_create(
            board=cast.board,
            title="Business Plan",
            first_year=first_year,
            last_year=last_year,
            status="draft",
            user=cast.business_team,
        )
    wrong = "first_year" if first_year != 2016 else "last_year"
    assert refused.value.message_dict[wrong] == ["Enter a year from 1900 to 2100"]
