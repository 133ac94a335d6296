"""The business-plan actions a subgroup owns, as its returns see them.

Returns carry a RAG update for each action the subgroup owns, but the business plan
sits above this app (it imports subgroups), so it registers the provider here when
it loads rather than this app importing it."""

from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class RecordedUpdate:
    ref: str
    text: str
    date: date
    rag: str
    narrative: str


@dataclass(frozen=True)
class OwnedAction:
    id: int
    ref: str
    text: str
    plan: str
    current_rag: str


class ActionsProvider(Protocol):
    def owned(self, subgroup, on: date) -> list[OwnedAction]:
        """Actions of open plans covering `on` that the subgroup owns."""

    def record(self, *, subgroup_return, entries: dict, on: date, user) -> int:
        """Record entries {action id: (rag, narrative)} as the actions' updates, all
        or none; raises ValidationError keyed by action ref. Returns the count."""

    def recorded(self, subgroup_return) -> list[RecordedUpdate]:
        """The action updates the return has recorded."""


class NoActions:
    def owned(self, subgroup, on):
        return []

    def record(self, *, subgroup_return, entries, on, user):
        return 0

    def recorded(self, subgroup_return):
        return []


_provider: ActionsProvider = NoActions()


def register(provider: ActionsProvider) -> None:
    global _provider
    _provider = provider


def provider() -> ActionsProvider:
    return _provider
