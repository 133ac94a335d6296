"""Thin Celery entry points: render a report run, sweep runs a worker lost."""

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, connection, transaction
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


def _file_name(run: ReportRun, attempt: int) -> str:
    about = run.params.get("year") or run.params.get("meeting") or ""
    return (
        f"reports/{run.board.slug}/"
        f"run-{run.pk}-{slugify(run.kind)}-{about}-attempt-{attempt}.pdf"
    )


def _lease() -> timedelta:
    return timedelta(seconds=settings.REPORT_RUN_LEASE_SECONDS)


@contextmanager
def _heartbeat(run_id: int, attempt: int):
    """Bumps the run's heartbeat from a thread while the attempt runs, so a long
    WeasyPrint render keeps its lease; when the process dies the beats stop and
    another delivery may claim the run once the lease has run out."""
    stop = threading.Event()
    interval = max(_lease().total_seconds() / 3, 0.2)

    def beat():
        try:
            while not stop.wait(interval):
                ReportRun.objects.filter(
                    pk=run_id, status=RunStatus.RUNNING, attempts=attempt
                ).update(heartbeat_at=timezone.now())
        except Exception as error:  # a missed beat only shortens the lease
            log.warning("render_report: heartbeat of run %s: %s", run_id, error)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"report-run-{run_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _claim(run_id: int) -> bool:
    """Takes the run for one attempt: a queued run, or a running one whose worker
    stopped beating (killed mid-render). One conditional update, so of two
    deliveries at most one wins."""
    now = timezone.now()
    claimable = Q(status=RunStatus.QUEUED) | Q(
        status=RunStatus.RUNNING, heartbeat_at__lt=now - _lease()
    )
    return (
        ReportRun.objects.filter(
            claimable, pk=run_id, attempts__lt=MAX_ATTEMPTS
        ).update(
            status=RunStatus.RUNNING,
            attempts=F("attempts") + 1,
            started_at=now,
            heartbeat_at=now,
            error="",
        )
        == 1
    )


def _running_elsewhere(run_id: int) -> timedelta | None:
    """How long until a running run's lease runs out, if another worker holds it."""
    run = ReportRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).first()
    if run is None or run.heartbeat_at is None:
        return None
    return max(run.heartbeat_at + _lease() - timezone.now(), timedelta(0))


def _render(run: ReportRun) -> tuple[bytes, int]:
    def progress(done, total, label):
        ReportRun.objects.filter(pk=run.pk, attempts=run.attempts).update(
            steps_done=done,
            steps_total=total,
            step_label=str(label)[:200],
            heartbeat_at=timezone.now(),
        )

    board = Board.objects.get(pk=run.board_id)
    if run.kind == RunKind.ANNUAL_REPORT:
        return documents.annual_report(
            board,
            int(run.params["year"]),
            progress,
            draft=run.params.get("draft") is True,
        )
    if run.kind == RunKind.MEETING_PACK:
        meeting = Meeting.objects.get(board=board, pk=run.params["meeting"])
        return meeting_pack(meeting, progress)
    raise ValueError(f"{run.get_kind_display()} cannot be exported.")


def _store(run: ReportRun, data: bytes) -> str:
    """Writes this attempt's PDF under its own name (a file half-written by a lost
    attempt is replaced)."""
    name = _file_name(run, run.attempts)
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(data))


def _discard(names) -> None:
    for name in names:
        if default_storage.exists(name):
            default_storage.delete(name)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_ATTEMPTS - 1,
)
def render_report(self, run_id: int) -> None:
    """Render a run's PDF. Routed to the "reports" queue by CELERY_TASK_ROUTES."""
    if not _claim(run_id):
        wait = _running_elsewhere(run_id)
        if wait is not None:
            # Perhaps a redelivery after its worker was killed: look again once
            # the holder's lease runs out (it will have finished or stopped).
            log.info("render_report: run %s is held; again in %s", run_id, wait)
            raise self.retry(countdown=wait.total_seconds() + 1, max_retries=None)
        log.info("render_report: run %s not claimable; leaving it", run_id)
        return
    run = ReportRun.objects.select_related("board").get(pk=run_id)
    try:
        with _heartbeat(run_id, run.attempts):
            data, pages = _render(run)
            name = _store(run, data)
    except TRANSIENT as error:
        log.warning("render_report: run %s attempt %s: %s", run_id, run.attempts, error)
        if run.attempts >= MAX_ATTEMPTS:
            _fail(run_id, f"The export failed {run.attempts} times: {error}")
            return
        ReportRun.objects.filter(
            pk=run_id, status=RunStatus.RUNNING, attempts=run.attempts
        ).update(status=RunStatus.QUEUED)
        raise self.retry(exc=error, countdown=2**run.attempts) from error
    except Exception as error:
        log.exception("render_report: run %s failed", run_id)
        _fail(run_id, str(error) or error.__class__.__name__)
        return
    won = ReportRun.objects.filter(
        pk=run_id, status=RunStatus.RUNNING, attempts=run.attempts
    ).update(
        status=RunStatus.SUCCEEDED,
        file=name,
        checksum=checksum_of(data),
        page_count=pages,
        finished_at=timezone.now(),
    )
    others = [_file_name(run, n) for n in range(1, MAX_ATTEMPTS + 1)]
    if won:
        # Files of earlier attempts killed after writing: the run keeps one file.
        _discard(n for n in others if n != name)
    else:
        # Another delivery took the run over after this one's lease ran out.
        log.warning(
            "render_report: run %s attempt %s lost its claim", run_id, run.attempts
        )
        _discard([name])


def _fail(run_id: int, message: str) -> None:
    ReportRun.objects.filter(pk=run_id).update(
        status=RunStatus.FAILED, error=message, finished_at=timezone.now()
    )


@shared_task
def sweep_lost_runs() -> int:
    """Re-queue runs the broker lost (queued over 10 minutes, or running without a
    heartbeat for longer than the lease); after three attempts such a run fails as
    lost. Returns how many runs it touched."""
    now = timezone.now()
    touched = 0
    with transaction.atomic():
        stuck_queued = ReportRun.objects.annotate(
            since=Coalesce("started_at", "requested_at")
        ).filter(status=RunStatus.QUEUED, since__lt=now - QUEUED_TOO_LONG)
        stuck_running = ReportRun.objects.annotate(
            beat=Coalesce("heartbeat_at", "started_at")
        ).filter(status=RunStatus.RUNNING, beat__lt=now - _lease())
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
