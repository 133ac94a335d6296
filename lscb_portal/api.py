"""The /api/v1/ root: each app's router (its api/urls.py) is mounted here."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.reverse import reverse

APPS = [
    "boards",
    "subgroups",
    "business_plan",
    "indicators",
    "reviews",
    "audits",
    "training",
]


@extend_schema(exclude=True)
@api_view(["GET"])
def api_root(request, format=None):
    links = {
        "schema": reverse("api-schema", request=request, format=format),
        "docs": reverse("api-docs", request=request, format=format),
    }
    return Response(links)


# Swagger UI under the CSP: the split view serves its start-up script as a file
# (no inline script); its page keeps one inline <style>, allowed here only.
api_docs = csp_update({"style-src": [UNSAFE_INLINE]})(
    SpectacularSwaggerSplitView.as_view(url_name="api-schema")
)

urlpatterns = [
    path("", api_root, name="api-root"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", api_docs, name="api-docs"),
    *[path("", include(f"{app}.api.urls")) for app in APPS],
]
