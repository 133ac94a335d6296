"""Thin Celery entry points: render a report run, sweep runs a worker lost."""

import logging
from datetime import timedelta

from celery import shared_task
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from boards.models import Board, Meeting

from . import documents
from .meeting_pack import meeting_pack
from .models import ReportRun, RunKind, RunStatus, checksum_of

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
TRANSIENT = (OSError, OperationalError)
QUEUED_TOO_LONG = timedelta(minutes=10)
RUNNING_TOO_LONG = timedelta(minutes=30)


def _file_name(run: ReportRun) -> str:
    about = run.params.get("year") or run.params.get("meeting") or ""
    return f"reports/{run.board.slug}/run-{run.pk}-{slugify(run.kind)}-{about}.pdf"


def _render(run: ReportRun) -> tuple[bytes, int]:
    def progress(done, total, label):
        ReportRun.objects.filter(pk=run.pk).update(
            steps_done=done, steps_total=total, step_label=str(label)[:200]
        )

    board = Board.objects.get(pk=run.board_id)
    if run.kind == RunKind.ANNUAL_REPORT:
        return documents.annual_report(board, int(run.params["year"]), progress)
    if run.kind == RunKind.MEETING_PACK:
        meeting = Meeting.objects.get(board=board, pk=run.params["meeting"])
        return meeting_pack(meeting, progress)
    raise ValueError(f"{run.get_kind_display()} cannot be exported.")


def _store(run: ReportRun, data: bytes) -> str:
    """Write the PDF under its run's own name; a half-written file left by a lost
    attempt is replaced, so a run has exactly one file. The row points at the file
    only once it is complete."""
    name = _file_name(run)
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(data))


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_ATTEMPTS - 1,
)
def render_report(self, run_id: int) -> None:
    """Render a run's PDF. Routed to the "reports" queue by CELERY_TASK_ROUTES."""
    claimed = ReportRun.objects.filter(
        pk=run_id, status=RunStatus.QUEUED, attempts__lt=MAX_ATTEMPTS
    ).update(
        status=RunStatus.RUNNING,
        attempts=F("attempts") + 1,
        started_at=timezone.now(),
        error="",
    )
    if claimed != 1:
        log.info("render_report: run %s not claimable; leaving it", run_id)
        return
    run = ReportRun.objects.select_related("board").get(pk=run_id)
    try:
        data, pages = _render(run)
        name = _store(run, data)
    except TRANSIENT as error:
        log.warning("render_report: run %s attempt %s: %s", run_id, run.attempts, error)
        if run.attempts >= MAX_ATTEMPTS:
            _fail(run_id, f"The export failed {run.attempts} times: {error}")
            return
        ReportRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
            status=RunStatus.QUEUED
        )
        raise self.retry(exc=error, countdown=2**run.attempts) from error
    except Exception as error:
        log.exception("render_report: run %s failed", run_id)
        _fail(run_id, str(error) or error.__class__.__name__)
        return
    ReportRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
        status=RunStatus.SUCCEEDED,
        file=name,
        checksum=checksum_of(data),
        page_count=pages,
        finished_at=timezone.now(),
    )


def _fail(run_id: int, message: str) -> None:
    ReportRun.objects.filter(pk=run_id).update(
        status=RunStatus.FAILED, error=message, finished_at=timezone.now()
    )


@shared_task
def sweep_lost_runs() -> int:
    """Re-queue runs a worker lost (queued over 10 minutes, running over 30); after
    three attempts such a run fails as lost. Returns how many runs it touched."""
    now = timezone.now()
    touched = 0
    with transaction.atomic():
        stuck_queued = ReportRun.objects.annotate(
            since=Coalesce("started_at", "requested_at")
        ).filter(status=RunStatus.QUEUED, since__lt=now - QUEUED_TOO_LONG)
        stuck_running = ReportRun.objects.filter(
            status=RunStatus.RUNNING, started_at__lt=now - RUNNING_TOO_LONG
        )
        lost = (
            ReportRun.objects.select_for_update()
            .filter(
                Q(pk__in=stuck_queued.values("pk"))
                | Q(pk__in=stuck_running.values("pk"))
            )
            .order_by("pk")
        )
        for run in lost:
            touched += 1
            if run.attempts >= MAX_ATTEMPTS:
                _fail(run.pk, f"The export was lost after {run.attempts} attempts.")
                continue
            ReportRun.objects.filter(pk=run.pk).update(status=RunStatus.QUEUED)
            transaction.on_commit(lambda pk=run.pk: render_report.delay(pk))
    return touched
