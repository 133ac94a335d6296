"""An annual report rendered by a real Celery worker on the configured broker."""

import datetime
import os
import signal
import subprocess
import sys
import uuid
from contextlib import contextmanager
from io import StringIO

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, connections

from boards.models import AgendaItem, Board, Meeting
from lscb_portal.celery import app as celery_app
from reports import services
from reports.models import ReportRun, RunStatus, checksum_of
from reports.tasks import render_report
from tests.workers import stop, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def _close_worker_connections(**kwargs):
    # The solo worker's thread keeps its own database connection; close it so the
    # test database can be dropped afterwards.
    connections.close_all()


@pytest.fixture
def worker_closes_connections():
    task_postrun.connect(_close_worker_connections)
    yield
    task_postrun.disconnect(_close_worker_connections)


def test_a_real_worker_renders_the_annual_report(
    cast, settings, tmp_path, worker_closes_connections
):
    settings.MEDIA_ROOT = tmp_path
    celery_app.conf.task_always_eager = False
    with start_worker(
        celery_app,
        pool="solo",
        perform_ping_check=False,
        queues=["celery", "reports"],  # "reports" once CELERY_TASK_ROUTES routes it
    ):
        run = services.run_request(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016},
            user=cast.chair,
        )
        assert wait_for(
            lambda: (
                ReportRun.objects.get(pk=run.pk).status
                in (RunStatus.SUCCEEDED, RunStatus.FAILED)
            )
        )
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert run.attempts == 1
    assert run.page_count >= 1
    assert run.steps_done == run.steps_total
    with default_storage.open(run.file.name, "rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    assert checksum_of(data) == run.checksum
    assert [p.name for p in tmp_path.rglob("*.pdf")] == [run.file.name.split("/")[-1]]


def _database_url(settings_dict) -> str:
    """The test database as a DATABASE_URL for another process."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = settings_dict.get("USER") or ""
    password = settings_dict.get("PASSWORD") or ""
    login = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{login}{host}:{port}/{settings_dict['NAME']}"


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as handle:
        return [int(child) for child in handle.read().split()]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())


def test_a_worker_killed_mid_render_is_redelivered_and_the_run_ends_with_one_file(
    demo, tmp_path
):
    """A prefork worker's render child is killed (as the OOM killer would) while it
    renders the demo annual report: the message is rejected back to the queue, the
    next delivery waits for the dead attempt's lease to run out, claims the run and
    renders it; the run has exactly one file."""
    media = tmp_path / "media"
    queue = f"reports-killed-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": _database_url(connection.settings_dict),
        "MEDIA_ROOT": str(media),
        "REPORT_RUN_LEASE_SECONDS": "2",
    }
    board = Board.objects.get(slug="cumbria")
    chair = board.memberships.get(role="chair").user
    run = ReportRun.objects.create(
        board=board, kind="annual_report", params={"year": 2016}, requested_by=chair
    )
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lscb_portal",
            "worker",
            "-Q",
            queue,
            "--pool",
            "prefork",
            "--concurrency",
            "1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel",
            "INFO",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=(tmp_path / "worker.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        celery_app.conf.task_always_eager = False
        render_report.apply_async((run.pk,), queue=queue)

        def rendering():
            row = ReportRun.objects.get(pk=run.pk)
            return row.status == RunStatus.RUNNING and row.steps_done >= 1

        assert wait_for(rendering, seconds=120), (tmp_path / "worker.log").read_text()
        [child] = _children(worker.pid)
        os.kill(child, signal.SIGKILL)
        killed_at = ReportRun.objects.get(pk=run.pk)
        assert killed_at.status == RunStatus.RUNNING, "the render finished too soon"
        assert killed_at.file.name == ""

        assert wait_for(
            lambda: ReportRun.objects.get(pk=run.pk).is_finished, seconds=120
        ), (tmp_path / "worker.log").read_text()
    finally:
        stop(worker)
    log_text = (tmp_path / "worker.log").read_text()
    assert "WorkerLostError" in log_text or "SIGKILL" in log_text, log_text
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert run.attempts == 2
    data = (media / run.file.name).read_bytes()
    assert data.startswith(b"%PDF") and checksum_of(data) == run.checksum
    assert [p.name for p in media.rglob("*.pdf")] == [run.file.name.split("/")[-1]]


@contextmanager
def prefork_worker(tmp_path, **env):
    """A prefork worker (one render child) in its own process, on a queue of its
    own, with the given environment; yields (the worker, its queue, its log)."""
    queue = f"reports-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(
        [
            *(sys.executable, "-m", "celery", "-A", "lscb_portal", "worker"),
            *("-Q", queue, "--pool", "prefork", "--concurrency", "1"),
            *("--without-gossip", "--without-mingle", "--loglevel", "INFO"),
        ],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DEBUG": "true",
            "DATABASE_URL": _database_url(connection.settings_dict),
            "MEDIA_ROOT": str(tmp_path / "media"),
            **env,
        },
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    celery_app.conf.task_always_eager = False
    try:
        yield worker, queue, log
    finally:
        stop(worker)


def long_pack_run(cast, **fields) -> ReportRun:
    """A meeting pack whose agenda runs to many pages: seconds of layout."""
    meeting = Meeting.objects.create(
        board=cast.board, kind="board", date=datetime.date(2016, 7, 14)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, order=n, title=f"Item {n} " + "words " * 20)
        for n in range(1, 3001)
    )
    return ReportRun.objects.create(
        board=cast.board,
        kind="meeting_pack",
        params={"meeting": meeting.pk},
        requested_by=cast.chair,
        **fields,
    )


def test_a_render_past_its_soft_time_limit_on_a_real_worker_fails_readably(
    cast, tmp_path
):
    run = long_pack_run(cast)
    # The sender's limits travel with the message (Celery's exec options).
    limits = {"soft_time_limit": 1, "time_limit": 30}
    with prefork_worker(tmp_path) as (worker, queue, log):
        render_report.apply_async((run.pk,), queue=queue, **limits)
        assert wait_for(
            lambda: ReportRun.objects.get(pk=run.pk).is_finished, seconds=60
        ), log.read_text()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error.startswith(
        "The report took longer than 1 second to make and was stopped."
    ), run.error
    assert run.attempts == 1


def test_a_worker_killed_on_the_last_attempt_ends_the_run_failed(cast, tmp_path):
    """Killed twice before (the run's attempts say so), the render child is killed
    a third time: the redelivered message fails the run instead of looking at it
    again and again."""
    run = long_pack_run(cast, attempts=2)
    with prefork_worker(tmp_path, REPORT_RUN_LEASE_SECONDS="2") as (w, queue, log):
        render_report.apply_async((run.pk,), queue=queue)
        assert wait_for(
            lambda: ReportRun.objects.get(pk=run.pk).attempts == 3, seconds=60
        ), log.read_text()
        [child] = _children(w.pid)
        os.kill(child, signal.SIGKILL)
        assert wait_for(
            lambda: ReportRun.objects.get(pk=run.pk).is_finished, seconds=60
        ), log.read_text()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED, log.read_text()
    assert run.attempts == 3
    assert run.error.startswith("The export was stopped before it finished 3 times")
