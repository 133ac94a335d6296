from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("subgroups", views.SubgroupViewSet, basename="subgroup")
router.register(
    "subgroup-returns", views.SubgroupReturnViewSet, basename="subgroup-return"
)
router.register(
    "planner-items", views.ReportingPlanItemViewSet, basename="planner-item"
)

urlpatterns = router.urls
