"""Requesting exports: validate, record the job row, queue the task on commit."""

import logging
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from boards.models import Contribution
from indicators.models import Measurement
from lscb_portal.celery import app as celery_app
from lscb_portal.periods import reporting_year_start, year_label

from . import tasks
from .models import ReportRun, RunKind

log = logging.getLogger(__name__)

FIRST_YEAR = 2000
QUEUE_DOWN = (
    "Exporting is not available right now: the job queue is not answering. "
    "Try again in a few minutes."
)


class ReportError(Exception):
    """A request for a report that cannot be met; the message is for the user."""


def reporting_years(today: date | None = None) -> list[int]:
    """Years an annual report may be asked for, newest first."""
    latest = reporting_year_start(today or timezone.localdate())
    return list(range(latest, FIRST_YEAR - 1, -1))


def default_year(board) -> int:
    """The last completed reporting year, or the latest the board has figures for
    if that is earlier (a board loading its history starts from its data)."""
    last_completed = reporting_years()[1]
    budget = Contribution.objects.filter(board=board).aggregate(y=Max("year"))["y"]
    value = Measurement.objects.filter(indicator__board=board).aggregate(
        d=Max("period_end")
    )["d"]
    years = [y for y in (budget, value and reporting_year_start(value)) if y]
    return min(last_completed, max(years)) if years else last_completed


def year_choices() -> list[tuple[int, str]]:
    return [(year, year_label(year)) for year in reporting_years()]


def broker_available() -> bool:
    """Whether the job queue answers within a couple of seconds."""
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception as error:
        log.warning("reports: broker check failed: %s", error)
        return False


def _clean_params(kind: str, params: dict) -> dict:
    if kind != RunKind.ANNUAL_REPORT:
        raise ReportError("Only the annual report can be exported for now.")
    try:
        year = int(params.get("year"))
    except (TypeError, ValueError):
        raise ReportError("Select the reporting year.") from None
    if year not in reporting_years():
        raise ReportError("Select a reporting year from the list.")
    return {"year": year}


def run_request(*, board, kind: str, params: dict, user) -> ReportRun:
    """Record an export and queue it once the row is committed."""
    clean = _clean_params(kind, params)
    if not broker_available():
        raise ReportError(QUEUE_DOWN)
    with transaction.atomic():
        run = ReportRun.objects.create(
            board=board, kind=kind, params=clean, requested_by=user
        )
        transaction.on_commit(lambda: tasks.render_report.delay(run.pk))
    return run


def run_retry(*, run: ReportRun, user) -> ReportRun:
    """A new run with the same request as a failed one."""
    if run.status != "failed":
        raise ReportError("Only a failed export can be tried again.")
    return run_request(board=run.board, kind=run.kind, params=run.params, user=user)


def run_label(run: ReportRun) -> str:
    year = run.params.get("year")
    if run.kind == RunKind.ANNUAL_REPORT and year:
        return f"Annual report {year_label(int(year))}"
    return run.get_kind_display()
