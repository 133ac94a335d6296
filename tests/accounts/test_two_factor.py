"""Two-factor sign-in: who needs it, and the set-up, challenge, recovery and
removal pages, signing in through the real pages (not force_login)."""

import re
import time
from base64 import b32encode
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import TwoFactorEvent
from accounts.two_factor import (
    HAS_DEVICE_SESSION_KEY,
    start_unverified,
    two_factor_required,
)
from accounts.views import PENDING_KEY_SESSION_KEY
from boards.demo import demo_email
from boards.models import ApiToken, Role
from boards.permissions import CONFIDENTIAL_ROLES
from tests.boards.factories import TEST_PASSWORD, MembershipFactory, UserFactory

BOARD = "/boards/north/"
CHALLENGE = "/accounts/two-factor/"
RECOVERY = "/accounts/two-factor/recovery-code/"
SET_UP = "/accounts/two-factor/set-up/"
CODES = "/accounts/two-factor/recovery-codes/"
REMOVE = "/accounts/two-factor/remove/"


def code(key_or_device, steps_ahead=0) -> str:
    """The app's code now (or a later step: each step's code works only once)."""
    key = getattr(key_or_device, "bin_key", key_or_device)
    if isinstance(key, str):
        key = TOTPDevice(key=key).bin_key
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def sign_in(client, user, next_url=BOARD):
    """The password step: the sign-in form, as a person submits it."""
    return client.post(
        f"/accounts/sign-in/?next={next_url}",
        {"username": user.email, "password": TEST_PASSWORD, "next": next_url},
    )


def app_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app")


def recovery_codes(user, *tokens) -> None:
    device = StaticDevice.objects.create(user=user, name="Recovery codes")
    for token in tokens:
        device.token_set.create(token=token)


@pytest.fixture(autouse=True)
def _no_waiting_after_a_wrong_code(settings):
    # Each wrong code makes the next wait (test_wrong_codes_make_you_wait).
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0


def errors(response) -> str:
    page = response.content.decode()
    assert "There is a problem" in page
    return page


# Who must use it ------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, required",
    [
        ("chair", True),
        ("business_team", True),
        ("board_member", True),
        ("lay_member", True),
        ("contributor_x", False),
        ("other_board_member", True),
    ],
)
def test_required_for_the_roles_that_see_restricted_records(cast, who, required):
    assert two_factor_required(cast.user(who)) is required


@pytest.mark.parametrize(
    "role, required",
    [
        (Role.VICE_CHAIR, True),
        (Role.OBSERVER, False),
        (Role.SUBGROUP_CHAIR, False),
    ],
)
def test_required_by_role(db, role, required):
    assert two_factor_required(MembershipFactory(role=role).user) is required


@pytest.mark.parametrize("role", sorted(CONFIDENTIAL_ROLES))
def test_required_for_every_role_that_sees_confidential_items(db, role):
    assert two_factor_required(MembershipFactory(role=role).user)


def test_an_ended_role_does_not_require_it(db):
    ended = date.today() - timedelta(days=1)
    member = MembershipFactory(role=Role.CHAIR, member_to=ended)
    assert not two_factor_required(member.user)


def test_required_for_staff_and_superusers_who_can_use_the_admin(db):
    assert two_factor_required(UserFactory(is_staff=True))
    assert two_factor_required(UserFactory(is_superuser=True))
    assert not two_factor_required(UserFactory())


def demo_chair():
    user = UserFactory(email=demo_email("chair"))
    MembershipFactory(user=user, role=Role.CHAIR)
    return user


@pytest.mark.parametrize(
    "debug, exempt, required",
    [(True, True, False), (False, True, True), (True, False, True)],
    ids=["debug", "debug-off", "exemption-off"],
)
def test_demo_sign_ins_are_exempt_only_while_debug_is_on(
    db, settings, debug, exempt, required
):
    settings.DEBUG = debug
    settings.TWO_FACTOR_DEMO_EXEMPT = exempt
    assert two_factor_required(demo_chair()) is required


def test_only_demo_addresses_are_exempt(cast, settings):
    settings.DEBUG = settings.TWO_FACTOR_DEMO_EXEMPT = True
    assert two_factor_required(cast.chair)
    lookalike = UserFactory(email="chair@demo.example.org")
    MembershipFactory(user=lookalike, role=Role.CHAIR)
    assert two_factor_required(lookalike)


def test_with_debug_off_a_demo_chair_must_set_up_two_factor(db, client, settings):
    settings.DEBUG = False
    settings.TWO_FACTOR_DEMO_EXEMPT = True
    sign_in(client, demo_chair())
    assert client.get(BOARD).url.startswith(CHALLENGE)


def test_with_debug_on_a_demo_chair_signs_in_with_the_password(db, client, settings):
    settings.DEBUG = settings.TWO_FACTOR_DEMO_EXEMPT = True
    sign_in(client, demo_chair())
    assert client.get("/").status_code == 200


# Every page waits for the code ----------------------------------------------------


