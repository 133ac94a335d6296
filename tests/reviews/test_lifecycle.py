"""The lifecycle of a case review: allowed and refused transitions, the decision,
re-categorisation kept in history, the close rule, and the Working Together due
dates counted in working days."""

from datetime import date

import pytest

from lscb_portal.errors import DomainError
from reviews import services
from reviews.models import (
    ItemStatus,
    RapidReviewDecision,
    ReviewEvent,
    ReviewType,
    Stage,
)
from tests.reviews.factories import ActionItemFactory, CaseReviewFactory

pytestmark = pytest.mark.django_db


def walk(review, user, *steps):
    for to_stage, on, extra in steps:
        review = services.review_transition(
            review=review, user=user, to_stage=to_stage, on=on, **extra
        )
    return review


DECIDE = (
    Stage.DECIDED,
    date(2016, 5, 1),
    {"criteria_met": True, "decided_by": "Case Review Group", "note": "Met."},
)
COMMISSION = (Stage.COMMISSIONED, date(2016, 5, 10), {"reviewer": "A reviewer"})
START = (Stage.IN_PROGRESS, date(2016, 5, 20), {})
DRAFT = (Stage.DRAFT_RECEIVED, date(2016, 11, 1), {})
PUBLISH = (
    Stage.PUBLISHED,
    date(2017, 1, 16),
    {"publication_url": "https://example.org/child-x"},
)
CLOSE = (Stage.CLOSED, date(2017, 3, 1), {})


def test_a_review_walks_its_lifecycle_with_a_dated_attributed_event_per_step(cast):
    review = services.review_create(
        board=cast.board,
        user=cast.business_team,
        child_reference="Child Q",
        review_type=ReviewType.SCR,
        referred_on=date(2016, 4, 1),
    )
    review = walk(review, cast.business_team, DECIDE, COMMISSION, START, DRAFT, PUBLISH)
    assert review.stage == Stage.PUBLISHED
    assert review.published_on == date(2017, 1, 16)
    assert review.reviewer == "A reviewer"
    assert (review.criteria_met, review.decided_by) == (True, "Case Review Group")
    events = list(review.events.values_list("to_stage", "date", "by"))
    assert [e[0] for e in events] == [
        Stage.REFERRED,
        Stage.DECIDED,
        Stage.COMMISSIONED,
        Stage.IN_PROGRESS,
        Stage.DRAFT_RECEIVED,
        Stage.PUBLISHED,
    ]
    assert {e[2] for e in events} == {cast.business_team.pk}
    review = walk(review, cast.business_team, CLOSE)
    assert review.stage == Stage.CLOSED


@pytest.mark.parametrize(
    ("stage", "to_stage"),
    [
        (Stage.REFERRED, Stage.PUBLISHED),
        (Stage.REFERRED, Stage.CLOSED),
        (Stage.COMMISSIONED, Stage.DRAFT_RECEIVED),
        (Stage.IN_PROGRESS, Stage.PUBLISHED),
        (Stage.PUBLISHED, Stage.IN_PROGRESS),
        (Stage.CLOSED, Stage.REFERRED),
    ],
)
def test_a_transition_the_lifecycle_does_not_allow_is_refused(cast, stage, to_stage):
    published = date(2016, 12, 1) if stage == Stage.PUBLISHED else None
    review = CaseReviewFactory(board=cast.board, stage=stage, published_on=published)
    with pytest.raises(DomainError) as refused:
        services.review_transition(
            review=review,
            user=cast.business_team,
            to_stage=to_stage,
            on=date(2017, 1, 1),
            publication_url="",
        )
    assert "cannot move to" in str(refused.value)
    review.refresh_from_db()
    assert review.stage == stage
    assert review.events.count() == 0


def test_a_decision_needs_its_finding_who_made_it_and_why(cast):
    review = CaseReviewFactory(board=cast.board)
    with pytest.raises(DomainError) as refused:
        services.review_transition(
            review=review,
            user=cast.business_team,
            to_stage=Stage.DECIDED,
            on=date(2016, 5, 1),
        )
    assert "criteria_met" in refused.value.message_dict


def test_a_step_cannot_be_dated_before_the_last_one(cast):
    review = CaseReviewFactory(board=cast.board, stage=Stage.COMMISSIONED)
    walk(review, cast.business_team, START)
    with pytest.raises(DomainError) as refused:
        walk(review, cast.business_team, (Stage.DRAFT_RECEIVED, date(2016, 5, 1), {}))
    assert "before the last step" in str(refused.value)


