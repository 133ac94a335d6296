"""The OpenAPI schema documents one error shape for every error of every
operation, and describes the values the API really sends."""

import re

import pytest

from boards.api.schema import COMMON, IDEMPOTENCY_KEY, IF_MATCH, WRITES

ERROR_REF = "#/components/schemas/Error"


@pytest.fixture
def schema(client, settings, db):
    settings.DEBUG = True
    return client.get("/api/v1/schema/?format=json").json()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", method, operation


def test_every_operation_documents_its_errors_in_the_one_shape(schema):
    assert len(list(operations(schema))) > 30
    for name, method, operation in operations(schema):
        expected = set(COMMON)
        if method in ("post", "patch", "put"):
            expected |= set(WRITES)
        parameters = {p["name"] for p in operation.get("parameters", [])}
        if "If-Match" in parameters:
            expected |= set(IF_MATCH)
        if "Idempotency-Key" in parameters:
            expected |= set(IDEMPOTENCY_KEY)
        responses = operation["responses"]
        assert expected <= set(responses), name
        for code in expected:
            body = responses[code]["content"]["application/json"]["schema"]
            assert body == {"$ref": ERROR_REF}, (name, code)


def test_the_errors_the_issue_names_are_all_documented(schema):
    codes = set()
    for _, _, operation in operations(schema):
        codes |= set(operation["responses"])
    expected = {"400", "401", "403", "404", "409", "412", "413", "415", "422"}
    assert expected | {"429", "503"} <= codes


def test_a_measurement_may_have_no_recorded_rag(schema):
    components = schema["components"]["schemas"]
    field = components["Measurement"]["properties"]["recorded_rag"]
    allowed = set()
    for choice in field["oneOf"]:
        allowed |= set(components[choice["$ref"].rsplit("/", 1)[1]]["enum"])
    assert allowed == {"R", "A", "G", ""}


def test_a_meeting_time_is_described_as_sent(schema, cast, client):
    from datetime import time

    from tests.api.test_errors import token_key
    from tests.subgroups.factories import MeetingFactory

    field = schema["components"]["schemas"]["Meeting"]["properties"]["starts_at"]
    assert "format" not in field  # OpenAPI's "time" needs a UTC offset
    MeetingFactory(board=cast.board, starts_at=time(14, 0))
    key = token_key(cast.board_member, cast.board, scope="read")
    rows = client.get("/api/v1/meetings/", HTTP_AUTHORIZATION=f"Token {key}").json()
    sent = rows["results"][0]["starts_at"]
    assert sent == "14:00"
    assert re.fullmatch(field["pattern"], sent)