def test_every_page_sends_an_unverified_chair_to_the_code_keeping_next(cast, client):
    app_device(cast.chair)
    response = sign_in(client, cast.chair)
    assert response.url == BOARD
    for url in (BOARD, "/", "/accounts/", f"{BOARD}meetings/?page=2"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(f"{CHALLENGE}?next=")
    assert client.get(CHALLENGE).status_code == 200
    assert client.get(RECOVERY).status_code == 200
    assert client.post("/accounts/sign-out/").status_code == 302
    assert client.get(BOARD).url.startswith("/accounts/sign-in/")


def test_the_redirect_keeps_the_page_asked_for(cast, client):
    app_device(cast.chair)
    sign_in(client, cast.chair)
    response = client.get(f"{BOARD}meetings/?page=2")
    assert (
        response.url == f"{CHALLENGE}?next=%2Fboards%2Fnorth%2Fmeetings%2F%3Fpage%3D2"
    )


def test_without_a_device_the_code_page_leads_to_set_up(cast, client):
    sign_in(client, cast.business_team)
    response = client.get(f"{CHALLENGE}?next={BOARD}")
    assert response.url == f"{SET_UP}?next=%2Fboards%2Fnorth%2F"
    assert client.get(SET_UP).status_code == 200


def test_the_admin_waits_for_the_code_of_staff(db, client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    sign_in(client, staff, next_url="/admin/")
    response = client.get("/admin/")
    assert response.url.startswith(f"{CHALLENGE}?next=%2Fadmin%2F")


def test_the_api_refuses_an_unverified_session_but_not_a_token(cast, client):
    sign_in(client, cast.business_team)
    response = client.get("/api/v1/boards/")
    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]
    _, key = ApiToken.issue(
        user=cast.business_team,
        board=cast.board,
        name="Feed",
        scope="read",
        expires_at=timezone.now() + timedelta(days=1),
        created_by=cast.business_team,
    )
    response = client.get("/api/v1/boards/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200


def test_a_contributor_is_offered_it_and_not_stopped(cast, client):
    sign_in(client, cast.contributor_x)
    assert client.get(BOARD).status_code == 200
    page = client.get("/accounts/").content.decode()
    assert "Set up two-factor sign-in" in page


def test_once_set_up_a_contributor_is_asked_for_the_code_too(cast, client):
    app_device(cast.contributor_x)
    sign_in(client, cast.contributor_x)
    assert client.get(BOARD).url.startswith(CHALLENGE)


# Set-up ---------------------------------------------------------------------------


def test_set_up_scan_confirm_and_save_recovery_codes_once(cast, client):
    user = cast.chair
    sign_in(client, user)
    page = client.get(f"{SET_UP}?next={BOARD}").content.decode()
    assert '<svg role="img" aria-label="QR code' in page
    key = client.session[PENDING_KEY_SESSION_KEY]
    secret = re.search(r'id="two-factor-key">([A-Z2-7 ]+)<', page).group(1)
    assert secret.replace(" ", "") == b32encode(TOTPDevice(key=key).bin_key).decode()
    assert 'autocomplete="one-time-code"' in page
    assert 'inputmode="numeric"' in page
    assert not TOTPDevice.objects.filter(user=user).exists()  # nothing until proven

    response = client.post(f"{SET_UP}?next={BOARD}", {"code": "000000"})
    assert "The code is not correct" in errors(response)
    assert not TOTPDevice.objects.filter(user=user).exists()

    response = client.post(f"{SET_UP}?next={BOARD}", {"code": code(key)})
    assert response.url == f"{CODES}?next=%2Fboards%2Fnorth%2F"
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    assert device.key == key
    page = client.get(response.url).content.decode()
    shown = re.findall(r'<code class="portal-code">(\w+)</code>', page)
    assert len(shown) == 10
    assert sorted(shown) == sorted(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    )
    response = client.post(response.url)
    assert response.url == BOARD
    assert client.get(CODES).url == "/accounts/"  # shown once
    assert client.get(BOARD).status_code == 200
    assert [e.kind for e in TwoFactorEvent.objects.filter(user=user)] == ["set_up"]


def test_set_up_refuses_an_empty_or_odd_code(cast, client):
    sign_in(client, cast.chair)
    client.get(SET_UP)
    assert "Enter the code" in errors(client.post(SET_UP, {"code": ""}))
    assert "The code is not correct" in errors(client.post(SET_UP, {"code": "abc"}))


def test_someone_with_a_device_cannot_set_up_another_over_it(cast, client):
    device = app_device(cast.chair)
    sign_in(client, cast.chair)
    client.post(CHALLENGE, {"code": code(device)})
    assert client.get(SET_UP).url == "/accounts/"


# The challenge --------------------------------------------------------------------


def test_challenge_with_the_app_code_then_the_page_asked_for(cast, client):
    device = app_device(cast.business_team)
    sign_in(client, cast.business_team)
    url = f"{CHALLENGE}?next={BOARD}"
    page = client.get(url).content.decode()
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page
    response = client.post(url, {"code": "123456" if code(device) != "123456" else "1"})
    page = errors(response)
    assert "The code is not correct. Enter the 6-digit code your app shows now" in page
    response = client.post(url, {"code": code(device)})
    assert response.url == BOARD
    assert client.get(BOARD).status_code == 200


def test_wrong_codes_make_you_wait(cast, client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    device = app_device(cast.chair)
    sign_in(client, cast.chair)
    wrong = "000000" if code(device) != "000000" else "111111"
    assert "The code is not correct" in errors(client.post(CHALLENGE, {"code": wrong}))
    page = errors(client.post(CHALLENGE, {"code": code(device)}))
    assert "too many wrong codes" in page
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    assert client.post(CHALLENGE, {"code": code(device)}).url == "/"


def test_the_same_app_code_does_not_work_twice(cast, client):
    device = app_device(cast.chair)
    token = code(device)
    sign_in(client, cast.chair)
    assert client.post(CHALLENGE, {"code": token}).url == "/"
    client.post("/accounts/sign-out/")
    sign_in(client, cast.chair)
    assert "The code is not correct" in errors(client.post(CHALLENGE, {"code": token}))


def test_next_may_not_leave_the_site(cast, client):
    device = app_device(cast.chair)
    sign_in(client, cast.chair)
    url = f"{CHALLENGE}?next=https://elsewhere.example/"
    assert client.post(url, {"code": code(device)}).url == "/"


def test_a_recovery_code_works_once(cast, client):
    user = cast.chair
    app_device(user)
    recovery_codes(user, "abcd2345", "efgh6789")
    sign_in(client, user)
    response = client.post(f"{RECOVERY}?next={BOARD}", {"code": "ABCD 2345"})
    assert response.url == BOARD
    assert "you have 1 left" in client.get(BOARD).content.decode()
    assert TwoFactorEvent.objects.filter(
        user=user, kind=TwoFactorEvent.Kind.RECOVERY_CODE_USED
    ).exists()

    client.post("/accounts/sign-out/")
    sign_in(client, user)
    page = errors(client.post(RECOVERY, {"code": "abcd2345"}))
    assert "The recovery code is not correct or has been used already" in page
    assert client.get(BOARD).url.startswith(CHALLENGE)


def test_a_recovery_code_is_not_an_app_code(cast, client):
    app_device(cast.chair)
    recovery_codes(cast.chair, "12345678")
    sign_in(client, cast.chair)
    assert "The code is not correct" in errors(
        client.post(CHALLENGE, {"code": "12345678"})
    )


def test_a_password_sign_in_starts_unverified_and_remembers_the_device(cast, rf):
    request = rf.post("/accounts/sign-in/")
    request.session = {DEVICE_ID_SESSION_KEY: "otp_totp.totpdevice/1"}
    start_unverified(None, request, cast.chair)
    assert request.session == {HAS_DEVICE_SESSION_KEY: False}
    app_device(cast.chair)
    start_unverified(None, request, cast.chair)
    assert request.session == {HAS_DEVICE_SESSION_KEY: True}


# Removal --------------------------------------------------------------------------


def test_removing_needs_a_code_and_then_a_required_user_sets_up_again(cast, client):
    user = cast.chair
    device = app_device(user)
    recovery_codes(user, "abcd2345")
    sign_in(client, user)
    client.post(CHALLENGE, {"code": code(device)})
    assert "Remove two-factor sign-in" in client.get("/accounts/").content.decode()
    assert "The code is not correct" in errors(client.post(REMOVE, {"code": "999"}))
    assert TOTPDevice.objects.filter(user=user).exists()

    response = client.post(REMOVE, {"code": code(device, steps_ahead=1)})
    assert response.url == "/accounts/"
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert TwoFactorEvent.objects.filter(
        user=user, kind=TwoFactorEvent.Kind.REMOVED
    ).exists()
    response = client.get(BOARD)
    assert response.url.startswith(CHALLENGE)
    assert client.get(response.url).url.startswith(SET_UP)


def test_a_contributor_may_turn_it_off_with_a_recovery_code(cast, client):
    user = cast.contributor_x
    app_device(user)
    recovery_codes(user, "abcd2345", "efgh6789")
    sign_in(client, user)
    client.post(RECOVERY, {"code": "abcd2345"})
    assert client.post(REMOVE, {"code": "efgh6789"}).url == "/accounts/"
    assert "Set up two-factor sign-in" in client.get("/accounts/").content.decode()
    assert client.get(BOARD).status_code == 200


# The cost -------------------------------------------------------------------------


def test_a_verified_session_adds_one_query_a_page(cast, client, as_user):
    device = app_device(cast.chair)
    sign_in(client, cast.chair)
    client.post(CHALLENGE, {"code": code(device)})
    with CaptureQueriesContext(connection) as real:
        assert client.get(BOARD).status_code == 200
    signed_in = as_user(cast.chair)
    with CaptureQueriesContext(connection) as test_sign_in:
        assert signed_in.get(BOARD).status_code == 200
    assert len(real) == len(test_sign_in) + 1  # the device, looked up by id
