"""Thin Celery entry points: render a report run, sweep runs the broker or a worker
lost."""

import logging
import threading
import time
from contextlib import contextmanager
from datetime import timedelta

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from boards.models import Board, Meeting
from lscb_portal.celery import enqueue, waiting_task_args

from . import documents
from .meeting_pack import meeting_pack
from .models import ReportRun, RunKind, RunStatus, checksum_of

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
TRANSIENT = (OSError, OperationalError)
# How many times a delivery looks again at a run another worker holds before it
# leaves the run to that worker (or, if it dies, to the sweeper).
HELD_LOOKS = 3
# /healthz names queued runs older than this (a missing worker or a long backlog).
QUEUED_TOO_LONG = timedelta(minutes=10)
QUEUE = settings.CELERY_TASK_ROUTES["reports.tasks.render_report"]["queue"]


def _file_name(run: ReportRun, attempt: int) -> str:
    about = run.params.get("year") or run.params.get("meeting") or ""
    return (
        f"reports/{run.board.slug}/"
        f"run-{run.pk}-{slugify(run.kind)}-{about}-attempt-{attempt}.pdf"
    )


def _lease() -> timedelta:
    return timedelta(seconds=settings.REPORT_RUN_LEASE_SECONDS)


class _Progress:
    """When the render last moved on: a step done, or a page WeasyPrint laid out."""

    def __init__(self):
        self.touch()

    def touch(self) -> None:
        self.at = time.monotonic()

    def within(self, seconds: float) -> bool:
        return time.monotonic() - self.at < seconds


class _TouchOnLog(logging.Handler):
    def __init__(self, progress: _Progress):
        super().__init__(logging.INFO)
        self.progress = progress

    def emit(self, record):
        self.progress.touch()


@contextmanager
def _weasyprint_steps(progress: _Progress):
    """WeasyPrint logs each step and each page it lays out: each is progress. The
    logger is quiet (WARNING) in LOGGING; opened here, not passed on to the console."""
    logger = logging.getLogger("weasyprint.progress")
    handler = _TouchOnLog(progress)
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


@contextmanager
def _heartbeat(run_id: int, attempt: int):
    """Bumps the run's heartbeat from a thread while the render makes progress, so
    a long WeasyPrint render keeps its lease. A render that stops progressing for
    a lease stops beating, as a killed one does: it loses its lease and another
    delivery may claim the run (this one's result is then discarded)."""
    progress = _Progress()
    stop = threading.Event()
    lease = _lease().total_seconds()
    interval = max(lease / 3, 0.2)

    def beat():
        try:
            while not stop.wait(interval):
                if progress.within(lease):
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
        with _weasyprint_steps(progress):
            yield progress
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


def _render(run: ReportRun, moved: _Progress) -> tuple[bytes, int]:
    def progress(done, total, label):
        moved.touch()
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


def _took_too_long(seconds: float) -> str:
    minutes = seconds / 60
    span = (
        f"{minutes:g} minute{'s' if minutes != 1 else ''}"
        if minutes == int(minutes)
        else f"{seconds:g} second{'s' if seconds != 1 else ''}"
    )
    return (
        f"The report took longer than {span} to make and was stopped. "
        "Try again later; if it happens again, tell the business team."
    )


class RenderTask(Task):
    @property
    def max_countdown(self) -> float:
        """The longest countdown its retries use (lscb_portal/checks.py keeps it
        under the broker's visibility timeout): the wait for a held run's lease."""
        return max(settings.REPORT_RUN_LEASE_SECONDS + 1, 2**MAX_ATTEMPTS)

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Celery calls this in the worker's main process when the hard time limit
        # killed the render: the attempt counts; queue it again, or fail at the cap.
        if isinstance(exc, TimeLimitExceeded) and args:
            _killed_for_time(args[0], exc.args[0] if exc.args else self.time_limit)


@shared_task(
    base=RenderTask,
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_ATTEMPTS + HELD_LOOKS,
)
def render_report(self, run_id: int) -> None:
    """Render a run's PDF. Routed to the "reports" queue by CELERY_TASK_ROUTES; its
    time limits are in CELERY_TASK_ANNOTATIONS."""
    if not _claim(run_id):
        _not_claimed(self, run_id)
        return
    run = ReportRun.objects.select_related("board").get(pk=run_id)
    try:
        with _heartbeat(run_id, run.attempts) as moved:
            data, pages = _render(run, moved)
            name = _store(run, data)
    except SoftTimeLimitExceeded:
        log.warning("render_report: run %s passed its soft time limit", run_id)
        # The limit the message carries (its sender's settings), else the task's.
        soft = (self.request.timelimit or (None, None))[1] or self.soft_time_limit
        _fail(run_id, _took_too_long(soft), attempt=run.attempts)
        return
    except TRANSIENT as error:
        log.warning("render_report: run %s attempt %s: %s", run_id, run.attempts, error)
        if run.attempts >= MAX_ATTEMPTS:
            _fail(
                run_id,
                f"The export failed {run.attempts} times: {error}",
                attempt=run.attempts,
            )
            return
        ReportRun.objects.filter(
            pk=run_id, status=RunStatus.RUNNING, attempts=run.attempts
        ).update(status=RunStatus.QUEUED)
        raise self.retry(exc=error, countdown=2**run.attempts) from error
    except Exception as error:
        log.exception("render_report: run %s failed", run_id)
        _fail(run_id, str(error) or error.__class__.__name__, attempt=run.attempts)
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


