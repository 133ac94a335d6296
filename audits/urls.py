from django.urls import path

from .views import case_audits, section11, submissions

app_name = "audits"
base = "boards/<slug:board_slug>/audits/"
s11 = base + "section-11/"

urlpatterns = [
    # Section 11: cycles, organisations, results (views/section11.py) ---------
    path(base, section11.HomeView.as_view(), name="home"),
    path(s11 + "new/", section11.CycleCreateView.as_view(), name="cycle-create"),
    path(
        s11 + "results/", section11.LatestResultsView.as_view(), name="results-latest"
    ),
    path(s11 + "<int:year>/", section11.CycleView.as_view(), name="cycle"),
    path(
        s11 + "<int:year>/standards/new/",
        section11.StandardAddView.as_view(),
        name="standard-add",
    ),
    path(
        s11 + "<int:year>/standards/<int:number>/questions/new/",
        section11.QuestionAddView.as_view(),
        name="question-add",
    ),
    path(s11 + "<int:year>/results/", section11.ResultsView.as_view(), name="results"),
    path(
        s11 + "<int:year>/submissions/",
        section11.SubmissionListView.as_view(),
        name="submissions",
    ),
    path(
        s11 + "<int:year>/not-responded/",
        section11.NonRespondentsView.as_view(),
        name="non-respondents",
    ),
    path(
        s11 + "<int:year>/submissions/<int:submission_id>/exclude/",
        section11.SubmissionExcludeView.as_view(),
        name="submission-exclude",
    ),
    path(
        base + "organisations/",
        section11.OrganisationListView.as_view(),
        name="organisations",
    ),
    path(
        base + "organisations/new/",
        section11.OrganisationCreateView.as_view(),
        name="organisation-create",
    ),
    path(
        base + "organisations/<int:organisation_id>/",
        section11.OrganisationEditView.as_view(),
        name="organisation-edit",
    ),
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
    # Staff survey
    # (block: survey)
    # (end of block: survey)
    # Section 11 evidence files, committed actions and challenge events
    # (block: follow-up)
    # (end of block: follow-up)
    # Imports of respondents and survey exports
    # (block: imports)
    # (end of block: imports)
]
