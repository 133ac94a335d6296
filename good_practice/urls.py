from django.urls import path

from . import views

app_name = "good_practice"

urlpatterns = [
    path(
        "<slug:board_slug>/good-practice/",
        views.ExampleListView.as_view(),
        name="list",
    ),
    path(
        "<slug:board_slug>/good-practice/new/",
        views.ExampleCreateView.as_view(),
        name="example-create",
    ),
    path(
        "<slug:board_slug>/good-practice/<int:pk>/",
        views.ExampleDetailView.as_view(),
        name="example",
    ),
    path(
        "<slug:board_slug>/good-practice/<int:pk>/edit/",
        views.ExampleEditView.as_view(),
        name="example-edit",
    ),
    path(
        "<slug:board_slug>/good-practice/<int:pk>/history/",
        views.ExampleHistoryView.as_view(),
        name="example-history",
    ),
]
