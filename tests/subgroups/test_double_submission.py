"""A double click, or several people at once, records a submission, approval or
closing once; the others are told it was already done. Real threads on the real
database (PostgreSQL in CI, SQLite by default)."""

import threading
from datetime import date

import pytest
from django.db import connection

from boards.models import ChallengeLogEntry, Meeting, Membership, MinutesStatus
from boards.services.challenges import challenge_raise, challenge_respond
from boards.services.meetings import minutes_approve
from business_plan import services as plan_services
from business_plan.models import Action, ActionUpdate, BusinessPlan, PlanStatus
from lscb_portal.errors import AlreadyRecorded, DomainError
from reports import services as report_services
from reports.models import NarrativeApproval, ReportRun
from reports.narrative import narrative_approve, narrative_save
from subgroups import services
from subgroups.models import ReturnStatus, SubgroupReturn
from tests.business_plan.factories import PlanFactory
from tests.subgroups.factories import MeetingFactory
from tests.subgroups.helpers import action_id, return_url

pytestmark = pytest.mark.django_db(transaction=True)


def at_once(count, act):
    """Runs act() in `count` threads released together; what each returned or
    raised, in no particular order."""
    start = threading.Barrier(count)
    outcomes = []

    def run():
        try:
            start.wait()
            outcomes.append(act())
        except Exception as error:  # noqa: BLE001 - the test sorts them out
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == count
    return outcomes


def sort_out(outcomes, kind):
    """The successes and the refusals; anything else (a database error, a
    deadlock) fails the test."""
    done = [o for o in outcomes if isinstance(o, kind)]
    refused = [o for o in outcomes if isinstance(o, AlreadyRecorded)]
    assert len(done) + len(refused) == len(outcomes), outcomes
    return done, refused


@pytest.fixture
def draft(plan, subgroup, subgroup_chair):
    draft = services.return_start(
        subgroup=subgroup, period="2016-17 Q4", user=subgroup_chair
    )
    return services.return_save_actions(
        subgroup_return=draft,
        entries={action_id(plan, "1.2"): ("A", "Slipping")},
        user=subgroup_chair,
    )


@pytest.mark.parametrize("clicks", [2, 5])
def test_concurrent_submissions_of_a_return_record_one(draft, subgroup_chair, clicks):
    outcomes = at_once(
        clicks,
        lambda: services.return_submit(subgroup_return=draft, user=subgroup_chair),
    )
    done, refused = sort_out(outcomes, SubgroupReturn)
    assert (len(done), len(refused)) == (1, clicks - 1)
    assert all("was already submitted by" in str(r) for r in refused)
    submitted = SubgroupReturn.objects.get(pk=draft.pk)
    assert submitted.status == ReturnStatus.SUBMITTED
    reasons = list(submitted.history.values_list("history_change_reason", flat=True))
    assert reasons.count(services.SUBMITTED) == 1
    assert ActionUpdate.objects.filter(subgroup_return=draft).count() == 1


def test_a_second_click_on_submit_is_told_and_records_nothing(
    draft, subgroup_chair, as_user
):
    client = as_user(subgroup_chair)
    seen = {"version": draft.version}
    first = client.post(return_url(draft, "check/"), seen)
    second = client.post(return_url(draft, "check/"), seen, follow=True)
    assert first.status_code == 302
    assert second.status_code == 200
    assert "was already submitted by" in second.content.decode()
    history = SubgroupReturn.objects.get(pk=draft.pk).history
    assert history.filter(history_change_reason=services.SUBMITTED).count() == 1
    assert ActionUpdate.objects.filter(subgroup_return=draft).count() == 1


def test_resubmitting_after_changes_is_still_allowed(draft, subgroup_chair):
    first = services.return_submit(subgroup_return=draft, user=subgroup_chair)
    changed = services.return_save(
        subgroup_return=first,
        version=first.version,
        changes={"highlights": "More"},
        user=subgroup_chair,
    )
    again = services.return_submit(subgroup_return=changed, user=subgroup_chair)
    assert again.version == changed.version + 1


