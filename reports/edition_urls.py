from django.urls import path

from . import edition

app_name = "reports"

urlpatterns = [
    path(
        "boards/<slug:board_slug>/annual-report/<str:year>/",
        edition.AnnualReportEditionView.as_view(),
        name="annual-report-edition",
    ),
]
