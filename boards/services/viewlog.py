"""Writes to the view log: the one place a view of a restricted record is recorded,
whichever page or API call showed it."""

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType

from ..models import RecordView


def record_views_log(
    *, board_id: int, user, records: Iterable, via: str, label: Callable = str
) -> int:
    """Logs one view of each record by the user, named by `label(record)`; returns
    how many were logged. One insert (content types come from Django's cache)."""
    views = [
        RecordView(
            board_id=board_id,
            user=user,
            record_type=ContentType.objects.get_for_model(record),
            record_id=record.pk,
            record_label=label(record)[:300],
            via=via[:300],
        )
        for record in records
    ]
    RecordView.objects.bulk_create(views)
    return len(views)


def page_via(request) -> str:
    """A page as the log names it: its URL name and address."""
    match = request.resolver_match
    name = match.view_name if match else ""
    return f"{name} {request.path}".strip()


def api_via(request) -> str:
    return f"API {request.method} {request.path}"
