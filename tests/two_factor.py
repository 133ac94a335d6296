"""Signing in past the second factor in tests (tests/accounts tests the real thing)."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp.middleware import OTPMiddleware
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


# The test sign-in's devices, by the id a session holds: handed to each request
# rather than looked up, so the query budgets of pages stay those of the pages
# (the one lookup a real verified session adds is counted in tests/accounts).
# Forgotten before each test, as ids come round again.
_devices = {}


def forget_test_devices() -> None:
    _devices.clear()


def sign_in_fully(patch) -> None:
    """Makes Client.force_login give the second factor too (patch: a MonkeyPatch)."""
    force_login = Client.force_login
    find_device = OTPMiddleware._device_from_persistent_id

    def force_login_with_code(self, user, backend=None):
        force_login(self, user, backend)
        device = pass_second_factor(self, user)
        if device is not None:
            _devices[device.persistent_id] = device

    def device_from_persistent_id(self, persistent_id):
        return _devices.get(persistent_id) or find_device(self, persistent_id)

    patch.setattr(Client, "force_login", force_login_with_code)
    patch.setattr(
        OTPMiddleware, "_device_from_persistent_id", device_from_persistent_id
    )
