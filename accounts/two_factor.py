"""Who must sign in with a second factor: the one place that decides it."""

from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device

from boards.demo import DEMO_DOMAIN
from boards.models import Role
from boards.permissions import roles_anywhere

# The roles that may see restricted records, or will once reviews and child deaths
# land: the board table and the business team. It holds every role that may see a
# confidential agenda item (boards.permissions.CONFIDENTIAL_ROLES; a test keeps it so).
RESTRICTED_RECORD_ROLES = frozenset(
    {
        Role.CHAIR,
        Role.VICE_CHAIR,
        Role.BOARD_MEMBER,
        Role.LAY_MEMBER,
        Role.BUSINESS_TEAM,
    }
)

# Set at password sign-in when the person has a device: they are challenged for a
# code even if two-factor sign-in is only offered to them.
HAS_DEVICE_SESSION_KEY = "two_factor_has_device"


def is_demo_sign_in(user) -> bool:
    """A sign-in made by manage.py load_demo (its addresses end in the demo domain)."""
    return user.email.lower().endswith("." + DEMO_DOMAIN)


def demo_exempt(user) -> bool:
    # Never without DEBUG, whatever TWO_FACTOR_DEMO_EXEMPT says.
    return bool(
        settings.DEBUG and settings.TWO_FACTOR_DEMO_EXEMPT and is_demo_sign_in(user)
    )


# Apps above boards grant restricted records by more than a role (the members of
# a board's Case Review Group see its reviews): each registers a check here,
# (user) -> bool, asked only when the roles alone do not decide.
_RESTRICTED_ACCESS_CHECKS: list = []


def register_restricted_access(check) -> None:
    if check not in _RESTRICTED_ACCESS_CHECKS:
        _RESTRICTED_ACCESS_CHECKS.append(check)


def sees_restricted_records(user) -> bool:
    """A current role, on any board, that may see restricted records, or another
    way in that an app registered."""
    if roles_anywhere(user) & RESTRICTED_RECORD_ROLES:
        return True
    return any(check(user) for check in _RESTRICTED_ACCESS_CHECKS)


def two_factor_required(user) -> bool:
    """Whether the user may use the portal only after giving a code from a second
    factor: staff and superusers (the admin), and anyone who may see restricted
    records. Everyone else is offered it."""
    if not user.is_authenticated or demo_exempt(user):
        return False
    return user.is_staff or user.is_superuser or sees_restricted_records(user)


def needs_second_factor(request) -> bool:
    """Signed in with a password but not yet verified, when they must be."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    return bool(request.session.get(HAS_DEVICE_SESSION_KEY)) or two_factor_required(
        user
    )


def start_unverified(sender, request, user, **kwargs):
    """On each password sign-in: no device carried over, and remember whether the
    person has one, so they are asked for a code."""
    if request is None or not hasattr(request, "session"):
        return
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session[HAS_DEVICE_SESSION_KEY] = user_has_device(user)
