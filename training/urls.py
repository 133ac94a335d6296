from django.urls import path  # noqa: F401 (until the blocks below fill)

app_name = "training"
base = "boards/<slug:board_slug>/training/"

urlpatterns = [
    # ---- programme pages: home, courses, sessions, attendance, evaluation ----
    # ---- end programme pages ----
    # ---- pool, providers, e-learning, imports ----
    # ---- end pool, providers, e-learning, imports ----
]
