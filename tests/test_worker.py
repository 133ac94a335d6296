"""One task through a real Celery worker on the configured broker (Redis in CI)."""

import os
import subprocess
import sys
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail

from lscb_portal.celery import app as celery_app
from lscb_portal.checks import task_limits_within_visibility_timeout
from lscb_portal.tasks import send_email
from reports.tasks import render_report, sweep_lost_runs
from subgroups.tasks import send_return_reminders

VISIBILITY_TIMEOUT = 3600


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


def test_time_limits_and_countdowns_within_the_visibility_timeout_pass_the_check():
    assert task_limits_within_visibility_timeout(None) == []
    for task in (send_email, render_report, send_return_reminders, sweep_lost_runs):
        assert 0 < task.soft_time_limit < task.time_limit < VISIBILITY_TIMEOUT
    assert celery_app.conf.broker_transport_options["visibility_timeout"] == 3600
    # A mail send cut off by a killed worker is delivered again, not dropped.
    assert send_email.acks_late and send_email.reject_on_worker_lost


@pytest.mark.parametrize(
    "attribute, value, named",
    [
        ("time_limit", 4000, "its hard time limit (4000 s)"),
        ("soft_time_limit", None, "needs a soft time limit"),
        ("default_retry_delay", 3600, "its retry countdown (3600 s)"),
    ],
)
def test_a_limit_or_countdown_past_the_visibility_timeout_fails_the_check(
    monkeypatch, attribute, value, named
):
    monkeypatch.setattr(render_report, attribute, value)
    [error] = task_limits_within_visibility_timeout(None)
    assert error.is_serious()
    assert error.msg.startswith("reports.tasks.render_report")
    assert named in error.msg


def test_a_lease_longer_than_the_visibility_timeout_fails_the_check(settings):
    settings.REPORT_RUN_LEASE_SECONDS = 3600  # a held run is looked at again after it
    [error] = task_limits_within_visibility_timeout(None)
    assert "reports.tasks.render_report: its retry countdown (3601 s)" in error.msg


def test_the_portal_refuses_to_start_with_a_limit_past_the_visibility_timeout():
    env = {**os.environ, "DEBUG": "true", "REPORT_TIME_LIMIT": "7200"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "reports.tasks.render_report: its hard time limit (7200 s)" in result.stderr
