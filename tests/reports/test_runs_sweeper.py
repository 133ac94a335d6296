"""The sweeper on a real Redis broker (its own database, 11) with a real worker and
beat: after the broker is flushed, runs whose messages it lost are sent again
within seconds of the sweep, runs whose messages wait behind a backlog are not
sent twice, and the worker's and beat's heartbeats show in /healthz."""

import json
import os
import subprocess
import sys
import time
import uuid

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone
from kombu import Connection

from lscb_portal.celery import app as celery_app
from lscb_portal.celery import waiting_task_args
from lscb_portal.models import Heartbeat
from reports.models import ReportRun
from reports.tasks import render_report
from tests.workers import stop, wait_for

from .test_runs_worker import _database_url

pytestmark = pytest.mark.django_db(transaction=True)

REDIS = "redis://127.0.0.1:6379/11"


def queued_run_ids(broker) -> list[int]:
    return sorted(
        int(json.loads(raw)["headers"]["argsrepr"].strip("(),"))
        for raw in broker.lrange("reports", 0, -1)
    )


def beat_after(name, moment) -> bool:
    beat = Heartbeat.objects.filter(name=name).first()
    return beat is not None and beat.beat_at > moment


def test_after_a_flush_lost_runs_are_sent_again_and_waiting_ones_are_not(
    cast, tmp_path, client
):
    broker = redis.Redis.from_url(REDIS)
    broker.flushdb()
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": _database_url(connection.settings_dict),
        "CELERY_BROKER_URL": REDIS,
        "REPORT_SWEEP_SECONDS": "0.5",
        "REPORT_QUEUED_STALE_SECONDS": "1",
        "HEARTBEAT_SECONDS": "0.5",
    }
    # No worker takes the "reports" queue here: what the sweeper sends stays there.
    worker = subprocess.Popen(
        [
            *(sys.executable, "-m", "celery", "-A", "lscb_portal", "worker"),
            *("--beat", "--schedule", str(tmp_path / "beat-schedule")),
            *("-Q", "celery", "--pool", "solo", "--without-gossip", "--without-mingle"),
            *("--loglevel", "INFO"),
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=(tmp_path / "worker.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    log = tmp_path / "worker.log"
    try:
        assert wait_for(lambda: Heartbeat.objects.count() == 2), log.read_text()

        broker.flushdb()  # every message and binding gone
        flushed_at = timezone.now()

        def run():
            return ReportRun.objects.create(
                board=cast.board,
                kind="annual_report",
                params={"year": 2016},
                requested_by=cast.chair,
            )

        waiting = [run(), run()]  # their messages wait behind a backlog
        celery_app.conf.task_always_eager = False
        with Connection(REDIS) as conn:
            for each in waiting:
                render_report.apply_async((each.pk,), connection=conn)
        assert queued_run_ids(broker) == [w.pk for w in waiting]
        lost = run()  # as if its message went with the flush

        assert wait_for(lambda: len(queued_run_ids(broker)) >= 3, 30), log.read_text()
        time.sleep(3)  # several more sweeps
        assert queued_run_ids(broker) == sorted([lost.pk, *(w.pk for w in waiting)])

        # Both heartbeats go on after the flush, and /healthz says so.
        assert wait_for(lambda: beat_after("worker", flushed_at), 10)
        assert wait_for(lambda: beat_after("beat", flushed_at), 10)
        body = client.get("/healthz").json()
        assert (body["worker"], body["beat"], body["exports"]) == ("ok", "ok", "ok")
    finally:
        stop(worker)
        broker.flushdb()


def test_the_sweeper_reads_which_runs_wait_on_the_configured_broker():
    """Filesystem by default, Redis where CELERY_BROKER_URL says so (CI)."""
    queue = f"reports-{uuid.uuid4().hex[:8]}"
    celery_app.conf.task_always_eager = False
    with celery_app.connection_for_write() as conn:
        for pk in (41, 42):
            render_report.apply_async((pk,), queue=queue, connection=conn)
        try:
            assert sorted(waiting_task_args(queue)) == [[41], [42]]
        finally:
            conn.default_channel.queue_purge(queue)
    assert waiting_task_args(queue) == []


def test_by_default_a_lost_run_is_sent_again_within_two_minutes():
    # A run is stale after REPORT_QUEUED_STALE_SECONDS and beat sweeps every
    # REPORT_SWEEP_SECONDS, counted from when the broker answers again.
    sweep = settings.CELERY_BEAT_SCHEDULE["sweep-lost-report-runs"]["schedule"]
    assert sweep + settings.REPORT_QUEUED_STALE_SECONDS <= 120
