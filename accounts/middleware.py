from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .two_factor import needs_second_factor

# The pages a person who still owes a code may reach.
OPEN_TO_UNVERIFIED = frozenset(
    {
        "two-factor",
        "two-factor-recovery",
        "two-factor-set-up",
        "sign-out",
        "healthz",
    }
)


def api_token_request(request) -> bool:
    # A token is its own credential; the API ignores the session when one is given.
    scheme = request.headers.get("Authorization", "").split(" ", 1)[0].lower()
    return request.path.startswith("/api/") and scheme in ("token", "bearer")


class TwoFactorMiddleware:
    """Every page but the code, set-up and sign-out pages waits for the second
    factor of those who need one (after OTPMiddleware, which marks who has given it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name in OPEN_TO_UNVERIFIED:
            return None
        if api_token_request(request) or not needs_second_factor(request):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": "Give your two-factor code in the portal first."},
                status=403,
            )
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('two-factor')}?{query}")
