"""An annual report rendered by a real Celery worker on the configured broker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.core.files.storage import default_storage
from django.db import connections

from lscb_portal.celery import app as celery_app
from reports import services
from reports.models import ReportRun, RunStatus, checksum_of

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)
    return condition()


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
