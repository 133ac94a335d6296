"""The project's URLs plus the annual report's HTML edition, as lscb_portal/urls.py
will have them once `path("", include("reports.edition_urls"))` is added."""

from django.urls import include, path

from lscb_portal.urls import urlpatterns as project_urls

urlpatterns = [path("", include("reports.edition_urls")), *project_urls]
