"""The API lists' filters of the board's records (the pages filter through
lscb_portal.lists)."""

from ..api.filters import AgencyFilter, ApiFilterSet
from ..models import Agency, Board, ChallengeLogEntry, Meeting, Membership, Risk


class BoardFilterSet(ApiFilterSet):
    class Meta:
        model = Board
        fields = ["modified_since"]


class AgencyFilterSet(ApiFilterSet):
    class Meta:
        model = Agency
        fields = ["statutory_partner", "modified_since"]


class MembershipFilterSet(ApiFilterSet):
    agency = AgencyFilter("agency", help_text="The agency the member represents")

    class Meta:
        model = Membership
        fields = ["role", "agency", "modified_since"]


class MeetingFilterSet(ApiFilterSet):
    class Meta:
        model = Meeting
        fields = ["kind", "modified_since"]


class RiskFilterSet(ApiFilterSet):
    # A risk's owner is a named person or team, not an agency: no agency filter.
    class Meta:
        model = Risk
        fields = ["status", "modified_since"]


class ChallengeFilterSet(ApiFilterSet):
    agency = AgencyFilter(
        "agency_challenged",
        "raised_by_agency",
        help_text="The agency challenged or the agency that raised it",
    )

    class Meta:
        model = ChallengeLogEntry
        fields = ["status", "agency_challenged", "agency", "modified_since"]
