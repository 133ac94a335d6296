from django.urls import path

from .views import submissions

app_name = "audits"
base = "boards/<slug:board_slug>/audits/"
s11 = base + "section-11/"

urlpatterns = [
    # Section 11: cycles, organisations, results (views/section11.py) ---------
    # Submissions (views/submissions.py) --------------------------------------
    path(s11 + "mine/", submissions.MySubmissionsView.as_view(), name="my-submissions"),
    path(
        s11 + "submissions/<int:submission_id>/",
        submissions.SubmissionView.as_view(),
        name="submission",
    ),
    path(
        s11 + "submissions/<int:submission_id>/standards/<int:number>/",
        submissions.StandardView.as_view(),
        name="submission-standard",
    ),
    path(
        s11 + "submissions/<int:submission_id>/check/",
        submissions.CheckView.as_view(),
        name="submission-check",
    ),
    # Case audits (views/case_audits.py) --------------------------------------
]
