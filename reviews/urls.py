from django.urls import path  # noqa: F401  (the blocks below fill in)

from .views import child_deaths

app_name = "reviews"
base = "boards/<slug:board_slug>/reviews/"
one = base + "<int:review_id>/"
deaths = "boards/<slug:board_slug>/child-deaths/"

urlpatterns = [
    # Case reviews (views/case_reviews.py) ------------------------------------
    # Action plans (views/action_items.py) ------------------------------------
    # Learning (views/learning.py) --------------------------------------------
    # Child deaths (views/child_deaths.py) ------------------------------------
    path(deaths, child_deaths.ChildDeathListView.as_view(), name="child-deaths"),
    path(
        deaths + "new/",
        child_deaths.ChildDeathCreateView.as_view(),
        name="child-death-create",
    ),
    path(
        deaths + "<int:death_id>/",
        child_deaths.ChildDeathDetailView.as_view(),
        name="child-death",
    ),
    path(
        deaths + "<int:death_id>/edit/",
        child_deaths.ChildDeathEditView.as_view(),
        name="child-death-edit",
    ),
    path(
        deaths + "<int:death_id>/history/",
        child_deaths.ChildDeathHistoryView.as_view(),
        name="child-death-history",
    ),
    path(
        deaths + "statistics/",
        child_deaths.StatisticsView.as_view(),
        name="cdop-statistics",
    ),
    path(deaths + "england/", child_deaths.EnglandView.as_view(), name="england"),
    path(
        deaths + "recommendations/",
        child_deaths.RecommendationListView.as_view(),
        name="cdop-recommendations",
    ),
    path(
        deaths + "recommendations/new/",
        child_deaths.RecommendationCreateView.as_view(),
        name="cdop-recommendation-create",
    ),
    path(
        deaths + "recommendations/<int:recommendation_id>/",
        child_deaths.RecommendationEditView.as_view(),
        name="cdop-recommendation-edit",
    ),
]
