"""Subgroup chairs are e-mailed once when a report is due soon and once when late."""

import socket
import time
from datetime import date, timedelta

import pytest
from django.core.mail import send_mail as django_send_mail
from django.utils import timezone

from subgroups import services
from subgroups.models import ReminderKind, ReturnReminder

from .factories import MeetingFactory, PaperFactory, PlanItemFactory

# Thursday 14 July 2016; five working days before is Thursday 7 July.
MEETING = date(2016, 7, 14)
DEADLINE_LABEL = "7 July 2016"


@pytest.fixture(autouse=True)
def _five_days_notice(settings):
    settings.RETURN_REMINDER_DAYS = 5


@pytest.fixture
def meeting(cast):
    return MeetingFactory(board=cast.board, date=MEETING)


@pytest.fixture
def report(cast, subgroup, meeting):
    return PlanItemFactory(
        board=cast.board, subgroup=subgroup, what="Quality assurance report"
    )


def test_no_reminder_earlier_than_the_notice_period(report, mailoutbox):
    assert services.reminders_send(today=date(2016, 7, 1)) == 0  # six days before
    assert mailoutbox == []


def test_chair_is_reminded_when_the_deadline_is_within_the_notice_period(
    report, subgroup_chair, mailoutbox
):
    assert services.reminders_send(today=date(2016, 7, 2)) == 1  # five days before
    (message,) = mailoutbox
    assert message.to == [subgroup_chair.email]
    assert message.subject == (
        f"Reminder: Quality assurance report is due by {DEADLINE_LABEL}"
    )


def test_due_reminder_is_sent_once(report, mailoutbox):
    for day in (2, 3, 7):
        services.reminders_send(today=date(2016, 7, day))
    assert len(mailoutbox) == 1
    assert list(ReturnReminder.objects.values_list("kind", flat=True)) == [
        ReminderKind.DUE
    ]


def test_chair_is_told_once_when_the_report_is_late(report, subgroup_chair, mailoutbox):
    for day in (8, 11, 13):
        services.reminders_send(today=date(2016, 7, day))
    (message,) = mailoutbox
    assert message.to == [subgroup_chair.email]
    assert (
        message.subject == f"Late: Quality assurance report was due by {DEADLINE_LABEL}"
    )


def test_due_then_late_sends_two_reminders_in_all(report, mailoutbox):
    sent = [services.reminders_send(today=date(2016, 7, d)) for d in (4, 5, 8, 12)]
    assert sent == [1, 0, 1, 0]
    assert [m.subject.split(":")[0] for m in mailoutbox] == ["Reminder", "Late"]
    assert ReturnReminder.objects.count() == 2


def test_no_reminder_when_the_subgroup_has_no_chair(report, subgroup, mailoutbox):
    subgroup.chair = None
    subgroup.save()
    assert services.reminders_send(today=date(2016, 7, 8)) == 0
    assert mailoutbox == []
    assert not ReturnReminder.objects.exists()


def test_no_reminder_for_a_report_without_a_subgroup(cast, meeting, mailoutbox):
    PlanItemFactory(board=cast.board, producer="Business team")
    assert services.reminders_send(today=date(2016, 7, 8)) == 0
    assert mailoutbox == []


def test_no_reminder_once_the_report_is_received(report, meeting, mailoutbox):
    PaperFactory(meeting=meeting, plan_item=report)
    for day in (4, 8):
        assert services.reminders_send(today=date(2016, 7, day)) == 0
    assert mailoutbox == []


def test_no_reminder_for_a_report_not_due_at_the_meeting(
    cast, subgroup, meeting, mailoutbox
):
    PlanItemFactory(board=cast.board, subgroup=subgroup, destination="pmqag")
    PlanItemFactory(board=cast.board, subgroup=subgroup, frequency="annually", month=9)
    assert services.reminders_send(today=date(2016, 7, 8)) == 0
    assert mailoutbox == []


def test_no_reminder_after_the_meeting(report, mailoutbox):
    assert services.reminders_send(today=date(2016, 7, 15)) == 0
    assert mailoutbox == []


@pytest.fixture
def stalled_mail_server():
    """A mail server that accepts the connection and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    yield server.getsockname()[1]
    server.close()


def test_a_stalled_mail_server_sends_nothing_and_the_next_run_sends_it(
    report, subgroup_chair, settings, stalled_mail_server, mailoutbox
):
    assert settings.EMAIL_TIMEOUT == 30  # the default when EMAIL_TIMEOUT is unset
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", stalled_mail_server
    settings.EMAIL_TIMEOUT = 1
    started = time.monotonic()
    with pytest.raises(OSError):
        services.reminders_send(today=date(2016, 7, 4))
    assert time.monotonic() - started < 10
    assert not ReturnReminder.objects.filter(sent_at__isnull=False).exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.reminders_send(today=date(2016, 7, 5)) == 1
    assert [m.to for m in mailoutbox] == [[subgroup_chair.email]]
    assert ReturnReminder.objects.get().sent_at is not None


def test_a_send_cut_off_by_a_killed_worker_is_sent_by_a_later_run(
    report, meeting, subgroup_chair, settings, mailoutbox
):
    # The row of an attempt whose worker died mid-send: attempted, never marked sent.
    ReturnReminder.objects.create(
        plan_item=report,
        meeting=meeting,
        kind=ReminderKind.DUE,
        sent_to=subgroup_chair.email,
        attempted_at=timezone.now()
        - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 1),
    )
    assert services.reminders_send(today=date(2016, 7, 4)) == 1
    assert services.reminders_send(today=date(2016, 7, 5)) == 0
    assert [m.to for m in mailoutbox] == [[subgroup_chair.email]]
    assert ReturnReminder.objects.get().sent_at is not None


def test_a_reminder_another_run_is_sending_is_not_sent_again(
    report, meeting, subgroup_chair, mailoutbox
):
    ReturnReminder.objects.create(
        plan_item=report,
        meeting=meeting,
        kind=ReminderKind.DUE,
        sent_to=subgroup_chair.email,
    )
    assert services.reminders_send(today=date(2016, 7, 4)) == 0
    assert mailoutbox == []


def test_the_row_says_sent_only_once_the_mail_server_took_it(
    report, monkeypatch, mailoutbox
):
    seen = []

    def send_mail(*args, **kwargs):
        seen.append(list(ReturnReminder.objects.values_list("sent_at", flat=True)))
        return django_send_mail(*args, **kwargs)

    monkeypatch.setattr(services, "send_mail", send_mail)
    assert services.reminders_send(today=date(2016, 7, 4)) == 1
    assert seen == [[None]]  # attempted while sending, not yet sent
    assert ReturnReminder.objects.get().sent_at is not None
