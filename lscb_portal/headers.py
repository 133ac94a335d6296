"""Response headers for records that must not be kept: an API response or a page
showing a restricted record is never stored by a browser or a shared cache."""

from django.utils.cache import add_never_cache_headers


def no_store(response):
    """Cache-Control: no-store (with no-cache, max-age=0, private) on `response`."""
    add_never_cache_headers(response)
    return response


class ApiNoStoreMiddleware:
    """Every response under /api/, errors included, is `no_store`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/api/"):
            no_store(response)
        return response
