"""The /api/v1/ root: each app's router (its api/urls.py) is mounted here."""

from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.reverse import reverse

from .api_docs import ApiDocsView

APPS = [
    "boards",
    "subgroups",
    "business_plan",
    "indicators",
    "reviews",
    "audits",
    "training",
    "good_practice",
]


@extend_schema(exclude=True)
@api_view(["GET"])
def api_root(request, format=None):
    links = {
        "schema": reverse("api-schema", request=request, format=format),
        "docs": reverse("api-docs", request=request, format=format),
    }
    return Response(links)


urlpatterns = [
    path("", api_root, name="api-root"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", ApiDocsView.as_view(), name="api-docs"),
    *[path("", include(f"{app}.api.urls")) for app in APPS],
]
