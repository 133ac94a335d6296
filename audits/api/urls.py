from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("section-11-cycles", views.CycleViewSet, basename="section-11-cycle")
router.register(
    "section-11-standards", views.StandardViewSet, basename="section-11-standard"
)
# A submission's answers and its sending: create-only routes of their own, so they
# share the Idempotency-Key handling of every other POST (IdempotentCreateMixin).
router.register(
    r"section-11-submissions/(?P<id>[0-9]+)/answers",
    views.SubmissionAnswersViewSet,
    basename="section-11-submission-answers",
)
router.register(
    r"section-11-submissions/(?P<id>[0-9]+)/submit",
    views.SubmissionSubmitViewSet,
    basename="section-11-submission-submit",
)
router.register(
    "section-11-submissions",
    views.SubmissionViewSet,
    basename="section-11-submission",
)
router.register("case-audits", views.CaseAuditViewSet, basename="case-audit")
router.register(
    r"case-audit-recommendations/(?P<id>[0-9]+)/progress",
    views.RecommendationProgressViewSet,
    basename="case-audit-recommendation-progress",
)
router.register(
    "case-audit-recommendations",
    views.RecommendationViewSet,
    basename="case-audit-recommendation",
)

urlpatterns = router.urls
