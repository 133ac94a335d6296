from django.urls import path

from . import views

app_name = "subgroups"

board = "boards/<slug:board_slug>/"
group = board + "subgroups/<int:subgroup_id>/"
ret = board + "returns/<int:return_id>/"

urlpatterns = [
    path(board + "subgroups/", views.SubgroupListView.as_view(), name="list"),
    path(group, views.SubgroupDetailView.as_view(), name="detail"),
    path(group + "edit/", views.SubgroupEditView.as_view(), name="edit"),
    path(group + "history/", views.SubgroupHistoryView.as_view(), name="history"),
    path(group + "returns/new/", views.ReturnStartView.as_view(), name="return-start"),
    path(ret, views.ReturnDetailView.as_view(), name="return"),
    path(ret + "history/", views.ReturnHistoryView.as_view(), name="return-history"),
    path(
        ret + "highlights/",
        views.ReturnHighlightsView.as_view(),
        name="return-highlights",
    ),
    path(
        ret + "exceptions/",
        views.ReturnExceptionsView.as_view(),
        name="return-exceptions",
    ),
    path(ret + "actions/", views.ReturnActionsView.as_view(), name="return-actions"),
    path(
        ret + "attachments/",
        views.ReturnAttachmentsView.as_view(),
        name="return-attachments",
    ),
    path(
        ret + "attachments/<int:attachment_id>/",
        views.AttachmentDownloadView.as_view(),
        name="return-attachment",
    ),
    path(ret + "check/", views.ReturnCheckView.as_view(), name="return-check"),
    path(board + "planner/", views.PlannerView.as_view(), name="planner"),
    path(
        board + "planner/new/", views.PlanItemCreateView.as_view(), name="item-create"
    ),
    path(
        board + "planner/<int:item_id>/edit/",
        views.PlanItemEditView.as_view(),
        name="item-edit",
    ),
    path(
        board + "meetings/<int:meeting_id>/papers/",
        views.MeetingPapersView.as_view(),
        name="meeting-papers",
    ),
    path(board + "calendar/", views.CalendarView.as_view(), name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="feed"),
]
