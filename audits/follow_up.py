"""Reads of the Section 11 follow-up shown outside the audits pages: the agency
page's part."""

from .permissions import can_view_agency_follow_up, visible_follow_up_actions


def agency_follow_up_actions(agency, user) -> dict | None:
    """The agency's open Section 11 follow-up actions, soonest due first, for
    those who may see them (one query); None leaves the part out."""
    if not can_view_agency_follow_up(user, agency):
        return None
    actions = (
        visible_follow_up_actions(user, agency.board)
        .open()
        .filter(submission__organisation__agency=agency)
        .select_related("submission__cycle")
        .order_by("due_date", "pk")
    )
    return {"actions": list(actions)}
