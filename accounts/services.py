"""Setting up, using and removing two-factor sign-in. Refusals are DomainErrors."""

import re

import django_otp
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from lscb_portal.errors import DomainError

from .models import TwoFactorEvent

RECOVERY_CODE_COUNT = 10
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"

WRONG_CODE = "The code is not correct. Enter the 6-digit code your app shows now"
WRONG_RECOVERY_CODE = "The recovery code is not correct or has been used already"
TOO_MANY = "You have entered too many wrong codes. Wait a minute, then try again"
WRONG_EITHER = "The code is not correct. Enter a code from your app or a recovery code"


def new_secret() -> str:
    """A new TOTP key (hex), held in the session until the person confirms it."""
    return default_key()


def authenticator_url(user, key) -> str:
    return TOTPDevice(user=user, key=key).config_url


def normal_code(code) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def confirm_set_up(user, key, code) -> tuple[TOTPDevice, list[str]]:
    """Keeps the app's key once a code from it proves it was scanned, and issues
    a fresh set of single-use recovery codes (returned, to show once)."""
    totp = TOTP(TOTPDevice(key=key).bin_key)
    if not (normal_code(code).isdigit() and totp.verify(int(normal_code(code)), 1)):
        raise DomainError({"code": WRONG_CODE})
    with transaction.atomic():
        remove_devices(user)
        device = TOTPDevice.objects.create(
            user=user,
            name=APP_NAME,
            key=key,
            confirmed=True,
            last_t=totp.t(),
            drift=totp.drift,
        )
        recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(
            StaticToken(device=recovery, token=token) for token in codes
        )
        TwoFactorEvent.objects.create(user=user, kind=TwoFactorEvent.Kind.SET_UP)
    return device, codes


def verify_code(user, code, *, app=True, recovery=True):
    """The device that accepts the code (the app's 6-digit code, or a recovery
    code, which is then used up), or a refusal on the code field."""
    code = normal_code(code)
    kinds = [TOTPDevice] * app + [StaticDevice] * recovery
    devices = [d for kind in kinds for d in kind.objects.devices_for_user(user)]
    # After each wrong code a device waits longer (1, 2, 4… seconds) for the next.
    allowed = [d for d in devices if d.verify_is_allowed()[0]]
    if devices and not allowed:
        raise DomainError({"code": TOO_MANY})
    for device in allowed:
        # verify_token locks the device, so a recovery code works only once.
        if django_otp.verify_token(user, device.persistent_id, code):
            if isinstance(device, StaticDevice):
                TwoFactorEvent.objects.create(
                    user=user, kind=TwoFactorEvent.Kind.RECOVERY_CODE_USED
                )
            return device
    if app and recovery:
        raise DomainError({"code": WRONG_EITHER})
    raise DomainError({"code": WRONG_CODE if app else WRONG_RECOVERY_CODE})


def remove_devices(user) -> bool:
    """Removes the person's app and recovery codes; True if there were any."""
    removed = 0
    for kind in (TOTPDevice, StaticDevice):
        removed += kind.objects.filter(user=user).delete()[0]
    return bool(removed)


def remove_two_factor(user, code) -> None:
    """Turns two-factor sign-in off after a code proves it is the person."""
    verify_code(user, code)
    with transaction.atomic():
        remove_devices(user)
        TwoFactorEvent.objects.create(user=user, kind=TwoFactorEvent.Kind.REMOVED)
