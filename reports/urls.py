from django.urls import path

from . import edition, narrative_views, statement_views, theme_views, views

app_name = "reports"

board = "boards/<slug:board_slug>/reports/"
run = board + "<int:run_id>/"

urlpatterns = [
    path(
        "boards/<slug:board_slug>/annual-report/<str:year>/",
        edition.AnnualReportEditionView.as_view(),
        name="annual-report-edition",
    ),
    path(
        "boards/<slug:board_slug>/meetings/<int:meeting_id>/pack/",
        edition.MeetingPackEditionView.as_view(),
        name="meeting-pack-edition",
    ),
    path(
        "boards/<slug:board_slug>/themes/",
        theme_views.ThemeListView.as_view(),
        name="themes",
    ),
    path(
        "boards/<slug:board_slug>/themes/<slug:theme_slug>/",
        theme_views.ThemeYearView.as_view(),
        name="theme",
    ),
    path(
        "boards/<slug:board_slug>/themes/<slug:theme_slug>/<str:year>/",
        theme_views.ThemeYearView.as_view(),
        name="theme-year",
    ),
    path(board, views.RunListView.as_view(), name="list"),
    path(
        board + "annual-report/",
        views.AnnualReportExportView.as_view(),
        name="export-annual-report",
    ),
    path(
        board + "meeting-pack/",
        views.MeetingPackExportView.as_view(),
        name="export-meeting-pack",
    ),
    path(run, views.RunDetailView.as_view(), name="run"),
    path(run + "status.json", views.RunStatusJsonView.as_view(), name="status"),
    path(run + "download/", views.RunDownloadView.as_view(), name="download"),
    path(run + "try-again/", views.RunRetryView.as_view(), name="retry"),
]
urlpatterns += narrative_views.urlpatterns
urlpatterns += statement_views.urlpatterns
