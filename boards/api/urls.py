from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("boards", views.BoardViewSet, basename="board")
router.register("agencies", views.AgencyViewSet, basename="agency")
router.register("memberships", views.MembershipViewSet, basename="membership")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("risks", views.RiskViewSet, basename="risk")
router.register("challenges", views.ChallengeViewSet, basename="challenge")

urlpatterns = router.urls
