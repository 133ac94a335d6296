from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("training-courses", views.CourseViewSet, basename="training-course")
router.register("training-sessions", views.SessionViewSet, basename="training-session")
# Each "bulk" before its list: the list's detail route would read "bulk" as an id.
router.register(
    "attendance-counts/bulk",
    views.AttendanceCountBulkViewSet,
    basename="attendance-count-bulk",
)
router.register(
    "attendance-counts", views.AttendanceCountViewSet, basename="attendance-count"
)
router.register(
    "elearning-returns/bulk",
    views.ElearningReturnBulkViewSet,
    basename="elearning-return-bulk",
)
router.register(
    "elearning-returns", views.ElearningReturnViewSet, basename="elearning-return"
)

urlpatterns = [
    *router.urls,
    path("training-totals/", views.TotalsView.as_view(), name="training-totals"),
]
