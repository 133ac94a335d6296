from django.urls import path

from .views import case_audits, submissions

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
    path(
        base + "case-audits/",
        case_audits.CaseAuditListView.as_view(),
        name="case-audits",
    ),
    path(
        base + "case-audits/new/",
        case_audits.CaseAuditCreateView.as_view(),
        name="case-audit-create",
    ),
    path(
        base + "case-audits/<int:audit_id>/",
        case_audits.CaseAuditDetailView.as_view(),
        name="case-audit",
    ),
    path(
        base + "case-audits/<int:audit_id>/edit/",
        case_audits.CaseAuditEditView.as_view(),
        name="case-audit-edit",
    ),
    path(
        base + "case-audits/<int:audit_id>/gradings/new/",
        case_audits.GradingCreateView.as_view(),
        name="grading-add",
    ),
    path(
        base + "case-audits/<int:audit_id>/recommendations/new/",
        case_audits.RecommendationCreateView.as_view(),
        name="recommendation-add",
    ),
    path(
        base + "case-audits/<int:audit_id>/recommendations/<int:rec_id>/progress/",
        case_audits.RecommendationProgressView.as_view(),
        name="recommendation-progress",
    ),
]
