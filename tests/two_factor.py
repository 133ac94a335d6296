"""Signing in past the second factor in tests (tests/accounts tests the real thing)."""

from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import two_factor_required

TEST_DEVICE = "Test sign-in"


def recovery_code_for(user) -> str:
    """A fresh single-use code for the user, on a device of its own."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=TEST_DEVICE)
    return device.token_set.create(token=StaticToken.random_token()).token


def app_code_for(user) -> str:
    """The code the user's test authenticator app shows now. Its replay guard is
    reset, so the same user may sign in again within the 30 seconds of a code."""
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name=TEST_DEVICE, defaults={"last_t": -1, "drift": 0}
    )
    return f"{totp(device.bin_key):06d}"


def pass_second_factor(client, user):
    """Marks the client's session as having given a code, as the challenge does;
    the device, or None for those who are not asked for one."""
    if not (two_factor_required(user) or user_has_device(user)):
        return None
    device, _ = StaticDevice.objects.get_or_create(user=user, name=TEST_DEVICE)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