def test_concurrent_approvals_of_minutes_record_one(cast):
    held = MeetingFactory(board=cast.board, date=date(2016, 5, 12))
    approving = MeetingFactory(board=cast.board, date=date(2016, 7, 14))
    outcomes = at_once(
        3,
        lambda: minutes_approve(
            meeting=held,
            approving=approving,
            version=held.version,
            user=cast.chair,
        ),
    )
    done, refused = sort_out(outcomes, Meeting)
    assert (len(done), len(refused)) == (1, 2)
    assert all("already approved" in str(r) for r in refused)
    history = Meeting.objects.get(pk=held.pk).history
    assert history.filter(minutes_status=MinutesStatus.APPROVED).count() == 1


def test_concurrent_approvals_of_a_narrative_record_one(cast):
    narrative = narrative_save(
        board=cast.board,
        year=2016,
        version=0,
        changes={"foreword": "A year of change."},
        user=cast.business_team,
    )
    outcomes = at_once(
        3,
        lambda: narrative_approve(
            board=cast.board, year=2016, version=narrative.version, user=cast.chair
        ),
    )
    done, refused = sort_out(outcomes, NarrativeApproval)
    assert (len(done), len(refused)) == (1, 2)
    assert NarrativeApproval.objects.filter(narrative=narrative).count() == 1


def test_concurrent_closings_of_a_challenge_record_one(cast):
    challenge = challenge_raise(
        board=cast.board,
        raised_by=Membership.objects.get(board=cast.board, user=cast.board_member),
        agency_challenged=cast.agency_y,
        subject="Why?",
        date=date(2016, 10, 5),
        user=cast.business_team,
    )
    outcomes = at_once(
        3,
        lambda: challenge_respond(
            challenge=challenge,
            version=challenge.version,
            outcome="Agreed",
            status="closed",
            user=cast.business_team,
        ),
    )
    done, refused = sort_out(outcomes, ChallengeLogEntry)
    assert (len(done), len(refused)) == (1, 2)
    assert all("already closed" in str(r) for r in refused)
    history = ChallengeLogEntry.objects.get(pk=challenge.pk).history
    assert history.filter(status="closed").count() == 1


def test_concurrent_carry_forwards_close_the_plan_once(plan, cast):
    into = PlanFactory(
        board=cast.board, first_year=2019, last_year=2022, status=PlanStatus.DRAFT
    )
    outcomes = at_once(
        3,
        lambda: plan_services.plan_carry_forward(
            plan=plan, into=into, user=cast.business_team
        ),
    )
    done, refused = sort_out(outcomes, list)
    assert (len(done), len(refused)) == (1, 2)
    assert BusinessPlan.objects.get(pk=plan.pk).status == PlanStatus.CLOSED
    assert Action.objects.filter(plan=into).count() == len(done[0])


def test_already_recorded_is_the_domain_error():
    assert issubclass(AlreadyRecorded, DomainError)


def test_concurrent_export_requests_make_one_run(cast, monkeypatch):
    queued = []
    monkeypatch.setattr(report_services, "broker_available", lambda: True)
    monkeypatch.setattr(
        report_services, "enqueue", lambda task, pk: queued.append(pk) or True
    )
    outcomes = at_once(
        3,
        lambda: report_services.run_request(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016, "draft": False},
            user=cast.chair,
        ),
    )
    assert all(isinstance(o, ReportRun) for o in outcomes), outcomes
    assert len({o.pk for o in outcomes}) == 1
    assert ReportRun.objects.count() == 1
    assert queued == [outcomes[0].pk]


def test_another_export_once_the_first_is_done_makes_a_new_run(cast, monkeypatch):
    monkeypatch.setattr(report_services, "broker_available", lambda: True)
    monkeypatch.setattr(report_services, "enqueue", lambda task, pk: True)

    def request(**params):
        return report_services.run_request(
            board=cast.board,
            kind="annual_report",
            params={"year": 2016, "draft": False, **params},
            user=cast.chair,
        )

    first = request()
    ReportRun.objects.filter(pk=first.pk).update(status="succeeded")
    assert request().pk != first.pk
    assert request(draft=True).pk != first.pk
    assert ReportRun.objects.count() == 3
