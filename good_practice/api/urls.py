from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("good-practice", views.ExampleViewSet, basename="good-practice-example")

urlpatterns = router.urls
