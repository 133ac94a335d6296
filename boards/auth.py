from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum


def lockout_username(request, credentials):
    """The address typed at sign-in, lower-cased, so changing its case does not
    escape a lockout (django-axes AXES_USERNAME_CALLABLE)."""
    typed = (credentials or {}).get("username")
    if typed is None and request is not None:
        typed = request.POST.get("username")
    return (typed or "").strip().lower() or None


class MemberAndAddressLockoutHandler(AxesDatabaseHandler):
    """django-axes counting failures against two limits (AXES_LOCKOUT_PARAMETERS
    `[["username", "ip_address"], "ip_address"]`): an address typed from one IP
    address against AXES_FAILURE_LIMIT, an IP address across every account against
    AXES_IP_FAILURE_LIMIT. Axes compares one count with one limit, so an IP address
    past its own limit counts as a member at theirs."""

    def get_failures(self, request, credentials=None) -> int:
        member, address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if address >= settings.AXES_IP_FAILURE_LIMIT:
            return max(member, get_failure_limit(request, credentials))
        return member

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A sign-in clears the member's failures from that IP address only, so an
        attacker signing in to their own account does not clear their count."""
        member_attempts = self.filter_user_attempts(request, credentials)[0]
        deleted, _ = member_attempts.delete()
        return deleted
