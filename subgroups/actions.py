"""The business-plan actions a subgroup owns, as its returns see them.

Returns carry a RAG update for each action the subgroup owns, but the business plan
sits above this app (it imports subgroups). So `provider` is a hook: the business
plan sets it to its `business_plan.returns` module when it loads (its apps.py);
until then a return has no actions. A provider has three functions:

- owned(subgroup, on) -> list[OwnedAction]: actions of open plans covering `on`
  that the subgroup owns;
- record(*, subgroup_return, entries, on, user) -> int: the entries
  {action id: (rag, narrative)} become the actions' updates, all or none, through
  the business plan's one writer of updates; raises DomainError keyed by
  action ref; returns the count;
- recorded(subgroup_return) -> list[RecordedUpdate]: the updates it recorded."""

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace


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


provider = SimpleNamespace(
    owned=lambda subgroup, on: [],
    record=lambda **kwargs: 0,
    recorded=lambda subgroup_return: [],
)
