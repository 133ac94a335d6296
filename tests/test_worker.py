"""One task through a real Celery worker on the configured broker (Redis in CI)."""

import time

from celery.contrib.testing.worker import start_worker
from django.core import mail

from lscb_portal.celery import app as celery_app
from lscb_portal.tasks import send_email


def test_email_task_runs_on_a_real_worker():
    celery_app.conf.task_always_eager = False
    with start_worker(celery_app, pool="solo", perform_ping_check=False):
        send_email.delay(
            subject="Papers for the board", body="Attached.", to=["chair@example.org"]
        )
        deadline = time.monotonic() + 60
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.1)
    assert [m.subject for m in mail.outbox] == ["Papers for the board"]
    assert mail.outbox[0].to == ["chair@example.org"]
