from datetime import timedelta

import pytest
from celery import Celery
from django.utils import timezone

from lscb_portal import celery
from lscb_portal.models import Heartbeat, heartbeat
from reports.models import ReportRun

ALL_OK = {
    "database": "ok",
    "broker": "ok",
    "worker": "ok",
    "beat": "ok",
    "exports": "ok",
    "status": "ok",
}


@pytest.fixture
def beating(db):
    heartbeat("worker")
    heartbeat("beat")


@pytest.mark.django_db
def test_healthz_reports_database_broker_worker_beat_and_exports(client, beating):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == ALL_OK


@pytest.mark.django_db
def test_healthz_names_an_unreachable_broker_with_503(client, monkeypatch, beating):
    # Nothing listens on port 1. Celery lets CELERY_BROKER_URL override any URL given.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    # Not the current app: shared tasks of later tests must keep the project's.
    down = Celery(broker="redis://127.0.0.1:1/0", set_as_current=False)
    monkeypatch.setattr(celery, "app", down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == ALL_OK | {"broker": "down", "status": "down: broker"}


@pytest.mark.django_db
def test_healthz_names_a_silent_worker_and_a_beat_never_seen(client, beating):
    Heartbeat.objects.filter(name="worker").update(
        beat_at=timezone.now() - timedelta(minutes=5, seconds=10)
    )
    Heartbeat.objects.filter(name="beat").delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == ALL_OK | {
        "worker": "no heartbeat for 5 minutes",
        "beat": "no heartbeat yet",
        "status": "down: worker, beat",
    }


@pytest.mark.django_db
def test_healthz_names_exports_queued_too_long(client, beating, cast):
    for minutes in (11, 30, 2):
        run = ReportRun.objects.create(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016},
            requested_by=cast.chair,
        )
        ReportRun.objects.filter(pk=run.pk).update(
            requested_at=timezone.now() - timedelta(minutes=minutes)
        )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == ALL_OK | {
        "exports": "2 exports queued for more than 10 minutes",
        "status": "down: exports",
    }
