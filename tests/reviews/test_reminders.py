"""The business team is e-mailed once per person and due date when a notification
to the national panel or a rapid review is due within two working days, or late;
a failed send is tried again by the next run."""

from datetime import date

import pytest
from django.conf import settings as django_settings

from boards.models import Role
from reviews import services
from reviews.models import DeadlineKind, ReviewReminder
from reviews.tasks import send_review_reminders
from tests.boards.factories import MembershipFactory
from tests.reviews.factories import CaseReviewFactory

pytestmark = pytest.mark.django_db

# Became aware on Monday 4 July 2016: the panel is due to be told by Monday 11 July.
KNOWN = date(2016, 7, 4)
DUE = date(2016, 7, 11)


@pytest.fixture
def review(cast):
    return CaseReviewFactory(
        board=cast.board, child_reference="Child Q", incident_known_on=KNOWN
    )


@pytest.fixture
def team(cast):
    second = MembershipFactory(board=cast.board, role=Role.BUSINESS_TEAM).user
    return [cast.business_team, second]


def test_no_reminder_earlier_than_two_working_days_before(review, team, mailoutbox):
    assert services.reminders_send(today=date(2016, 7, 6)) == 0  # Wed: Fri is +2
    assert mailoutbox == []


def test_each_of_the_business_team_is_reminded_once(review, team, cast, mailoutbox):
    assert services.notification_due(review) == DUE
    assert services.reminders_send(today=date(2016, 7, 7)) == 2  # Thu: Mon is +2
    assert services.reminders_send(today=date(2016, 7, 7)) == 0  # the job ran twice
    assert services.reminders_send(today=date(2016, 7, 8)) == 0
    assert services.reminders_send(today=date(2016, 7, 12)) == 0  # late: sent already
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in team)
    assert {m.subject for m in mailoutbox} == {
        "Reminder: Child Q notification to the national panel is due by 11 July 2016"
    }
    assert ReviewReminder.objects.filter(sent_at__isnull=False).count() == 2
    # Nobody else on the board, nor another board's team.
    sent_to = {m.to[0] for m in mailoutbox}
    assert cast.board_member.email not in sent_to
    assert cast.chair.email not in sent_to


def test_a_late_notification_is_flagged(review, team, mailoutbox):
    assert services.reminders_send(today=date(2016, 7, 12)) == 2
    assert {m.subject for m in mailoutbox} == {
        "Late: Child Q notification to the national panel was due by 11 July 2016"
    }
    assert set(ReviewReminder.objects.values_list("late", flat=True)) == {True}


def test_the_rapid_review_has_its_own_reminder_once_notified(review, cast, mailoutbox):
    services.reminders_send(today=date(2016, 7, 7))
    review.panel_notified_on = date(2016, 7, 8)
    review.save()
    due = services.rapid_review_due(review)
    assert due == date(2016, 7, 29)
    assert services.reminders_send(today=date(2016, 7, 27)) == 1
    assert mailoutbox[-1].subject == (
        "Reminder: Child Q rapid review to the national panel is due by 29 July 2016"
    )
    assert ReviewReminder.objects.filter(kind=DeadlineKind.RAPID_REVIEW).count() == 1
    review.rapid_review_sent_on = date(2016, 7, 28)
    review.save()
    assert services.reminders_send(today=date(2016, 8, 1)) == 0


def test_no_reminder_once_done(review, cast, mailoutbox):
    review.panel_notified_on = date(2016, 7, 5)
    review.rapid_review_sent_on = date(2016, 7, 20)
    review.save()
    assert services.reminders_send(today=date(2016, 7, 12)) == 0
    assert mailoutbox == []


def test_an_ended_membership_is_not_reminded(review, cast, mailoutbox):
    membership = cast.business_team.memberships.get(board=cast.board)
    membership.member_to = date(2016, 6, 30)
    membership.save()
    assert services.reminders_send(today=date(2016, 7, 12)) == 0


def test_a_failed_send_is_sent_by_the_next_run(review, cast, monkeypatch, mailoutbox):
    import django.core.mail

    real = django.core.mail.send_mail

    def refuse(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(django.core.mail, "send_mail", refuse)
    with pytest.raises(OSError):
        services.reminders_send(today=date(2016, 7, 7))
    assert not ReviewReminder.objects.exists()
    monkeypatch.setattr(django.core.mail, "send_mail", real)
    assert services.reminders_send(today=date(2016, 7, 8)) == 1
    assert [m.to for m in mailoutbox] == [[cast.business_team.email]]


def test_the_daily_job_sends_them(review, cast, mailoutbox, monkeypatch):
    schedule = django_settings.CELERY_BEAT_SCHEDULE
    assert any(
        job["task"] == "reviews.tasks.send_review_reminders"
        for job in schedule.values()
    )
    # Today (long after 2016) the notification is late.
    assert send_review_reminders.delay().get() == 1
    assert mailoutbox[0].subject.startswith("Late: Child Q")
