"""The action items list and the learning page run the same bounded number of
queries for 2 published reviews of 3 lessons and 2 items each and for 15 reviews of
8 lessons and 4 items each (themes, lessons' items and business-plan actions
loaded once, not a row at a time)."""

from datetime import date

import pytest

from tests.business_plan.factories import ActionFactory, PlanFactory, UpdateFactory
from tests.reviews.factories import (
    REVIEWS,
    ActionItemFactory,
    LearningThemeFactory,
    LessonFactory,
    PublishedReviewFactory,
)

pytestmark = pytest.mark.django_db

SIZES = {"2 x 3 x 2": (2, 3, 2), "15 x 8 x 4": (15, 8, 4)}

# Measured at the small size, the most any of the three users needs (a contributor
# also loads its memberships, a board member the review groups): session, user,
# board, roles; the list's count, page and the filter's agencies, and the view
# log's one insert; the learning page's years, themes, lessons, their themes, their
# visible items and the business-plan actions. Each must hold at the large size.
# An agency contributor's pages ask one more: whether they sit on a review group
# and so must give a second factor (accounts.two_factor), on every page.
BUDGETS = {
    f"{REVIEWS}actions/": 11,
    f"{REVIEWS}actions/?overdue=on&sort=rag&order=desc": 11,
    f"{REVIEWS}actions/?export=csv": 9,
    f"{REVIEWS}learning/": 13,
    f"{REVIEWS}learning/?year=2016": 13,
    f"{REVIEWS}learning/neglect/": 13,
}
WHO = ("business_team", "board_member", "contributor_x")


@pytest.fixture(params=list(SIZES))
def size(request, cast):
    reviews, lessons, items = SIZES[request.param]
    themes = [
        LearningThemeFactory(board=cast.board, name=name)
        for name in ("Neglect", "Domestic abuse", "Voice of the child")
    ]
    plan = PlanFactory(board=cast.board)
    actions = [ActionFactory(plan=plan) for _ in range(3)]
    for action in actions:
        UpdateFactory(action=action, rag="A", narrative="Slipping.")
    agencies = (cast.agency_x, cast.agency_y)
    for r in range(reviews):
        review = PublishedReviewFactory(
            board=cast.board, published_on=date(2015 + r % 3, 6, 1)
        )
        made = [
            LessonFactory(review=review, number=n + 1, themes=themes[: n % 3])
            for n in range(lessons)
        ]
        for n in range(items):
            item = ActionItemFactory(
                review=review,
                number=n + 1,
                owner_agency=agencies[n % 2],
                due_date=date(2017, 1 + n % 12, 1),
                business_plan_action=actions[n % 3],
            )
            item.lessons.set(made[n % lessons : n % lessons + 2])
    return reviews, lessons, items


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("url", list(BUDGETS))
def test_action_plan_pages_run_bounded_queries(
    size, cast, as_user, django_assert_max_num_queries, url, who
):
    reviews, lessons, items = size
    client = as_user(getattr(cast, who))
    with django_assert_max_num_queries(BUDGETS[url]):
        response = client.get(url)
    assert response.status_code == 200
    if "export=" in url:
        assert response["Content-Disposition"].startswith("attachment")
    elif url.endswith("actions/"):
        expected = reviews * items
        if who == "contributor_x":
            expected = reviews * ((items + 1) // 2)
        assert response.context["page"].paginator.count == expected
    elif url.endswith("learning/"):
        count = response.context["lesson_count"]
        assert count == reviews * lessons
