"""Idempotency-Key: a retry with the same key and body replays the first response
and creates nothing; the same key with a different body is refused with 422
(rather than answered with the first response as if it had been done)."""

import json

import pytest

from indicators.models import Measurement
from tests.indicators.factories import IndicatorFactory

from .test_errors import API, token_key

URL = f"{API}measurements/"


def value(period_end="2017-03-31", number="12"):
    return {
        "indicator": "C1.0",
        "period_kind": "year",
        "period_end": period_end,
        "value": number,
    }


@pytest.fixture
def post(cast, client):
    IndicatorFactory(board=cast.board, code="C1.0", unit="count")
    key = token_key(cast.business_team, cast.board)

    def send(body, idempotency_key="batch-1"):
        raw = body if isinstance(body, str) else json.dumps(body)
        return client.post(
            URL,
            raw,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {key}",
            HTTP_IDEMPOTENCY_KEY=idempotency_key,
        )

    return send


def test_the_same_key_and_body_replays_the_first_response(post):
    first = post(value())
    # The same JSON spaced and ordered differently is the same request.
    again = post(json.dumps(dict(reversed(list(value().items()))), indent=2))
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Measurement.objects.count() == 1


def test_the_same_key_with_a_different_body_is_refused(post):
    assert post(value(number="12")).status_code == 201
    response = post(value(period_end="2016-03-31", number="40"))
    assert response.status_code == 422
    assert response.json() == {
        "detail": "This Idempotency-Key was used with a different body. Use a new "
        "key for a new request."
    }
    assert list(Measurement.objects.values_list("value", flat=True)) == [12]


def test_a_new_key_for_the_new_body_is_done(post):
    assert post(value(), idempotency_key="one").status_code == 201
    assert post(value("2016-03-31"), idempotency_key="two").status_code == 201
    assert Measurement.objects.count() == 2


def test_the_header_documents_the_refusal(client, settings):
    settings.DEBUG = True
    schema = client.get(f"{API}schema/?format=json").json()
    operation = schema["paths"]["/api/v1/measurements/"]["post"]
    header = next(p for p in operation["parameters"] if p["name"] == "Idempotency-Key")
    assert "different body is refused with 422" in header["description"]
    assert "422" in operation["responses"]
