import pytest
from celery import Celery

from lscb_portal import celery


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok", "status": "ok"}


@pytest.mark.django_db
def test_healthz_names_an_unreachable_broker_with_503(client, monkeypatch):
    # Nothing listens on port 1. Celery lets CELERY_BROKER_URL override any URL given.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    # Not the current app: shared tasks of later tests must keep the project's.
    down = Celery(broker="redis://127.0.0.1:1/0", set_as_current=False)
    monkeypatch.setattr(celery, "app", down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "database": "ok",
        "broker": "down",
        "status": "down: broker",
    }
