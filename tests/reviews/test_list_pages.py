"""The reviews home's list of what is due and late: a list that sorts and exports
through the shared list component, like the reviews list below it."""

from datetime import date

import pytest

from reviews import services
from reviews.models import ReviewType
from tests.lists import assert_exports, assert_sorts, page_rows

pytestmark = pytest.mark.django_db

REVIEWS = "/boards/north/reviews/"
DUE = {"prefix": "due-", "context": "due_table"}


def rapid_review(cast, reference, known, notified=None):
    review = services.review_create(
        board=cast.board,
        user=cast.business_team,
        child_reference=reference,
        review_type=ReviewType.RAPID,
        referred_on=known,
    )
    return services.review_record_notification(
        review=review,
        user=cast.business_team,
        incident_known_on=known,
        panel_notified_on=notified,
    )


def test_what_is_due_sorts_and_exports(cast, as_user):
    rapid_review(cast, "Child Z", date(2026, 3, 2))
    rapid_review(cast, "Child Y", date(2026, 2, 2), notified=date(2026, 2, 3))
    rapid_review(cast, "Child X", date(2026, 1, 5))
    client = as_user(cast.business_team)
    response = client.get(REVIEWS)
    rows = page_rows(response, "due_table")
    assert [row[0] for row in rows] == ["Child X", "Child Y", "Child Z"]
    assert {row[3] for row in rows} == {"Late"}
    assert_sorts(client, REVIEWS, "review", **DUE)
    assert_sorts(client, REVIEWS, "what", **DUE)
    assert len(assert_exports(client, REVIEWS, **DUE)) == 3
    # The reviews list keeps its own order and download.
    assert len(assert_exports(client, REVIEWS)) == 3


def test_a_role_without_the_restricted_list_has_no_due_list(cast, as_user):
    rapid_review(cast, "Child Z", date(2026, 3, 2))
    response = as_user(cast.lay_member).get(REVIEWS)
    assert response.context["due_table"]["rows"] == []
    assert "Due and late" not in response.content.decode()
