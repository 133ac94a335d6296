"""The boards app's models: people and boards (core), and the board's governance."""

from .api import ApiToken, IdempotencyRecord, TokenScope
from .challenges import ChallengeLogEntry, ChallengeStatus
from .core import (
    Agency,
    Board,
    BoardQuerySet,
    Membership,
    Role,
    User,
    UserManager,
)
from .finance import Contribution, Spend
from .inspections import (
    FindingKind,
    Inspection,
    InspectionFinding,
    Judgement,
    Recommendation,
    RecommendationUpdate,
    SubJudgement,
)
from .meetings import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    Meeting,
    MeetingAction,
    MeetingActionStatus,
    MeetingKind,
    MinutesStatus,
)
from .reference import GlossaryTerm, StrategicLink
from .risks import Risk, RiskStatus, risk_band
from .viewlog import RecordView

__all__ = [
    "ApiToken",
    "IdempotencyRecord",
    "TokenScope",
    "AgendaItem",
    "Agency",
    "Attendance",
    "AttendanceStatus",
    "Board",
    "BoardQuerySet",
    "ChallengeLogEntry",
    "ChallengeStatus",
    "Contribution",
    "Declaration",
    "GlossaryTerm",
    "FindingKind",
    "Inspection",
    "InspectionFinding",
    "Judgement",
    "Meeting",
    "MeetingAction",
    "MeetingActionStatus",
    "MeetingKind",
    "Membership",
    "MinutesStatus",
    "Recommendation",
    "RecommendationUpdate",
    "RecordView",
    "Risk",
    "RiskStatus",
    "Role",
    "Spend",
    "StrategicLink",
    "SubJudgement",
    "User",
    "UserManager",
    "risk_band",
]
