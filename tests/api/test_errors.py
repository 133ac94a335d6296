"""The API's error contract for input no client should send and faults no client
causes: out-of-range integers, JSON nested too deeply, bodies over the limit,
bodies that are not JSON, unknown addresses and a database that cannot be reached
each get a JSON error in the one shape (never a 500 or an HTML page under /api/);
pages get the 503 page when the database is down."""

import json
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.utils import timezone

from boards.models import ApiToken
from tests.business_plan.factories import ActionFactory, PlanFactory
from tests.indicators.factories import IndicatorFactory, MeasurementFactory

API = "/api/v1/"
BIG = 2**70


def token_key(user, board, scope="write") -> str:
    _, key = ApiToken.issue(
        user=user,
        board=board,
        name="Errors",
        scope=scope,
        expires_at=timezone.now() + timedelta(days=1),
        created_by=user,
    )
    return key


@pytest.fixture
def api(cast):
    # Errors are answered, not raised into the test: what a client would see.
    return Client(
        HTTP_AUTHORIZATION=f"Token {token_key(cast.business_team, cast.board)}",
        raise_request_exception=False,
    )


def assert_json_error(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert isinstance(body, dict) and body, body
    return body


# Out-of-range integers -------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"memberships/?agency={BIG}",
        f"memberships/?agency=-{BIG}",
        f"themes/?plan={BIG}",
        f"action-updates/?action={BIG}&plan={BIG}",
        f"actions/?plan={BIG}",
        f"subgroup-returns/?subgroup={BIG}",
        f"indicators/?owning_agency={BIG}",
        f"challenges/?agency_challenged={BIG}",
        f"planner-items/?subgroup={BIG}",
        "risks/?page_size=99999999999999999999",
    ],
)
def test_an_integer_filter_out_of_range_is_no_500(api, url):
    PlanFactory(board__slug="north")
    response = api.get(f"{API}{url}")
    assert response.status_code in (200, 400), response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    if response.status_code == 200:
        assert response.json()["results"] == [] or "page_size" in url


@pytest.mark.parametrize("page", ["99999999999999999999", "2", "0", "-1", "one"])
def test_a_page_that_is_not_there_is_a_400_naming_the_parameter(api, page):
    body = assert_json_error(api.get(f"{API}risks/?page={page}"), 400)
    assert list(body) == ["page"]
    assert body["page"][0].startswith(f"There is no page “{page}”: That page")


@pytest.mark.parametrize("path", ["risks", "actions", "measurements", "meetings"])
def test_an_id_out_of_range_is_a_json_404(api, path):
    assert_json_error(api.get(f"{API}{path}/{BIG}/"), 404)


# Bodies ----------------------------------------------------------------------------


def test_json_nested_5000_deep_is_a_400(api):
    body = "[" * 5000 + "]" * 5000
    response = api.post(f"{API}action-updates/", body, content_type="application/json")
    assert "JSON parse error" in assert_json_error(response, 400)["detail"]


def test_a_body_over_the_limit_is_a_413(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps([{"indicator": "X", "value": "1" * 50}] * 30)
    response = api.post(
        f"{API}measurements/bulk/", body, content_type="application/json"
    )
    assert assert_json_error(response, 413)["detail"]


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "text/csv"]
)
def test_a_body_that_is_not_json_is_a_415(api, content_type):
    response = api.post(f"{API}action-updates/", "action=1", content_type=content_type)
    assert "Unsupported media type" in assert_json_error(response, 415)["detail"]


def test_a_list_where_an_object_belongs_is_a_400(api, cast):
    measurement = MeasurementFactory(indicator__board=cast.board)
    response = api.patch(
        f"{API}measurements/{measurement.pk}/", "[]", content_type="application/json"
    )
    assert_json_error(response, 400)


def test_a_field_message_is_always_a_list(api, cast):
    action = ActionFactory(plan=PlanFactory(board=cast.board))
    response = api.patch(
        f"{API}actions/{action.pk}/",
        {"text": "New", "version": "two"},
        content_type="application/json",
    )
    assert assert_json_error(response, 400) == {"version": ["A whole number."]}


def test_an_unknown_api_address_is_a_json_404(api):
    body = assert_json_error(api.get(f"{API}no-such-thing/"), 404)
    assert body == {"detail": "Not found."}


def test_an_error_asked_for_as_html_is_still_json(api):
    # A browser's Accept header would otherwise get DRF's browsable error page.
    response = api.get(f"{API}risks/{BIG}/", HTTP_ACCEPT="text/html")
    assert assert_json_error(response, 404) == {"detail": "Not found."}


def test_minus_zero_is_stored_as_zero(api, cast):
    IndicatorFactory(board=cast.board, code="C1.0", unit="count")
    response = api.post(
        f"{API}measurements/",
        {
            "indicator": "C1.0",
            "period_kind": "year",
            "period_end": "2017-03-31",
            "value": "-0",
            "numerator": "-0.0",
            "denominator": "4",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["value"] == "0.000"
    assert response.json()["numerator"] == "0.000"


# The database cannot be reached ---------------------------------------------------


@pytest.fixture
def database_down():
    """Call it, and every query fails as it does when the server has gone away
    (until the test ends, before the test database is rolled back)."""
    cursor = BaseDatabaseWrapper.cursor

    def refuse(self, *args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    def down():
        BaseDatabaseWrapper.cursor = refuse

    yield down
    BaseDatabaseWrapper.cursor = cursor


def test_database_down_is_a_json_503_from_the_api(api, database_down):
    database_down()
    response = api.get(f"{API}risks/")
    body = assert_json_error(response, 503)
    assert "unavailable" in body["detail"]
    assert response["Retry-After"]


def test_database_down_is_the_503_page_for_pages(cast, database_down):
    client = Client(raise_request_exception=False)
    client.force_login(cast.board_member)
    database_down()
    response = client.get("/boards/north/")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert "Sorry, the service is unavailable" in response.content.decode()
    assert response["Retry-After"]


def test_another_fault_is_still_a_json_500_from_the_api(api, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("boards.api.views.RiskViewSet.list", broken)
    body = assert_json_error(api.get(f"{API}risks/"), 500)
    assert body == {"detail": "Something went wrong on our side. It has been logged."}


def test_connections_persist_and_are_checked_before_reuse(settings):
    database = settings.DATABASES["default"]
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["CONN_MAX_AGE"] == 60


def test_connection_age_comes_from_the_environment():
    from tests.test_settings import run_python

    result = run_python(
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['CONN_MAX_AGE'])",
        DEBUG="true",
        CONN_MAX_AGE="300",
    )
    assert result.stdout.strip() == "300", result.stderr
