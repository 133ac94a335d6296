from django.urls import path  # noqa: F401  (the blocks below fill in)

app_name = "reviews"
base = "boards/<slug:board_slug>/reviews/"
one = base + "<int:review_id>/"
deaths = "boards/<slug:board_slug>/child-deaths/"

urlpatterns = [
    # Case reviews (views/case_reviews.py) ------------------------------------
    # Action plans (views/action_items.py) ------------------------------------
    # Learning (views/learning.py) --------------------------------------------
    # Child deaths (views/child_deaths.py) ------------------------------------
]
