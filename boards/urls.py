from django.urls import path

from . import views

app_name = "boards"

urlpatterns = [
    path("<slug:board_slug>/", views.BoardHomeView.as_view(), name="home"),
    path("<slug:board_slug>/edit/", views.BoardEditView.as_view(), name="edit"),
    path(
        "<slug:board_slug>/history/", views.BoardHistoryView.as_view(), name="history"
    ),
    path(
        "<slug:board_slug>/meetings/", views.MeetingListView.as_view(), name="meetings"
    ),
    path(
        "<slug:board_slug>/meetings/new/",
        views.MeetingCreateView.as_view(),
        name="meeting-create",
    ),
]
