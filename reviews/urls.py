from django.urls import path  # noqa: F401  (the blocks below fill in)

from .views import case_reviews


def placeholder(request, **kwargs):  # TEMPORARY (wt-pages only): see below
    from django.http import HttpResponse

    return HttpResponse("Built by another helper.")


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
    # TEMPORARY (wt-pages only; the lead drops these three at merge): the names
    # the reviews home links to, built by other helpers.
    path(base + "_temporary/<int:review_id>/", placeholder, name="published"),
    path(base + "_temporary/learning/", placeholder, name="learning"),
    path(deaths + "_temporary/", placeholder, name="child-deaths"),
    # Action plans (views/action_items.py) ------------------------------------
    # Learning (views/learning.py) --------------------------------------------
    # Child deaths (views/child_deaths.py) ------------------------------------
]