def _not_claimed(task, run_id: int) -> None:
    """A delivery that could not claim its run: finished or gone (nothing to do),
    held by a live worker (look again once its lease runs out, a few times), or
    out of attempts after its worker was killed again and again (fail it)."""
    run = ReportRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).first()
    if run is None or run.heartbeat_at is None:
        log.info("render_report: run %s not claimable; leaving it", run_id)
        return
    wait = run.heartbeat_at + _lease() - timezone.now()
    if wait <= timedelta(0):  # lease run out, so _claim refused for the cap
        _fail(
            run_id,
            f"The export was stopped before it finished {run.attempts} times "
            "(its worker was restarted or ran out of memory).",
            attempt=run.attempts,
        )
        return
    if task.request.retries >= task.max_retries:
        log.info("render_report: run %s still held; leaving it to its holder", run_id)
        return
    # Perhaps a redelivery after its worker was killed: look again once the
    # holder's lease runs out (it will have finished or stopped beating).
    log.info("render_report: run %s is held; again in %s", run_id, wait)
    raise task.retry(countdown=wait.total_seconds() + 1)


def _killed_for_time(run_id: int, limit: float) -> None:
    run = ReportRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).first()
    if run is None:
        return
    if run.attempts >= MAX_ATTEMPTS:
        _fail(run_id, _took_too_long(limit), attempt=run.attempts)
    elif ReportRun.objects.filter(
        pk=run_id, status=RunStatus.RUNNING, attempts=run.attempts
    ).update(status=RunStatus.QUEUED):
        enqueue(render_report, run_id)  # if the broker is down, the sweeper


def _fail(run_id: int, message: str, *, attempt: int | None = None) -> None:
    """Fails the run (only if still at `attempt`: a later attempt that took the
    run over after this one lost its lease is left alone)."""
    runs = ReportRun.objects.filter(pk=run_id).exclude(status=RunStatus.SUCCEEDED)
    if attempt is not None:
        runs = runs.filter(attempts=attempt)
    runs.update(status=RunStatus.FAILED, error=message, finished_at=timezone.now())


@shared_task
def sweep_lost_runs() -> int:
    """Every REPORT_SWEEP_SECONDS (beat): a running run whose heartbeat stopped for
    a lease goes back to the queue (or fails, out of attempts); then each queued
    run older than REPORT_QUEUED_STALE_SECONDS that no message in the queue (or
    held by a worker) names is sent again: its message was lost with a flushed or
    restarted broker, or its send failed. A run waiting behind a backlog has its
    message there, so it is not sent twice. Returns how many runs it sent again
    or failed."""
    now = timezone.now()
    touched = 0
    with transaction.atomic():
        stuck_running = ReportRun.objects.annotate(
            beat=Coalesce("heartbeat_at", "started_at")
        ).filter(status=RunStatus.RUNNING, beat__lt=now - _lease())
        for run in (
            ReportRun.objects.select_for_update()
            .filter(pk__in=stuck_running.values("pk"))
            .order_by("pk")
        ):
            if run.attempts >= MAX_ATTEMPTS:
                touched += 1
                _fail(run.pk, f"The export was lost after {run.attempts} attempts.")
            else:
                ReportRun.objects.filter(pk=run.pk).update(status=RunStatus.QUEUED)
    stale = now - timedelta(seconds=settings.REPORT_QUEUED_STALE_SECONDS)
    lost = (
        ReportRun.objects.filter(status=RunStatus.QUEUED)
        .annotate(since=Coalesce("started_at", "requested_at"))
        .filter(since__lt=stale)
        .order_by("since", "pk")
        .values_list("pk", flat=True)
    )
    # Eager (tests): nothing ever waits in a queue.
    if render_report.app.conf.task_always_eager:
        named = set()
    else:
        named = {args[0] for args in waiting_task_args(QUEUE) if args}
    for pk in [pk for pk in lost if pk not in named]:
        touched += 1
        enqueue(render_report, pk)
    return touched


def queued_too_long() -> str | None:
    """For /healthz: what is wrong with the exports, if anything."""
    since = timezone.now() - QUEUED_TOO_LONG
    count = (
        ReportRun.objects.filter(status=RunStatus.QUEUED)
        .annotate(since=Coalesce("started_at", "requested_at"))
        .filter(since__lt=since)
        .count()
    )
    if not count:
        return None
    minutes = int(QUEUED_TOO_LONG.total_seconds() // 60)
    runs = "1 export" if count == 1 else f"{count} exports"
    return f"{runs} queued for more than {minutes} minutes"
