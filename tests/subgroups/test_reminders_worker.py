"""Reminders through a real Celery worker on the configured broker: a chair is
reminded once, however often the periodic task runs."""

import os
import signal
import socket
import time
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.utils import timezone

from boards.models import Meeting, Membership, Role
from lscb_portal.celery import app as celery_app
from lscb_portal.tasks import send_email
from subgroups.models import ReportingPlanItem, ReturnReminder, Subgroup
from subgroups.tasks import send_return_reminders
from tests.boards.factories import MembershipFactory
from tests.reports.test_runs_worker import _children, prefork_worker
from tests.workers import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_reminder_is_sent_once_through_a_real_worker(cast):
    chair: Membership = MembershipFactory(board=cast.board, role=Role.SUBGROUP_CHAIR)
    subgroup = Subgroup.objects.create(
        board=cast.board, name="Case Review", chair=chair
    )
    item = ReportingPlanItem.objects.create(
        board=cast.board,
        what="Case review report",
        subgroup=subgroup,
        frequency="every_meeting",
        destination="board",
        deadline_working_days=5,
    )
    # The deadline falls within the reminder window from today.
    Meeting.objects.create(
        board=cast.board, kind="board", date=timezone.localdate() + timedelta(days=8)
    )

    celery_app.conf.task_always_eager = False
    with start_worker(celery_app, pool="solo", perform_ping_check=False):
        send_return_reminders.delay()
        send_return_reminders.delay()
        # The solo worker runs tasks in order: once this marker arrives, both
        # reminder runs have finished.
        send_email.delay(subject="marker", body="", to=["marker@example.org"])
        assert wait_for(lambda: any(m.subject == "marker" for m in mail.outbox))

    reminders = [m for m in mail.outbox if m.subject != "marker"]
    assert [m.to for m in reminders] == [[chair.user.email]]
    assert reminders[0].subject.startswith(f"Reminder: {item} is due by ")
    assert ReturnReminder.objects.filter(plan_item=item, kind="due").count() == 1


def test_a_worker_killed_mid_send_leaves_the_reminder_for_the_next_run(
    cast, tmp_path, settings
):
    chair: Membership = MembershipFactory(board=cast.board, role=Role.SUBGROUP_CHAIR)
    subgroup = Subgroup.objects.create(board=cast.board, name="Audit", chair=chair)
    ReportingPlanItem.objects.create(
        board=cast.board,
        what="Audit report",
        subgroup=subgroup,
        frequency="every_meeting",
        destination="board",
        deadline_working_days=5,
    )
    Meeting.objects.create(
        board=cast.board, kind="board", date=timezone.localdate() + timedelta(days=8)
    )
    # A mail server that takes the connection and never answers: the send hangs.
    stalled = socket.socket()
    stalled.bind(("127.0.0.1", 0))
    stalled.listen()
    port = stalled.getsockname()[1]
    with prefork_worker(
        tmp_path, EMAIL_URL=f"smtp://127.0.0.1:{port}", EMAIL_TIMEOUT="60"
    ) as (worker, queue, log):
        send_return_reminders.apply_async(queue=queue)
        assert wait_for(ReturnReminder.objects.exists, 60), log.read_text()
        time.sleep(0.5)  # connecting to the mail server, waiting for its greeting
        [child] = _children(worker.pid)
        os.kill(child, signal.SIGKILL)
    stalled.close()
    attempt = ReturnReminder.objects.get()
    assert attempt.sent_at is None  # not said to be sent: it never was

    # The next run, once the killed run's hard time limit is past, sends it once.
    settings.CELERY_TASK_TIME_LIMIT = 0
    celery_app.conf.task_always_eager = True
    send_return_reminders.delay()
    send_return_reminders.delay()
    assert [m.to for m in mail.outbox] == [[chair.user.email]]
    assert ReturnReminder.objects.get().sent_at is not None
