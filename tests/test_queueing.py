"""Queueing from a request never gives a 500: with the broker down the person is
told so and nothing is saved; if the broker fails between the check and the send,
the export's row is left queued for the sweeper."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from boards.forms import core as account_forms
from lscb_portal.celery import app as celery_app
from reports import services, tasks
from reports.models import ReportRun, RunStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(monkeypatch):
    """The project's Celery app on a broker nothing answers (port 1), for real:
    Celery reads CELERY_BROKER_URL first, and its connection pools are rebuilt."""
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    celery_app.conf.task_always_eager = False


@pytest.fixture
def broker_fails_after_the_check(broker_down, monkeypatch):
    monkeypatch.setattr(services, "broker_available", lambda: True)
    monkeypatch.setattr(account_forms, "broker_available", lambda: True)


def test_password_reset_with_the_broker_down_says_so_and_sends_nothing(
    cast, client, broker_down, mailoutbox
):
    response = client.post(
        "/accounts/password-reset/", {"email": cast.lay_member.email}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "E-mails cannot be sent right now" in response.text
    assert mailoutbox == []


def test_password_reset_when_the_send_fails_after_the_check_is_no_error_page(
    cast, client, broker_fails_after_the_check, django_capture_on_commit_callbacks
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            "/accounts/password-reset/", {"email": cast.lay_member.email}
        )
    assert len(callbacks) == 1  # the send was tried, failed and was logged
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert time.monotonic() - started < 10


def test_export_with_the_broker_down_says_so_and_records_nothing(
    cast, as_user, broker_down
):
    response = as_user(cast.chair).post(
        "/boards/north/reports/annual-report/", {"year": "2016", "text": "approved"}
    )
    assert response.status_code == 200
    assert "the job queue is not answering" in response.text
    assert not ReportRun.objects.exists()


def test_export_whose_send_fails_after_the_check_is_queued_again_by_the_sweeper(
    cast,
    as_user,
    broker_fails_after_the_check,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(cast.chair).post(
            "/boards/north/reports/annual-report/",
            {"year": "2016", "text": "approved"},
        )
    run = ReportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/boards/north/reports/{run.pk}/"
    assert run.status == RunStatus.QUEUED

    # The broker answers again; a sweep after REPORT_QUEUED_STALE_SECONDS sends it.
    ReportRun.objects.filter(pk=run.pk).update(
        requested_at=timezone.now() - timedelta(minutes=1, seconds=1)
    )
    sent = []
    monkeypatch.setattr(tasks, "enqueue", lambda task, *args: sent.append(args))
    celery_app.conf.task_always_eager = True  # nothing to count in a queue
    assert tasks.sweep_lost_runs() == 1
    assert sent == [(run.pk,)]
