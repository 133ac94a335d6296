"""The indicators API: board scoping, who may record values, validation in the
services' words, all-or-none bulk values, safe updates, history naming the token,
scorecard rows with their computed RAG, bounded queries and a clean schema."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from boards.models import ApiToken
from indicators.models import Measurement, PeriodKind, Polarity, Unit
from indicators.services import settings_for

from .factories import (
    IndicatorFactory,
    MeasurementFactory,
    ScorecardFactory,
    TargetFactory,
    build_scorecard,
    month_ends,
)

API = "/api/v1/"
BULK = f"{API}measurements/bulk/"


@pytest.fixture
def api(client):
    """A client holding a token of `user` on `board` (write scope by default)."""

    def with_token(user, board, *, scope="write", name="Data feed"):
        _, key = ApiToken.issue(
            user=user,
            board=board,
            name=name,
            scope=scope,
            expires_at=timezone.now() + timedelta(days=1),
            created_by=user,
        )
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return with_token


@pytest.fixture
def police(cast):
    """An indicator agency X owns, with a 2016-17 target of 80%."""
    indicator = IndicatorFactory(
        board=cast.board, code="CS1.0", owning_agency=cast.agency_x
    )
    TargetFactory(indicator=indicator, year=2016, value=Decimal("80"))
    return indicator


@pytest.fixture
def voluntary(cast):
    return IndicatorFactory(board=cast.board, code="CS2.0", owning_agency=cast.agency_y)


def value(code="CS1.0", period_end="2017-03-31", amount="75", **extra):
    return {
        "indicator": code,
        "period_kind": "year",
        "period_end": period_end,
        "value": amount,
        **extra,
    }


def post(client, url, data, **headers):
    return client.post(url, data, content_type="application/json", **headers)


def patch(client, url, data, **headers):
    return client.patch(url, data, content_type="application/json", **headers)


# Scoping and permissions -----------------------------------------------------------


def test_indicator_of_another_board_is_not_found(cast, api, police):
    other = IndicatorFactory(board=cast.other_board, code="CS1.0")
    client = api(cast.board_member, cast.board, scope="read")
    assert client.get(f"{API}indicators/{police.pk}/").status_code == 200
    assert client.get(f"{API}indicators/{other.pk}/").status_code == 404
    listed = client.get(f"{API}indicators/").json()["results"]
    assert [i["id"] for i in listed] == [police.pk]


def test_indicator_lists_targets_and_filters(cast, api, police, voluntary):
    scorecard = ScorecardFactory(board=cast.board, slug="report")
    police.scorecards.set([scorecard])
    IndicatorFactory(board=cast.board, code="CS2.10", unit=Unit.COUNT)
    client = api(cast.board_member, cast.board, scope="read")
    body = client.get(f"{API}indicators/?code=CS1.0").json()
    assert body["results"][0]["targets"] == [
        {"year": 2016, "value": "80.000", "low": None, "high": None}
    ]
    codes = lambda query: [  # noqa: E731
        i["code"] for i in client.get(f"{API}indicators/?{query}").json()["results"]
    ]
    assert codes("scorecard=report") == ["CS1.0"]
    assert codes(f"owning_agency={cast.agency_y.pk}") == ["CS2.0"]
    assert codes("unit=count") == ["CS2.10"]
    assert codes("ordering=-code") == ["CS2.10", "CS2.0", "CS1.0"]


def test_measurement_of_another_board_is_not_found(cast, api):
    other = MeasurementFactory(indicator=IndicatorFactory(board=cast.other_board))
    client = api(cast.business_team, cast.board)
    assert client.get(f"{API}measurements/{other.pk}/").status_code == 404
    response = patch(
        client, f"{API}measurements/{other.pk}/", {"value": "1", "version": 1}
    )
    assert response.status_code == 404


def test_read_only_token_cannot_post(cast, api, police):
    client = api(cast.business_team, cast.board, scope="read")
    assert post(client, f"{API}measurements/", value()).status_code == 403
    assert post(client, BULK, [value()]).status_code == 403
    assert not Measurement.objects.exists()


def test_contributor_records_values_only_for_its_agencys_indicators(
    cast, api, police, voluntary
):
    client = api(cast.contributor_x, cast.board)
    assert post(client, f"{API}measurements/", value("CS1.0")).status_code == 201
    response = post(client, f"{API}measurements/", value("CS2.0"))
    assert response.status_code == 403
    assert list(Measurement.objects.values_list("indicator__code", flat=True)) == [
        "CS1.0"
    ]


def test_board_member_may_read_but_not_record(cast, api, police):
    client = api(cast.board_member, cast.board)
    assert post(client, f"{API}measurements/", value()).status_code == 403
    assert client.get(f"{API}measurements/").status_code == 200


def test_token_of_another_board_cannot_post_its_codes(cast, api, police):
    client = api(cast.other_board_member, cast.other_board)
    response = post(client, f"{API}measurements/", value("CS1.0"))
    assert response.status_code == 400
    assert "indicator" in response.json()


# Validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "item, field, message",
    [
        (value(amount="101"), "value", "A percentage must be from 0 to 100."),
        (value(amount="NaN"), "value", "A valid number is required."),
        (value(code="XX9"), "indicator", "No indicator has the code “XX9”"),
        (value(period_end="2017-03-30"), "period_end", "ends on 31 March"),
        (
            value(period_end="2017-02-30"),
            "period_end",
            "Date has wrong format",
        ),
        (value(recorded_rag="R"), "rag_reason", "Give the reason"),
    ],
)
def test_invalid_value_is_refused_with_field_message(
    cast, api, police, item, field, message
):
    client = api(cast.business_team, cast.board)
    response = post(client, f"{API}measurements/", item)
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert not Measurement.objects.exists()


def test_second_value_for_a_period_is_refused(cast, api, police):
    client = api(cast.business_team, cast.board)
    assert post(client, f"{API}measurements/", value()).status_code == 201
    response = post(client, f"{API}measurements/", value(amount="76"))
    assert response.status_code == 400
    assert "already has a value" in str(response.json())
    assert Measurement.objects.get().value == Decimal("75")


# Bulk ------------------------------------------------------------------------------


def test_bulk_of_three_good_values_saves_three(cast, api, police, voluntary):
    client = api(cast.business_team, cast.board)
    items = [
        value("CS1.0", "2017-03-31", "75"),
        value("CS1.0", "2016-03-31", "70"),
        value("CS2.0", "2017-03-31", "60", recorded_rag="A", rag_reason="Checked"),
    ]
    response = post(client, BULK, items)
    assert response.status_code == 201, response.json()
    assert response.json() == {"created": 3}
    assert Measurement.objects.count() == 3
    assert Measurement.objects.get(indicator=voluntary).recorded_rag == "A"


def test_bulk_with_one_bad_item_names_it_and_saves_nothing(cast, api, police):
    MeasurementFactory(indicator=police, period_end=date(2015, 3, 31))
    client = api(cast.business_team, cast.board)
    items = [
        value(period_end="2017-03-31"),
        value(period_end="2016-03-31"),
        value(period_end="2014-03-31"),
        value(period_end="2013-03-31", amount="101"),
        value(period_end="2017-03-31", amount="60"),  # again, as item 0
        value(period_end="2015-03-31"),  # already held
        value(code="XX9"),
        {"indicator": "CS1.0"},
    ]
    response = post(client, BULK, items)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["3"] == {"value": ["A percentage must be from 0 to 100."]}
    assert "also item 0" in errors["4"]["period_end"][0]
    assert "already has a value" in errors["5"]["period_end"][0]
    assert "indicator" in errors["6"]
    assert set(errors["7"]) == {"period_kind", "period_end", "value"}
    assert set(errors) == {"3", "4", "5", "6", "7"}
    assert Measurement.objects.count() == 1


def test_bulk_of_more_than_a_thousand_is_refused(cast, api, police):
    client = api(cast.business_team, cast.board)
    ends = month_ends(1001, last=date(2017, 3, 31))
    items = [
        {**value(amount="50", period_end=str(end)), "period_kind": "month"}
        for end in ends
    ]
    response = post(client, BULK, items)
    assert response.status_code == 400
    assert "at most 1000" in response.json()["detail"]
    assert not Measurement.objects.exists()
    assert post(client, BULK, items[:1000]).status_code == 201
    assert Measurement.objects.count() == 1000


def test_bulk_must_be_a_non_empty_list(cast, api, police):
    client = api(cast.business_team, cast.board)
    assert post(client, BULK, value()).status_code == 400
    assert post(client, BULK, []).status_code == 400


def test_bulk_with_an_item_the_contributor_may_not_record_is_forbidden(
    cast, api, police, voluntary
):
    client = api(cast.contributor_x, cast.board)
    response = post(client, BULK, [value("CS1.0"), value("CS2.0")])
    assert response.status_code == 403
    assert not Measurement.objects.exists()
    assert post(client, BULK, [value("CS1.0")]).status_code == 201


def test_bulk_replayed_with_its_idempotency_key_creates_once(cast, api, police):
    client = api(cast.business_team, cast.board)
    items = [value(period_end=f"{year}-03-31") for year in (2015, 2016, 2017)]
    first = post(client, BULK, items, HTTP_IDEMPOTENCY_KEY="feed-1")
    again = post(client, BULK, items, HTTP_IDEMPOTENCY_KEY="feed-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == {"created": 3}
    assert again["Idempotent-Replayed"] == "true"
    assert Measurement.objects.count() == 3


def test_single_post_replayed_with_its_idempotency_key_creates_once(cast, api, police):
    client = api(cast.business_team, cast.board)
    first = post(client, f"{API}measurements/", value(), HTTP_IDEMPOTENCY_KEY="k")
    again = post(client, f"{API}measurements/", value(), HTTP_IDEMPOTENCY_KEY="k")
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert Measurement.objects.count() == 1


# Updates ---------------------------------------------------------------------------


def test_patch_with_current_version_changes_value(cast, api, police):
    measurement = MeasurementFactory(indicator=police)
    client = api(cast.contributor_x, cast.board)
    url = f"{API}measurements/{measurement.pk}/"
    response = patch(client, url, {"value": "77", "version": 1, "commentary": "Up"})
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2
    assert response["ETag"] == '"v2"'
    measurement.refresh_from_db()
    assert (measurement.value, measurement.commentary) == (Decimal("77"), "Up")


def test_stale_patch_is_refused(cast, api, police):
    measurement = MeasurementFactory(indicator=police)
    client = api(cast.business_team, cast.board)
    url = f"{API}measurements/{measurement.pk}/"
    etag = client.get(url)["ETag"]
    assert patch(client, url, {"value": "77", "version": 1}).status_code == 200
    stale = patch(client, url, {"value": "78", "version": 1})
    assert stale.status_code == 409
    assert "changed by" in stale.json()["detail"]
    assert patch(client, url, {"value": "79"}, HTTP_IF_MATCH=etag).status_code == 412
    measurement.refresh_from_db()
    assert measurement.value == Decimal("77")
    assert patch(client, url, {"value": "80"}).status_code == 400  # no version


def test_patch_is_validated_by_the_service(cast, api, police):
    measurement = MeasurementFactory(indicator=police)
    client = api(cast.business_team, cast.board)
    url = f"{API}measurements/{measurement.pk}/"
    response = patch(client, url, {"value": "150", "version": 1})
    assert response.status_code == 400
    assert response.json()["value"] == ["A percentage must be from 0 to 100."]


def test_contributor_cannot_patch_another_agencys_value(cast, api, voluntary):
    measurement = MeasurementFactory(indicator=voluntary)
    client = api(cast.contributor_x, cast.board)
    url = f"{API}measurements/{measurement.pk}/"
    assert patch(client, url, {"value": "1", "version": 1}).status_code == 403


def test_put_is_not_offered(cast, api, police):
    measurement = MeasurementFactory(indicator=police)
    client = api(cast.business_team, cast.board)
    url = f"{API}measurements/{measurement.pk}/"
    response = client.put(url, value(), content_type="application/json")
    assert response.status_code == 405


# History ---------------------------------------------------------------------------


def reasons(measurement):
    return [h.history_change_reason for h in measurement.history.all()]


def test_history_names_the_token_for_single_post_and_patch(cast, api, police):
    client = api(cast.contributor_x, cast.board, name="Police feed")
    created = post(client, f"{API}measurements/", value())
    measurement = Measurement.objects.get(pk=created.json()["id"])
    patch(client, f"{API}measurements/{measurement.pk}/", {"value": "1", "version": 1})
    history = list(measurement.history.all())
    assert len(history) == 2
    assert all("Police feed" in h.history_change_reason for h in history)
    assert all(h.history_user == cast.contributor_x for h in history)


def test_history_names_the_token_for_bulk_post(cast, api, police):
    client = api(cast.business_team, cast.board, name="Nightly load")
    items = [value(period_end=f"{year}-03-31") for year in (2016, 2017)]
    assert post(client, BULK, items).status_code == 201
    for measurement in Measurement.objects.all():
        (record,) = measurement.history.all()
        assert "Nightly load" in record.history_change_reason
        assert record.history_user == cast.business_team


# Scorecard rows --------------------------------------------------------------------


@pytest.fixture
def report(cast, police):
    """A demo-like report: Amber, Green, a recorded Red and a value without a
    target, for 2016-17."""
    scorecard = ScorecardFactory(board=cast.board, name="Report", slug="report")
    green = IndicatorFactory(board=cast.board, code="CS3.0", polarity=Polarity.LOW)
    TargetFactory(indicator=green, year=2016, value=Decimal("20"))
    recorded = IndicatorFactory(board=cast.board, code="CS4.0")
    TargetFactory(indicator=recorded, year=2016, value=Decimal("50"))
    untargeted = IndicatorFactory(board=cast.board, code="CS5.0", unit=Unit.COUNT)
    for indicator in (police, green, recorded, untargeted):
        indicator.scorecards.add(scorecard)
    end = date(2017, 3, 31)
    MeasurementFactory(indicator=police, period_end=end, value=Decimal("75"))
    MeasurementFactory(indicator=police, period_end=date(2016, 3, 31), value=70)
    MeasurementFactory(indicator=green, period_end=end, value=Decimal("15"))
    MeasurementFactory(
        indicator=recorded,
        period_end=end,
        value=Decimal("90"),
        recorded_rag="R",
        rag_reason="The data were incomplete.",
    )
    MeasurementFactory(indicator=untargeted, period_end=end, value=Decimal("12"))
    MeasurementFactory(
        indicator=police,
        period_kind=PeriodKind.QUARTER,
        period_end=date(2016, 12, 31),
        value=Decimal("10"),
    )
    return scorecard


def test_scorecard_rows_show_computed_rag_and_reason(cast, api, report):
    client = api(cast.board_member, cast.board, scope="read")
    url = f"{API}scorecards/report/rows/?period_kind=year&period_end=2017-03-31"
    body = client.get(url).json()
    assert (body["period_kind"], body["period_end"]) == ("year", "2017-03-31")
    rows = {row["code"]: row for row in body["rows"]}
    assert list(rows) == ["CS1.0", "CS3.0", "CS4.0", "CS5.0"]
    police = rows["CS1.0"]
    assert (police["rag"], police["computed_rag"], police["recorded"]) == (
        "A",
        "A",
        False,
    )
    assert police["reason"].startswith("Amber")
    assert police["value"] == "75.000"
    assert police["target"] == {
        "year": 2016,
        "value": "80.000",
        "low": None,
        "high": None,
    }
    assert police["trend"]
    assert (police["unit"], police["polarity"]) == ("percentage", "high")
    assert (rows["CS3.0"]["rag"], rows["CS3.0"]["computed_rag"]) == ("G", "G")
    recorded = rows["CS4.0"]
    assert (recorded["rag"], recorded["computed_rag"], recorded["recorded"]) == (
        "R",
        "G",
        True,
    )
    assert recorded["recorded_reason"] == "The data were incomplete."
    assert rows["CS5.0"]["rag"] == ""
    assert "no target" in rows["CS5.0"]["reason"]
    assert rows["CS5.0"]["target"] is None


def test_scorecard_rows_default_to_the_latest_period(cast, api, report):
    client = api(cast.board_member, cast.board, scope="read")
    body = client.get(f"{API}scorecards/report/rows/").json()
    assert (body["period_kind"], body["period_end"]) == ("year", "2017-03-31")
    quarter = client.get(
        f"{API}scorecards/report/rows/?period_kind=quarter&period_end=2016-12-31"
    ).json()
    assert quarter["rows"][0]["value"] == "10.000"
    assert quarter["rows"][1]["value"] is None


def test_scorecard_rows_refuse_half_a_period(cast, api, report):
    client = api(cast.board_member, cast.board, scope="read")
    response = client.get(f"{API}scorecards/report/rows/?period_kind=year")
    assert response.status_code == 400
    bad = client.get(f"{API}scorecards/report/rows/?period_kind=week&period_end=x")
    assert set(bad.json()) == {"period_kind", "period_end"}


def test_scorecards_of_another_board_are_not_found(cast, api, report):
    ScorecardFactory(board=cast.other_board, slug="theirs")
    client = api(cast.board_member, cast.board, scope="read")
    listed = client.get(f"{API}scorecards/").json()["results"]
    assert [(c["name"], c["slug"]) for c in listed] == [("Report", "report")]
    assert client.get(f"{API}scorecards/theirs/rows/").status_code == 404


# Query budgets and schema ----------------------------------------------------------

# Token, its last use, roles, then: count, page, targets, scorecards (indicators);
# count, page (values); scorecard, latest period, indicators, values, targets and
# settings (scorecard rows).
BUDGETS = {
    "indicators/": 7,
    "indicators/?scorecard=big&ordering=-code": 7,
    "measurements/?period_end__gte=2016-04-01&indicator=B0.1": 5,
    "measurements/?period_kind=month&ordering=-period_end": 5,
    "scorecards/big/rows/": 9,
}
SIZES = {"5 x 3": (5, 3), "60 x 12": (60, 12)}


@pytest.fixture(params=list(SIZES))
def size(request, cast):
    indicators, months = SIZES[request.param]
    build_scorecard(
        cast.board, indicators=indicators, months=months, agency=cast.agency_x
    )
    settings_for(cast.board)
    return indicators, months


@pytest.mark.parametrize("url", list(BUDGETS))
def test_list_endpoints_run_bounded_queries(
    size, cast, api, django_assert_max_num_queries, url
):
    indicators, months = size
    client = api(cast.board_member, cast.board, scope="read")
    with django_assert_max_num_queries(BUDGETS[url]):
        response = client.get(f"{API}{url}")
    assert response.status_code == 200
    body = response.json()
    if "rows" in url:
        assert len(body["rows"]) == indicators
    elif url.startswith("indicators"):
        assert body["count"] == indicators
        assert len(body["results"][0]["targets"]) >= 1
    elif "B0.1" in url:
        assert body["count"] == min(months, 12)
    else:
        assert body["count"] == indicators * months


def test_schema_generates_without_warnings(tmp_path, settings):
    settings.DEBUG = True
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(target))
    text = target.read_text()
    for path in (
        "/api/v1/indicators/",
        "/api/v1/measurements/{id}/",
        "/api/v1/measurements/bulk/",
        "/api/v1/scorecards/{slug}/rows/",
    ):
        assert f"{path}:" in text
