from django.urls import path

from .views import elearning, imports, pool, programme, sessions

app_name = "training"
base = "boards/<slug:board_slug>/training/"

urlpatterns = [
    path(base, programme.HomeView.as_view(), name="home"),
    path(base + "courses/", programme.CourseListView.as_view(), name="courses"),
    path(
        base + "courses/new/",
        programme.CourseCreateView.as_view(),
        name="course-create",
    ),
    path(
        base + "courses/<int:course_id>/",
        programme.CourseDetailView.as_view(),
        name="course",
    ),
    path(
        base + "courses/<int:course_id>/edit/",
        programme.CourseEditView.as_view(),
        name="course-edit",
    ),
    path(
        base + "courses/<int:course_id>/history/",
        programme.CourseHistoryView.as_view(),
        name="course-history",
    ),
    path(
        base + "courses/<int:course_id>/sessions/new/",
        sessions.SessionCreateView.as_view(),
        name="session-create",
    ),
    path(
        base + "sessions/<int:session_id>/",
        sessions.SessionDetailView.as_view(),
        name="session",
    ),
    path(
        base + "sessions/<int:session_id>/edit/",
        sessions.SessionEditView.as_view(),
        name="session-edit",
    ),
    path(
        base + "sessions/<int:session_id>/history/",
        sessions.SessionHistoryView.as_view(),
        name="session-history",
    ),
    path(
        base + "sessions/<int:session_id>/attendees/new/",
        sessions.AttendeeAddView.as_view(),
        name="attendee-add",
    ),
    path(
        base + "sessions/<int:session_id>/attendees/<int:attendee_id>/remove/",
        sessions.AttendeeRemoveView.as_view(),
        name="attendee-remove",
    ),
    path(
        base + "sessions/<int:session_id>/attendees/<int:attendee_id>/attendance/",
        sessions.AttendeeMarkView.as_view(),
        name="attendee-mark",
    ),
    path(
        base + "sessions/<int:session_id>/counts/",
        sessions.CountsView.as_view(),
        name="counts",
    ),
    path(
        base + "sessions/<int:session_id>/evaluations/new/",
        sessions.EvaluationAddView.as_view(),
        name="evaluation-add",
    ),
    path(
        base + "sessions/<int:session_id>/evaluations/questions/new/",
        sessions.QuestionAddView.as_view(),
        name="question-add",
    ),
    path(
        base + "sessions/<int:session_id>/follow-ups/new/",
        sessions.ImpactAddView.as_view(),
        name="impact-add",
    ),
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
]
