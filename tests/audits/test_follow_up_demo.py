"""The demo's follow-up of the 2016-17 Section 11 audit: a committed action for
each standard a statutory partner did not fully meet (12 of the 15 partners, the
3 that fully met everything having none), some complete and some open with RAG;
and the "Learning from Each Other" event of September 2017 with the statutory
partners and voluntary respondents taking part. Loading twice changes nothing."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from audits.models import (
    ActionProgress,
    ActionStatus,
    Answer,
    ChallengeEvent,
    CommittedAction,
    Rating,
    Sector,
)
from boards.models import Board

pytestmark = pytest.mark.django_db


def _counts():
    return (
        CommittedAction.objects.count(),
        ActionProgress.objects.count(),
        ChallengeEvent.objects.count(),
        CommittedAction.history.count(),
    )


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loads the demo twice, records what the follow-up holds, rolls back."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
            first = _counts()
            call_command("load_demo", stdout=io.StringIO())
            second = _counts()
        board = Board.objects.get(slug="cumbria")
        actions = list(
            CommittedAction.objects.filter(
                submission__cycle__board=board, submission__cycle__year=2016
            ).select_related("submission__organisation", "standard")
        )
        gaps = set(
            Answer.objects.filter(
                submission__cycle__board=board,
                submission__cycle__year=2016,
                submission__exclusion="",
                submission__organisation__sector=Sector.STATUTORY,
                rating__in=[Rating.PARTIALLY, Rating.NOT_MET],
            ).values_list("submission_id", "question__standard__number")
        )
        event = ChallengeEvent.objects.get(cycle__board=board, cycle__year=2016)
        result = {
            "first": first,
            "second": second,
            "actions": [
                (
                    a.submission_id,
                    a.standard.number,
                    a.submission.organisation.sector,
                    a.submission.organisation.name,
                    a.status,
                    a.rag,
                )
                for a in actions
            ],
            "gaps": gaps,
            "event": (event.title, event.held_on, event.notes),
            "participants": [
                (p.organisation.sector, p.challenged_on)
                for p in event.participants.select_related("organisation")
            ],
        }
        transaction.set_rollback(True)
    return result


def test_each_standard_a_statutory_partner_did_not_fully_meet_has_an_action(demo):
    actions = demo["actions"]
    assert {(a[0], a[1]) for a in actions} == demo["gaps"]
    assert {a[2] for a in actions} == {Sector.STATUTORY}
    # 3 of the 15 statutory partners fully met every standard: 12 have actions.
    assert len({a[0] for a in actions}) == 12
    assert "Cumbria Constabulary" not in {a[3] for a in actions}


def test_some_actions_are_complete_and_the_open_ones_rated(demo):
    states = {(a[4], a[5]) for a in demo["actions"]}
    assert (ActionStatus.COMPLETE, "C") in states
    assert {"R", "A", "G"} <= {rag for status, rag in states if status != "complete"}
    assert (ActionStatus.NOT_STARTED, "") in states


def test_the_learning_from_each_other_event_is_recorded(demo):
    title, held_on, notes = demo["event"]
    assert (title, held_on) == ("Learning from Each Other", date(2017, 9, 21))
    assert "Young Perspective Board" in notes
    sectors = [sector for sector, _ in demo["participants"]]
    assert sectors.count(Sector.STATUTORY) == 15
    assert sectors.count(Sector.VOLUNTARY) == 3
    challenged = [text for _, text in demo["participants"]]
    assert sum(t.startswith("Standards not fully met") for t in challenged) == 12


def test_loading_the_demo_twice_changes_nothing(demo):
    assert demo["first"] == demo["second"]
    assert demo["first"][0] > 0
