from django.urls import path

from .views import action_items, case_reviews, child_deaths, learning

app_name = "reviews"
base = "boards/<slug:board_slug>/reviews/"
one = base + "<int:review_id>/"
deaths = "boards/<slug:board_slug>/child-deaths/"

urlpatterns = [
    # Case reviews (views/case_reviews.py) ------------------------------------
    path(base, case_reviews.ReviewsHomeView.as_view(), name="home"),
    path(base + "new/", case_reviews.ReviewCreateView.as_view(), name="create"),
    path(one, case_reviews.ReviewDetailView.as_view(), name="review"),
    path(one + "edit/", case_reviews.ReviewEditView.as_view(), name="edit"),
    path(one + "history/", case_reviews.ReviewHistoryView.as_view(), name="history"),
    path(
        one + "stage/", case_reviews.ReviewTransitionView.as_view(), name="transition"
    ),
    path(
        one + "type/",
        case_reviews.ReviewRecategoriseView.as_view(),
        name="recategorise",
    ),
    path(
        one + "notification/",
        case_reviews.ReviewNotificationView.as_view(),
        name="notification",
    ),
    path(
        one + "rapid-review/",
        case_reviews.ReviewRapidReviewView.as_view(),
        name="rapid-review",
    ),
    # Action plans (views/action_items.py) ------------------------------------
    path(base + "actions/", action_items.ItemListView.as_view(), name="items"),
    path(
        base + "actions/<int:item_id>/progress/",
        action_items.ItemProgressView.as_view(),
        name="item-progress",
    ),
    path(
        one + "actions/new/", action_items.ItemCreateView.as_view(), name="item-create"
    ),
    path(
        one + "actions/<int:item_id>/edit/",
        action_items.ItemEditView.as_view(),
        name="item-edit",
    ),
    path(
        one + "dissemination/new/",
        action_items.DisseminationCreateView.as_view(),
        name="dissemination-create",
    ),
    path(
        one + "assurance/new/",
        action_items.AssuranceCreateView.as_view(),
        name="assurance-create",
    ),
    path(
        one + "assurance/<int:response_id>/",
        action_items.AssuranceEditView.as_view(),
        name="assurance-edit",
    ),
    # Learning (views/learning.py) --------------------------------------------
    path(base + "learning/", learning.LearningView.as_view(), name="learning"),
    path(
        base + "learning/<slug:theme_slug>/",
        learning.ThemeView.as_view(),
        name="theme",
    ),
    path(base + "themes/", learning.ThemeListView.as_view(), name="themes"),
    path(base + "themes/new/", learning.ThemeCreateView.as_view(), name="theme-create"),
    path(
        base + "themes/<int:theme_id>/",
        learning.ThemeEditView.as_view(),
        name="theme-edit",
    ),
    path(one + "lessons/", learning.PublishedReviewView.as_view(), name="published"),
    path(
        one + "lessons/new/", learning.LessonCreateView.as_view(), name="lesson-create"
    ),
    path(
        one + "lessons/<int:lesson_id>/",
        learning.LessonEditView.as_view(),
        name="lesson-edit",
    ),
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
