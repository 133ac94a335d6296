"""Who may see and do what with audits: the only place in this app that reads roles.

Section 11 results are for everyone on the board. Submissions are the business
team's and the chair's to read, and an agency contributor's for the organisations
that are its agency; anyone else gets a 404 on a submission."""

from boards.models import Role
from boards.permissions import can_view_board, contributor_agency_ids, roles_on

from .models import (
    CaseAudit,
    CaseAuditRecommendation,
    Organisation,
    Section11Cycle,
    Standard,
    Submission,
)

READERS = frozenset({Role.BUSINESS_TEAM, Role.CHAIR})
WRITERS = frozenset({Role.BUSINESS_TEAM})


def can_view_audits(user, board) -> bool:
    """The audits section and the Section 11 results."""
    return can_view_board(user, board)


def can_manage_audits(user, board) -> bool:
    """Cycles, standards, questions, organisations, imports, exclusions, late
    acceptance, and any organisation's submission."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & WRITERS)
    )


def own_organisations(user, board):
    """The organisations an agency contributor answers for: its agency's."""
    return Organisation.objects.filter(
        board=board, agency_id__in=contributor_agency_ids(user, board)
    )


def visible_submissions(user, board):
    submissions = Submission.objects.filter(cycle__board=board)
    if not can_view_board(user, board):
        return submissions.none()
    if user.is_superuser or roles_on(user, board) & READERS:
        return submissions
    return submissions.filter(
        organisation__agency_id__in=contributor_agency_ids(user, board)
    )


def can_edit_submission(user, submission) -> bool:
    """Answer and submit: the business team, or a contributor of the agency the
    organisation is."""
    board = submission.cycle.board
    if can_manage_audits(user, board):
        return True
    agency = submission.organisation.agency_id
    return agency is not None and agency in contributor_agency_ids(user, board)


def can_update_case_audit_recommendation(user, recommendation) -> bool:
    """Record a case audit recommendation's progress: the business team, or a
    contributor of the agency that owns it."""
    board = recommendation.audit.board
    if can_manage_audits(user, board):
        return True
    return recommendation.owner_agency_id in contributor_agency_ids(user, board)


# Section 11 pages -------------------------------------------------------------------


def can_view_organisations(user, board) -> bool:
    """The board's list of respondents: the business team and the chair."""
    return user.is_authenticated and (
        user.is_superuser or bool(roles_on(user, board) & READERS)
    )


def can_list_submissions(user, board) -> bool:
    """A cycle's list of submissions (an agency contributor's: its own)."""
    return can_view_organisations(user, board) or bool(
        contributor_agency_ids(user, board)
    )


# Staff survey -----------------------------------------------------------------


def can_view_surveys(user, board) -> bool:
    """The staff surveys and their results: everyone on the board."""
    return can_view_board(user, board)


def can_manage_surveys(user, board) -> bool:
    """Record a survey, its questions and imports: the business team."""
    return can_manage_audits(user, board)


# Section 11 evidence files, committed actions and challenge events ------------


def visible_follow_up_actions(user, board):
    """The follow-up actions (committed actions of submitted submissions) the
    user may see: the business team's and the chair's all of them, an agency
    contributor's its own organisations'."""
    from .models import CommittedAction

    actions = CommittedAction.objects.follow_up().filter(submission__cycle__board=board)
    if not can_view_board(user, board):
        return actions.none()
    if user.is_superuser or roles_on(user, board) & READERS:
        return actions
    return actions.filter(
        submission__organisation__agency_id__in=contributor_agency_ids(user, board)
    )


def can_update_follow_up_action(user, action) -> bool:
    """Record progress on a follow-up action: the business team, or a contributor
    of the agency the organisation is."""
    return can_edit_submission(user, action.submission)


def can_view_agency_follow_up(user, agency) -> bool:
    """An agency page's open Section 11 follow-up actions: the business team, the
    chair, and the agency's own contributors."""
    board = agency.board
    return can_view_organisations(user, board) or (
        agency.pk in contributor_agency_ids(user, board)
    )


def can_manage_challenge_events(user, board) -> bool:
    """Record a challenge event and who took part: the business team."""
    return can_manage_audits(user, board)


def can_view_challenge_events(user, board) -> bool:
    """A challenge event's page: everyone on the board."""
    return can_view_audits(user, board)


# Imports of respondents and survey exports ------------------------------------


def can_import_audits(user, board) -> bool:
    """Import the board's list of organisations or a cycle's survey export: the
    business team."""
    return can_manage_audits(user, board)


# API --------------------------------------------------------------------------


def visible_cycles(user, board):
    """Section 11 cycles with their standards, questions and results: anyone on
    the board, as the audits pages."""
    cycles = Section11Cycle.objects.filter(board=board)
    return cycles if can_view_audits(user, board) else cycles.none()


def visible_standards(user, board):
    standards = Standard.objects.filter(cycle__board=board)
    return standards if can_view_audits(user, board) else standards.none()


def visible_case_audits(user, board):
    """Case audits with their gradings, findings and recommendations: anyone on
    the board, as the case audit pages."""
    audits = CaseAudit.objects.filter(board=board)
    return audits if can_view_audits(user, board) else audits.none()


def visible_case_audit_recommendations(user, board):
    recommendations = CaseAuditRecommendation.objects.filter(audit__board=board)
    return recommendations if can_view_audits(user, board) else recommendations.none()


def can_start_submission(user, organisation) -> bool:
    """Start a submission: the business team for any of the board's organisations,
    a contributor for its own agency's."""
    board = organisation.board
    if can_manage_audits(user, board):
        return True
    agency = organisation.agency_id
    return agency is not None and agency in contributor_agency_ids(user, board)


# Board home, agency page, meeting pack and annual report ----------------------


def can_view_non_respondents(user, board) -> bool:
    """Who has not yet answered a cycle: the business team and the chair."""
    return can_view_organisations(user, board)


def can_view_agency_answers(user, agency) -> bool:
    """An agency's Section 11 answers on its page: the business team, the chair
    and the agency's own contributors."""
    board = agency.board
    return can_view_organisations(user, board) or (
        agency.pk in contributor_agency_ids(user, board)
    )
