"""What every response under /api/ shares: a body larger than
DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 before anything reads it; every error Django
answers itself (an unknown address, a 500, the database's 503) is JSON in the API's
one error shape (boards/api/schema.py) rather than an HTML page; and no response is
stored by a browser or a cache (as pages of restricted records, boards.mixins)."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

API_PREFIX = "/api/"
MESSAGES = {
    400: "Bad request.",
    404: "Not found.",
    413: "The body is larger than the service accepts.",
    500: "Something went wrong on our side. It has been logged.",
    503: "The service is unavailable for a moment: try again shortly.",
}
# Headers that still mean something on the JSON version of a response.
KEPT_HEADERS = ("Retry-After", "Allow", "WWW-Authenticate")


def error_response(status: int, detail: str | None = None, source=None):
    response = JsonResponse(
        {"detail": detail or MESSAGES.get(status, "The request failed.")},
        status=status,
    )
    for header in KEPT_HEADERS if source is not None else ():
        if header in source:
            response[header] = source[header]
    return response


def _too_big(request) -> bool:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return limit is not None and length > limit


class ApiErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if _too_big(request):
            return error_response(413)
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if response.status_code >= 400 and "json" not in content_type:
            return error_response(response.status_code, source=response)
        return response


def no_store(response):
    """Cache-Control: no-store (with no-cache, max-age=0, private) on `response`: an
    API response or a page showing a restricted record is never stored by a browser
    or a shared cache."""
    add_never_cache_headers(response)
    return response


class ApiNoStoreMiddleware:
    """Every response under /api/, errors included, is `no_store`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            no_store(response)
        return response
