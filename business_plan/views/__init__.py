"""The business plan's pages, split by what they are for."""

from .actions import (
    ActionCreateView,
    ActionDetailView,
    ActionEditView,
    ActionHistoryView,
)
from .plans import (
    ImportView,
    PlanCloseView,
    PlanCreateView,
    PlanEditView,
    PlanListView,
    ThemeCreateView,
)
from .progress import (
    BulkUpdateView,
    ChallengeCreateView,
    ChallengeRespondView,
    UpdateCreateView,
)
from .review import MonitoringReportView, PlanOverviewView, SinceLastMeetingView

__all__ = [
    "ActionCreateView",
    "ActionDetailView",
    "ActionEditView",
    "ActionHistoryView",
    "BulkUpdateView",
    "ChallengeCreateView",
    "ChallengeRespondView",
    "ImportView",
    "MonitoringReportView",
    "PlanCloseView",
    "PlanCreateView",
    "PlanEditView",
    "PlanListView",
    "PlanOverviewView",
    "SinceLastMeetingView",
    "ThemeCreateView",
    "UpdateCreateView",
]
