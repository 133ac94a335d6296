from django.urls import path  # noqa: F401 (until the blocks below fill)

from .views import elearning, imports, pool

app_name = "training"
base = "boards/<slug:board_slug>/training/"

urlpatterns = [
    # ---- programme pages: home, courses, sessions, attendance, evaluation ----
    # ---- end programme pages ----
    # ---- pool, providers, e-learning, imports ----
    path(base + "pool/", pool.PoolView.as_view(), name="pool"),
    path(
        base + "pool/trainers/new/",
        pool.TrainerCreateView.as_view(),
        name="trainer-create",
    ),
    path(
        base + "pool/trainers/<int:trainer_id>/edit/",
        pool.TrainerEditView.as_view(),
        name="trainer-edit",
    ),
    path(
        base + "pool/development-days/new/",
        pool.DevelopmentDayCreateView.as_view(),
        name="development-day-create",
    ),
    path(base + "providers/", pool.ProvidersView.as_view(), name="providers"),
    path(
        base + "providers/new/",
        pool.ProviderCreateView.as_view(),
        name="provider-create",
    ),
    path(
        base + "providers/<int:provider_id>/edit/",
        pool.ProviderEditView.as_view(),
        name="provider-edit",
    ),
    path(base + "e-learning/", elearning.ElearningView.as_view(), name="elearning"),
    path(
        base + "e-learning/<int:year>/totals/",
        elearning.ElearningYearEditView.as_view(),
        name="elearning-year-edit",
    ),
    path(
        base + "e-learning/<int:year>/returns/",
        elearning.ElearningReturnsView.as_view(),
        name="elearning-returns",
    ),
    path(
        base + "import/attendance/",
        imports.AttendanceImportView.as_view(),
        name="attendance-import",
    ),
    path(
        base + "import/e-learning/",
        imports.ElearningImportView.as_view(),
        name="elearning-import",
    ),
    # ---- end pool, providers, e-learning, imports ----
]
