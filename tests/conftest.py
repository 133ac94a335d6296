"""The fixed cast every app's tests use: two boards, two agencies, a person a role."""

from dataclasses import dataclass

import pytest

from boards.models import Role
from lscb_portal.celery import app as celery_app
from tests.boards.factories import (
    AgencyFactory,
    BoardFactory,
    MembershipFactory,
    UserFactory,
)
from tests.matrix import cast_member, visit  # noqa: F401  (fixtures for every matrix)
from tests.two_factor import forget_test_devices, sign_in_fully


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, tmp_path_factory
):
    """On SQLite the test database is a file rather than memory, so a worker process
    a test starts (tests/reports/test_runs_worker.py) opens the same database."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
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


@pytest.fixture(scope="session", autouse=True)
def _force_login_gives_the_second_factor():
    """force_login stands for the whole sign-in, so it gives the second factor too
    (tests/accounts signs in through the real pages). Session-wide, as fixtures of
    a module sign in too."""
    with pytest.MonkeyPatch.context() as patch:
        sign_in_fully(patch)
        yield


@pytest.fixture(autouse=True)
def _forget_test_devices():
    forget_test_devices()


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
