"""Who may see and do what with audits: the only place in this app that reads roles.

Section 11 results are for everyone on the board. Submissions are the business
team's and the chair's to read, and an agency contributor's for the organisations
that are its agency; anyone else gets a 404 on a submission."""

from django.utils import timezone

from boards.models import Role
from boards.permissions import can_view_board, roles_on

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


def contributor_agency_ids(user, board) -> set[int]:
    """The agencies the user contributes for on the board today, once a request."""
    if Role.AGENCY_CONTRIBUTOR not in roles_on(user, board):
        return set()
    cache = user.__dict__.setdefault("_audit_agencies", {})
    if board.pk not in cache:
        today = timezone.localdate()
        cache[board.pk] = {
            m.agency_id
            for m in user.memberships.all()
            if m.board_id == board.pk
            and m.role == Role.AGENCY_CONTRIBUTOR
            and m.agency_id
            and (m.member_to is None or m.member_to >= today)
        }
    return cache[board.pk]


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
# (block: survey)


# Section 11 evidence files, committed actions and challenge events ------------
# (block: follow-up)


# Imports of respondents and survey exports ------------------------------------
# (block: imports)


# API --------------------------------------------------------------------------
# (block: api)


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
# (block: joins)
