from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("indicators", views.IndicatorViewSet, basename="indicator")
# Before "measurements": its detail route would otherwise read "bulk" as an id.
router.register(
    "measurements/bulk", views.MeasurementBulkViewSet, basename="measurement-bulk"
)
router.register("measurements", views.MeasurementViewSet, basename="measurement")
router.register("scorecards", views.ScorecardViewSet, basename="scorecard")

urlpatterns = router.urls
