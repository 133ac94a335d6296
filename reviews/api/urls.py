from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("reviews", views.CaseReviewViewSet, basename="case-review")
# An item's progress: a create-only route of its own, so it shares the
# Idempotency-Key handling of every other POST (IdempotentCreateMixin).
router.register(
    r"review-action-items/(?P<id>[0-9]+)/progress",
    views.ActionItemProgressViewSet,
    basename="review-action-item-progress",
)
router.register(
    "review-action-items", views.ActionItemViewSet, basename="review-action-item"
)
router.register(
    "learning-themes", views.LearningThemeViewSet, basename="learning-theme"
)

urlpatterns = router.urls
