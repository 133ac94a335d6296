from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("plans", views.PlanViewSet, basename="business-plan")
router.register("themes", views.ThemeViewSet, basename="plan-theme")
router.register("actions", views.ActionViewSet, basename="plan-action")
router.register("action-updates", views.ActionUpdateViewSet, basename="action-update")

urlpatterns = router.urls
