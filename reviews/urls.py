from django.urls import path  # noqa: F401  (the blocks below fill in)

from .views import action_items, learning

app_name = "reviews"
base = "boards/<slug:board_slug>/reviews/"
one = base + "<int:review_id>/"
deaths = "boards/<slug:board_slug>/child-deaths/"

urlpatterns = [
    # Case reviews (views/case_reviews.py) ------------------------------------
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
]
