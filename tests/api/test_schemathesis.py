"""The whole API against its own OpenAPI schema, with schemathesis: generated
requests (valid and invalid) from a business-team token and from an agency
contributor's token on the demo board get no 5xx and only responses the schema
documents. Bounded and repeatable: a fixed number of examples per operation from
a fixed seed, derandomised."""

from datetime import timedelta
from io import StringIO

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from boards.api.defaults import TokenRateThrottle
from boards.demo import sign_ins
from boards.models import ApiToken, Board, User
from boards.models.api import TokenScope

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 15
SEED = 20161231

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": SEED,
        "generation": {
            "max-examples": EXAMPLES_PER_OPERATION,
            "deterministic": True,
        },
    }
)
# Loaded when the tests are collected (generating the schema reads no database):
# schemathesis 4.32's lazy `from_fixture` does not run under pytest 9.2.
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/schema/?format=json", get_wsgi_application(), config=CONFIG
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        yield dict(sign_ins())
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _one_connection(monkeypatch):
    """The WSGI handler keeps the test's connection (and so its transaction) open
    between requests, as Django's test client does; and thousands of requests a
    minute are not throttled (tests/boards/test_api.py tests the throttle)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    monkeypatch.setitem(TokenRateThrottle.THROTTLE_RATES, "api", "1000000/min")
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def token_for(email) -> str:
    user = User.objects.get(email=email)
    _, key = ApiToken.issue(
        user=user,
        board=Board.objects.get(slug="cumbria"),
        name="schemathesis",
        scope=TokenScope.WRITE,
        expires_at=timezone.now() + timedelta(hours=1),
        created_by=user,
    )
    return key


@pytest.fixture
def business_team_key(demo):
    return token_for(demo["Business team"])


@pytest.fixture
def agency_contributor_key(demo):
    return token_for(demo["Agency contributor"])


# No 5xx, and every response documented: its status, content type, headers and
# body. (Not schemathesis's checks that every schema-valid request succeeds: a
# valid id of a record that does not exist is rightly refused.)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# The token fixtures hold for every generated request on purpose, and slow or
# filtered generation is no fault of the API.
NO_HEALTH_CHECKS = settings(suppress_health_check=list(HealthCheck))


def call(case, key):
    case.call_and_validate(headers={"Authorization": f"Token {key}"}, checks=CHECKS)


@schema.parametrize()
@NO_HEALTH_CHECKS
def test_api_conforms_as_the_business_team(case, business_team_key):
    call(case, business_team_key)


@schema.parametrize()
@NO_HEALTH_CHECKS
def test_api_conforms_as_an_agency_contributor(case, agency_contributor_key):
    call(case, agency_contributor_key)
