"""Review reminders through a real Celery worker on the configured broker: each of
the business team is reminded once, however often the daily task runs."""

from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.utils import timezone

from lscb_portal.celery import app as celery_app
from lscb_portal.tasks import send_email
from reviews.models import ReviewReminder
from reviews.tasks import send_review_reminders
from tests.reviews.factories import CaseReviewFactory
from tests.workers import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_review_reminder_is_sent_once_through_a_real_worker(cast):
    # Known six days ago: the notification is due soon, or late; either way
    # reminded.
    CaseReviewFactory(
        board=cast.board,
        child_reference="Child Q",
        incident_known_on=timezone.localdate() - timedelta(days=6),
    )
    celery_app.conf.task_always_eager = False
    with start_worker(celery_app, pool="solo", perform_ping_check=False):
        send_review_reminders.delay()
        send_review_reminders.delay()
        # The solo worker runs tasks in order: once this marker arrives, both
        # reminder runs have finished.
        send_email.delay(subject="marker", body="", to=["marker@example.org"])
        assert wait_for(lambda: any(m.subject == "marker" for m in mail.outbox))

    reminders = [m for m in mail.outbox if m.subject != "marker"]
    assert [m.to for m in reminders] == [[cast.business_team.email]]
    assert "Child Q notification to the national panel" in reminders[0].subject
    assert ReviewReminder.objects.filter(sent_at__isnull=False).count() == 1
