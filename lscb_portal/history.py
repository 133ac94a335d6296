"""Readable change history from django-simple-history, for the History tab."""

from dataclasses import dataclass, field

from django.utils.text import capfirst

ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}
HIDDEN_FIELDS = {"version", "id"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: object
    who: object
    action: str
    changes: list[Change] = field(default_factory=list)


def history_entries(history_queryset, limit=200) -> list[HistoryEntry]:
    """Newest first; each entry lists what changed against the one before it.
    One query: records are fetched once and compared in Python."""
    records = list(history_queryset.select_related("history_user")[: limit + 1])
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            for change in record.diff_against(previous).changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                model_field = record.instance_type._meta.get_field(change.field)
                changes.append(
                    Change(
                        capfirst(model_field.verbose_name),
                        _display(change.old),
                        _display(change.new),
                    )
                )
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                action=ACTIONS.get(record.history_type, record.history_type),
                changes=changes,
            )
        )
    return entries


def _display(value) -> str:
    if value in (None, ""):
        return "(blank)"
    return str(value)
