from django.urls import path

from .views import (
    case_audits,
    follow_up,
    imports,
    section11,
    submission_parts,
    submissions,
    survey,
)

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
    path(base + "staff-surveys/", survey.SurveyListView.as_view(), name="surveys"),
    path(
        base + "staff-surveys/new/",
        survey.SurveyCreateView.as_view(),
        name="survey-create",
    ),
    path(
        base + "staff-surveys/<int:year>/",
        survey.SurveyDetailView.as_view(),
        name="survey",
    ),
    path(
        base + "staff-surveys/<int:year>/edit/",
        survey.SurveyEditView.as_view(),
        name="survey-edit",
    ),
    path(
        base + "staff-surveys/<int:year>/questions/new/",
        survey.SurveyQuestionAddView.as_view(),
        name="survey-question-add",
    ),
    path(
        base + "staff-surveys/<int:year>/import/",
        survey.SurveyImportView.as_view(),
        name="survey-import",
    ),
    # Section 11 evidence files, committed actions and challenge events
    path(
        s11 + "submissions/<int:submission_id>/evidence/",
        submission_parts.EvidenceView.as_view(),
        name="submission-evidence",
    ),
    path(
        s11 + "submissions/<int:submission_id>/evidence/<int:file_id>/",
        submission_parts.EvidenceDownloadView.as_view(),
        name="submission-evidence-file",
    ),
    path(
        s11 + "submissions/<int:submission_id>/evidence/<int:file_id>/remove/",
        submission_parts.EvidenceRemoveView.as_view(),
        name="submission-evidence-remove",
    ),
    path(
        s11 + "submissions/<int:submission_id>/actions/",
        submission_parts.ActionsView.as_view(),
        name="submission-actions",
    ),
    path(
        s11 + "submissions/<int:submission_id>/actions/<int:action_id>/",
        submission_parts.ActionChangeView.as_view(),
        name="submission-action",
    ),
    path(
        s11 + "submissions/<int:submission_id>/actions/<int:action_id>/remove/",
        submission_parts.ActionRemoveView.as_view(),
        name="submission-action-remove",
    ),
    path(
        s11 + "<int:year>/follow-up/",
        follow_up.FollowUpListView.as_view(),
        name="follow-up",
    ),
    path(
        s11 + "<int:year>/follow-up/<int:action_id>/",
        follow_up.FollowUpActionView.as_view(),
        name="follow-up-action",
    ),
    path(
        s11 + "<int:year>/follow-up/<int:action_id>/progress/",
        follow_up.FollowUpProgressView.as_view(),
        name="follow-up-progress",
    ),
    path(
        s11 + "<int:year>/challenge-events/",
        follow_up.ChallengeListView.as_view(),
        name="challenges",
    ),
    path(
        s11 + "<int:year>/challenge-events/new/",
        follow_up.ChallengeCreateView.as_view(),
        name="challenge-create",
    ),
    path(
        s11 + "<int:year>/challenge-events/<int:event_id>/",
        follow_up.ChallengeView.as_view(),
        name="challenge",
    ),
    path(
        s11 + "<int:year>/challenge-events/<int:event_id>/participants/new/",
        follow_up.ChallengeParticipantAddView.as_view(),
        name="challenge-participant-add",
    ),
    # Imports of respondents and survey exports
    path(
        base + "organisations/import/",
        imports.OrganisationImportView.as_view(),
        name="organisations-import",
    ),
    path(
        s11 + "<int:year>/submissions/import/",
        imports.SurveyImportView.as_view(),
        name="survey-export-import",
    ),
]
