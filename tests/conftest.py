"""The fixed cast every app's tests use: two boards, two agencies, a person a role."""

from dataclasses import dataclass

import pytest
from django.test import Client
from django_otp.middleware import OTPMiddleware

from boards.models import Role
from lscb_portal.celery import app as celery_app
from tests.boards.factories import (
    AgencyFactory,
    BoardFactory,
    MembershipFactory,
    UserFactory,
)
from tests.matrix import cast_member, visit  # noqa: F401  (fixtures for every matrix)
from tests.two_factor import pass_second_factor


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, tmp_path_factory
):
    """On SQLite the test database is a file rather than memory, so a worker process
    a test starts (tests/reports/test_runs_worker.py) opens the same database."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = tmp_path_factory.mktemp("database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


@pytest.fixture(autouse=True)
def _celery_eager():
    """Tasks run in-process unless a test starts a real worker."""
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _force_login_gives_the_second_factor(monkeypatch):
    """force_login stands for the whole sign-in, so it gives the second factor too
    for those who need one (tests/accounts signs in through the real pages). Its
    device is kept here rather than looked up by each request, so the query
    budgets of pages stay those of the pages themselves (the one lookup a real
    verified session adds is counted in tests/accounts)."""
    devices = {}
    force_login = Client.force_login
    find_device = OTPMiddleware._device_from_persistent_id

    def sign_in_fully(self, user, backend=None):
        force_login(self, user, backend)
        device = pass_second_factor(self, user)
        if device is not None:
            devices[device.persistent_id] = device

    def device_from_persistent_id(self, persistent_id):
        return devices.get(persistent_id) or find_device(self, persistent_id)

    monkeypatch.setattr(Client, "force_login", sign_in_fully)
    monkeypatch.setattr(
        OTPMiddleware, "_device_from_persistent_id", device_from_persistent_id
    )


@dataclass
class Cast:
    board: object
    other_board: object
    agency_x: object
    agency_y: object
    chair: object
    business_team: object
    board_member: object
    lay_member: object
    contributor_x: object
    contributor_y: object
    other_board_member: object

    def user(self, name):
        """A cast member by name; "anonymous" gives None."""
        return None if name == "anonymous" else getattr(self, name)


@pytest.fixture
def cast(db):
    board = BoardFactory(name="Northshire Safeguarding Children Board", slug="north")
    other = BoardFactory(name="Southshire Safeguarding Children Board", slug="south")
    agency_x = AgencyFactory(board=board, name="Northshire Constabulary")
    agency_y = AgencyFactory(
        board=board, name="Northshire Voluntary Sector", statutory_partner=False
    )

    def member(role, agency=None, on=board):
        return MembershipFactory(board=on, role=role, agency=agency).user

    return Cast(
        board=board,
        other_board=other,
        agency_x=agency_x,
        agency_y=agency_y,
        chair=member(Role.CHAIR),
        business_team=member(Role.BUSINESS_TEAM),
        board_member=member(Role.BOARD_MEMBER, agency_x),
        lay_member=member(Role.LAY_MEMBER),
        contributor_x=member(Role.AGENCY_CONTRIBUTOR, agency_x),
        contributor_y=member(Role.AGENCY_CONTRIBUTOR, agency_y),
        other_board_member=member(
            Role.BOARD_MEMBER, AgencyFactory(board=other), on=other
        ),
    )


@pytest.fixture
def as_user(client):
    """A test client signed in as the given user (None: anonymous)."""

    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def user_factory(db):
    return UserFactory
