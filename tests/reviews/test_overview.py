"""What the board home, the Reporting Planner and the agency page show of reviews:
a line that reveals nothing restricted, the deadlines of notifications and rapid
reviews for those who may see restricted reviews only, and the review actions an
agency owns. Constant queries at two sizes."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from lscb_portal.sections import agency_sections_for
from reviews import services
from reviews.models import ItemStatus, Stage
from reviews.selectors.overview import describe_reviews, outstanding_deadlines
from tests.reviews.factories import (
    ActionItemFactory,
    CaseReviewFactory,
    PublishedReviewFactory,
    review_groups,
)

pytestmark = pytest.mark.django_db

HOME = "/boards/north/"
PLANNER = "/boards/north/planner/"


def _reviews(board, n):
    """n published reviews with an open and a complete item, and n unpublished
    ones with an open item and a late notification."""
    for _ in range(n):
        published = PublishedReviewFactory(board=board)
        ActionItemFactory(review=published, number=1)
        ActionItemFactory(review=published, number=2, status=ItemStatus.COMPLETE)
        hidden = CaseReviewFactory(board=board, incident_known_on=date(2016, 4, 1))
        ActionItemFactory(review=hidden, number=1)


def test_describe_counts_published_reviews_and_their_open_actions_in_one_query(
    cast, django_assert_num_queries
):
    _reviews(cast.board, 3)
    with django_assert_num_queries(1):
        line = describe_reviews(cast.board)
    assert line == "3 published reviews, 3 open actions"


def test_the_board_home_lists_the_reviews_section(cast, client):
    client.force_login(cast.board_member)
    page = client.get("/boards/north/")
    assert b'href="/boards/north/reviews/"' in page.content


# Deadlines ------------------------------------------------------------------------


@pytest.fixture
def deadlines(cast):
    today = timezone.localdate()
    late = CaseReviewFactory(
        board=cast.board, child_reference="Child LT", incident_known_on=date(2016, 4, 1)
    )
    due = CaseReviewFactory(
        board=cast.board,
        child_reference="Child DU",
        incident_known_on=today - timedelta(days=20),
        panel_notified_on=today - timedelta(days=1),
    )
    # Done, or closed: nothing due.
    CaseReviewFactory(
        board=cast.board,
        child_reference="Child DN",
        incident_known_on=date(2016, 4, 1),
        panel_notified_on=date(2016, 4, 4),
        rapid_review_sent_on=date(2016, 4, 20),
    )
    CaseReviewFactory(
        board=cast.board,
        child_reference="Child CL",
        stage=Stage.CLOSED,
        incident_known_on=date(2016, 4, 1),
    )
    return late, due


def test_deadlines_are_what_is_still_to_send_soonest_first(cast, deadlines):
    late, due = deadlines
    found = outstanding_deadlines(cast.board, today=timezone.localdate())
    assert [(d.child_reference, d.kind, d.late) for d in found] == [
        ("Child LT", "notification", True),
        ("Child DU", "rapid_review", False),
    ]
    assert found[0].due == services.notification_due(late) == date(2016, 4, 8)
    assert found[1].due == services.rapid_review_due(due)


@pytest.mark.parametrize("url", [HOME, PLANNER])
def test_the_business_team_sees_review_deadlines_with_late_tags(
    cast, deadlines, as_user, url
):
    page = as_user(cast.business_team).get(url).content.decode()
    assert "Review deadlines" in page
    assert "Child LT" in page and "Child DU" in page
    assert "Notification to the national panel" in page
    assert "Rapid review to the national panel" in page
    assert "8 April 2016" in page
    assert ">Late</strong>" in page
    assert "Child DN" not in page and "Child CL" not in page


@pytest.mark.parametrize("role", ["board_member", "lay_member", "contributor_x"])
@pytest.mark.parametrize("url", [HOME, PLANNER])
def test_others_see_no_restricted_deadline(cast, deadlines, as_user, role, url):
    response = as_user(cast.user(role)).get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Review deadlines" not in page
    assert "Child LT" not in page and "Child DU" not in page


def test_a_case_review_group_member_sees_the_deadlines(cast, deadlines, as_user):
    settings = review_groups(cast.board)
    membership = cast.board_member.memberships.get(board=cast.board)
    membership.subgroups.add(settings.case_review_group)
    page = as_user(cast.board_member).get(HOME).content.decode()
    assert "Child LT" in page


def test_board_home_queries_do_not_grow_with_deadlines(
    cast, as_user, django_assert_max_num_queries
):
    client = as_user(cast.business_team)
    _reviews(cast.board, 2)
    client.get(HOME)
    with django_assert_max_num_queries(40) as small:
        assert client.get(HOME).status_code == 200
    _reviews(cast.board, 12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(HOME).content.decode()
    assert page.count(">Late</strong>") == 14


# The agency page --------------------------------------------------------------------


def agency_url(agency):
    return f"/boards/north/agencies/{agency.pk}/"


@pytest.fixture
def agency_items(cast):
    today = timezone.localdate()
    review = PublishedReviewFactory(board=cast.board, child_reference="Child N")
    ActionItemFactory(
        review=review,
        number=1,
        action="Later action of X",
        owner_agency=cast.agency_x,
        due_date=today + timedelta(days=30),
    )
    ActionItemFactory(
        review=review,
        number=2,
        action="Overdue action of X",
        owner_agency=cast.agency_x,
        due_date=today - timedelta(days=30),
        current_rag="R",
    )
    ActionItemFactory(
        review=review,
        number=3,
        action="Finished action of X",
        owner_agency=cast.agency_x,
        status=ItemStatus.COMPLETE,
    )
    ActionItemFactory(
        review=review, number=4, action="Action of Y", owner_agency=cast.agency_y
    )
    ActionItemFactory(
        review=CaseReviewFactory(board=cast.board, child_reference="Child ZZ"),
        number=1,
        action="Unpublished review action",
        owner_agency=cast.agency_x,
    )


@pytest.mark.parametrize("role", ["business_team", "board_member", "contributor_x"])
def test_agency_page_lists_its_open_items_of_published_reviews_overdue_first(
    cast, agency_items, as_user, role
):
    page = as_user(cast.user(role)).get(agency_url(cast.agency_x)).content.decode()
    assert "Review actions it owns" in page
    assert page.index("Overdue action of X") < page.index("Later action of X")
    assert "Child N" in page and "Red" in page and "Overdue" in page
    assert "Finished action of X" not in page
    assert "Action of Y" not in page
    assert "Unpublished review action" not in page and "Child ZZ" not in page


def test_another_agencys_contributor_sees_no_review_actions(
    cast, agency_items, as_user
):
    page = as_user(cast.contributor_y).get(agency_url(cast.agency_x)).content.decode()
    assert "Review actions it owns" not in page
    assert "Overdue action of X" not in page
    own = as_user(cast.contributor_y).get(agency_url(cast.agency_y)).content.decode()
    assert "Action of Y" in own


def test_agency_part_has_constant_queries(cast, as_user, django_assert_max_num_queries):
    client = as_user(cast.board_member)

    def add(n):
        for _ in range(n):
            review = PublishedReviewFactory(board=cast.board)
            for number in (1, 2):
                ActionItemFactory(
                    review=review, number=number, owner_agency=cast.agency_x
                )

    add(2)
    client.get(agency_url(cast.agency_x))
    with django_assert_max_num_queries(40) as small:
        assert client.get(agency_url(cast.agency_x)).status_code == 200
    add(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(agency_url(cast.agency_x)).content.decode()
    assert "24 open actions of published reviews" in page


def test_agency_part_is_left_out_without_a_user(cast, agency_items):
    titles = [s["title"] for s in agency_sections_for(cast.agency_x)]
    assert "Review actions it owns" not in titles
