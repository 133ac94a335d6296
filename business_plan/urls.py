from django.urls import path

from . import views

app_name = "business_plan"

plan = "<slug:board_slug>/plans/<str:plan_slug>/"
action = plan + "actions/<str:ref>/"

urlpatterns = [
    path("<slug:board_slug>/plans/", views.PlanListView.as_view(), name="list"),
    path("<slug:board_slug>/plans/new/", views.PlanCreateView.as_view(), name="create"),
    path(plan, views.PlanOverviewView.as_view(), name="overview"),
    path(plan + "edit/", views.PlanEditView.as_view(), name="edit"),
    path(plan + "close/", views.PlanCloseView.as_view(), name="close"),
    path(plan + "themes/new/", views.ThemeCreateView.as_view(), name="theme-create"),
    path(plan + "import/", views.ImportView.as_view(), name="import"),
    path(plan + "since/", views.SinceLastMeetingView.as_view(), name="since"),
    path(plan + "monitoring/", views.MonitoringReportView.as_view(), name="monitoring"),
    path(plan + "bulk-update/", views.BulkUpdateView.as_view(), name="bulk-update"),
    path(plan + "actions/new/", views.ActionCreateView.as_view(), name="action-create"),
    path(action, views.ActionDetailView.as_view(), name="action"),
    path(action + "edit/", views.ActionEditView.as_view(), name="action-edit"),
    path(action + "history/", views.ActionHistoryView.as_view(), name="action-history"),
    path(action + "update/", views.UpdateCreateView.as_view(), name="update-create"),
    path(
        action + "updates/<int:update_id>/challenge/",
        views.ChallengeCreateView.as_view(),
        name="challenge",
    ),
    path(
        action + "challenges/<int:challenge_id>/respond/",
        views.ChallengeRespondView.as_view(),
        name="respond",
    ),
]
