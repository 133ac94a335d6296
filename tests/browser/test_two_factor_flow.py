"""A chair sets up two-factor sign-in, signs out, and signs in again with a code
from the app, then with a recovery code; every page passes axe."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from accounts.models import TwoFactorEvent
from tests.boards.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def app_code(secret, steps_ahead=0):
    """What the app shows for the key typed in (a code works once: a later
    sign-in within the same 30 seconds gives the next one)."""
    totp = TOTP(b32decode(secret.replace(" ", "")))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def test_chair_sets_up_two_factor_then_signs_in_with_a_code(
    cast, live_server, page, sign_in, assert_accessible
):
    sign_in(page, cast.chair.email, TEST_PASSWORD, second_factor=False)
    expect(
        page.get_by_role("heading", level=1, name="Set up two-factor sign-in")
    ).to_be_visible()
    qr_code = page.get_by_role("img", name="QR code to scan with your app")
    expect(qr_code).to_be_visible()
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#two-factor-key").inner_text()
    assert_accessible(page)

    # Nothing else opens until it is set up.
    page.goto(f"{live_server.url}/boards/north/")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/set-up/\?next="))

    page.get_by_label("Code from the app").fill("12345")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("The code is not correct")
    assert_accessible(page)
    page.get_by_label("Code from the app").fill(app_code(secret))
    page.get_by_role("button", name="Continue").click()

    expect(
        page.get_by_role("heading", level=1, name="Save your recovery codes")
    ).to_be_visible()
    codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page)
    page.get_by_role("button", name="I have saved these codes").click()
    expect(page).to_have_url(f"{live_server.url}/boards/north/")
    expect(page.get_by_text("Two-factor sign-in is set up.")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, cast.chair.email, TEST_PASSWORD, second_factor=False)
    expect(
        page.get_by_role("heading", name="Enter the code from your authenticator app")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Code", exact=True).fill(app_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1, name="Your boards")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, cast.chair.email, TEST_PASSWORD, second_factor=False)
    page.get_by_role("link", name="use a recovery code").click()
    expect(page.get_by_role("heading", name="Enter a recovery code")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Recovery code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("you have 9 left")).to_be_visible()

    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_text("or one of 9 recovery codes")).to_be_visible()
    assert_accessible(page)
    kinds = set(TwoFactorEvent.objects.values_list("kind", flat=True))
    assert kinds == {"set_up", "recovery_code_used"}
