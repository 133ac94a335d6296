"""What /healthz checks beyond the database and the broker: the worker's and beat's
heartbeats, and whatever the apps register (e.g. exports queued too long)."""

from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

# Silent for longer than this, a process is reported down (each beats every 30 s).
SILENT_AFTER = timedelta(minutes=3)

# name -> a function giving what is wrong, or None when all is well.
CHECKS: dict[str, Callable[[], str | None]] = {}


def register(name: str, check: Callable[[], str | None]) -> None:
    CHECKS[name] = check


def heartbeat_problem(name: str) -> str | None:
    from .models import Heartbeat

    beat = Heartbeat.objects.filter(name=name).first()
    if beat is None:
        return "no heartbeat yet"
    silent = timezone.now() - beat.beat_at
    if silent <= SILENT_AFTER:
        return None
    return f"no heartbeat for {int(silent.total_seconds() // 60)} minutes"


register("worker", lambda: heartbeat_problem("worker"))
register("beat", lambda: heartbeat_problem("beat"))