def test_recategorising_keeps_the_earlier_type_in_the_history(cast):
    review = CaseReviewFactory(board=cast.board, child_reference="Child AD")
    services.review_recategorise(
        review=review,
        user=cast.business_team,
        to_type=ReviewType.PRACTICE,
        on=date(2016, 12, 1),
        reason="Criteria for an SCR not met on review.",
    )
    review.refresh_from_db()
    assert review.review_type == ReviewType.PRACTICE
    event = review.events.get(kind=ReviewEvent.Kind.RECATEGORISED)
    assert (event.from_type, event.to_type) == (ReviewType.SCR, ReviewType.PRACTICE)
    assert event.note == "Criteria for an SCR not met on review."
    assert [h.review_type for h in review.history.order_by("history_date")] == [
        ReviewType.SCR,
        ReviewType.PRACTICE,
    ]


def test_recategorising_needs_a_reason(cast):
    review = CaseReviewFactory(board=cast.board)
    with pytest.raises(DomainError) as refused:
        services.review_recategorise(
            review=review,
            user=cast.business_team,
            to_type=ReviewType.PRACTICE,
            on=date(2016, 12, 1),
            reason=" ",
        )
    assert "reason" in refused.value.message_dict


def test_a_review_cannot_close_while_action_items_are_open(cast):
    review = CaseReviewFactory(
        board=cast.board, stage=Stage.PUBLISHED, published_on=date(2017, 1, 16)
    )
    item = ActionItemFactory(review=review, owner_agency=cast.agency_x)
    with pytest.raises(DomainError) as refused:
        walk(review, cast.business_team, CLOSE)
    assert "1 item of its action plan is still open" in str(refused.value)
    services.action_item_record_progress(
        item=item,
        user=cast.business_team,
        version=item.version,
        status=ItemStatus.COMPLETE,
        rag="C",
        evidence="Toolkit relaunched; audit in March.",
        on=date(2017, 2, 1),
    )
    assert walk(review, cast.business_team, CLOSE).stage == Stage.CLOSED


def test_completing_an_item_needs_evidence(cast):
    item = ActionItemFactory(owner_agency=cast.agency_x, review__board=cast.board)
    with pytest.raises(DomainError) as refused:
        services.action_item_record_progress(
            item=item,
            user=cast.business_team,
            version=item.version,
            status=ItemStatus.COMPLETE,
            rag="C",
        )
    assert "evidence" in refused.value.message_dict
    assert item.updates.count() == 0


@pytest.mark.parametrize(
    ("known", "due"),
    [
        # Monday: five working days later is the next Monday.
        (date(2024, 6, 3), date(2024, 6, 10)),
        # Friday before the Easter weekend: Good Friday and Easter Monday skipped.
        (date(2024, 3, 28), date(2024, 4, 8)),
        # Christmas: 25 and 26 December and New Year's Day are bank holidays.
        (date(2023, 12, 22), date(2024, 1, 3)),
        # The late May bank holiday (27 May 2024).
        (date(2024, 5, 24), date(2024, 6, 3)),
    ],
)
def test_the_notification_is_due_five_working_days_after_the_incident_became_known(
    known, due
):
    assert services.working_days_after(known, 5) == due


def test_the_rapid_review_is_due_fifteen_working_days_after_the_notification():
    # 16 December 2024 + 15 working days, skipping 25, 26 December and 1 January.
    assert services.working_days_after(date(2024, 12, 16), 15) == date(2025, 1, 9)


def test_a_late_notification_is_flagged(cast):
    review = CaseReviewFactory(board=cast.board, review_type=ReviewType.RAPID)
    review = services.review_record_notification(
        review=review,
        user=cast.business_team,
        incident_known_on=date(2024, 6, 3),
        panel_notified_on=date(2024, 6, 11),
    )
    assert services.notification_due(review) == date(2024, 6, 10)
    assert services.notification_is_late(review)
    assert "late" in review.events.get(kind=ReviewEvent.Kind.NOTIFICATION).note


def test_a_notification_before_the_incident_was_known_is_refused(cast):
    review = CaseReviewFactory(board=cast.board, review_type=ReviewType.RAPID)
    with pytest.raises(DomainError) as refused:
        services.review_record_notification(
            review=review,
            user=cast.business_team,
            incident_known_on=date(2024, 6, 3),
            panel_notified_on=date(2024, 6, 1),
        )
    assert "panel_notified_on" in refused.value.message_dict
    review.refresh_from_db()
    assert review.incident_known_on is None


def test_a_rapid_review_deciding_an_lcspr_makes_the_review_an_lcspr(cast):
    review = CaseReviewFactory(board=cast.board, review_type=ReviewType.RAPID)
    review = services.review_record_notification(
        review=review,
        user=cast.business_team,
        incident_known_on=date(2024, 6, 3),
        panel_notified_on=date(2024, 6, 5),
    )
    review = services.review_record_rapid_review(
        review=review,
        user=cast.business_team,
        sent_on=date(2024, 6, 20),
        decision=RapidReviewDecision.LCSPR,
    )
    assert review.review_type == ReviewType.LCSPR
    assert review.stage == Stage.DECIDED
    assert review.criteria_met is True
    assert not services.rapid_review_is_late(review)
