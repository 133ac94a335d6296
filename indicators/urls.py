from django.urls import path

from .views import (
    BreakdownDetailView,
    BreakdownListView,
    ImportView,
    IndicatorCreateView,
    IndicatorDetailView,
    IndicatorEditView,
    IndicatorHistoryView,
    IndicatorsHomeView,
    MeasurementCreateView,
    MeasurementEditView,
    ScorecardView,
    TargetSetView,
)

app_name = "indicators"
base = "boards/<slug:board_slug>/indicators/"
one = base + "<str:code>/"

urlpatterns = [
    path(base, IndicatorsHomeView.as_view(), name="home"),
    path(base + "all/", ScorecardView.as_view(), name="all"),
    path(base + "scorecards/<slug:slug>/", ScorecardView.as_view(), name="scorecard"),
    path(base + "new/", IndicatorCreateView.as_view(), name="create"),
    path(base + "import/", ImportView.as_view(), name="import"),
    path(base + "tables/", BreakdownListView.as_view(), name="tables"),
    path(base + "tables/<slug:slug>/", BreakdownDetailView.as_view(), name="table"),
    path(one, IndicatorDetailView.as_view(), name="indicator"),
    path(one + "edit/", IndicatorEditView.as_view(), name="edit"),
    path(one + "history/", IndicatorHistoryView.as_view(), name="history"),
    path(one + "targets/", TargetSetView.as_view(), name="target"),
    path(
        one + "values/new/", MeasurementCreateView.as_view(), name="measurement-create"
    ),
    path(
        one + "values/<int:measurement_id>/",
        MeasurementEditView.as_view(),
        name="measurement-edit",
    ),
]
