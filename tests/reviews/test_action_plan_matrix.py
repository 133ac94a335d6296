"""Who may open the action plan and learning pages: every board viewer reads the
learning page and published lessons; only the business team writes lessons, items,
dissemination, assurance and themes (the chair sees restricted reviews, so gets a
403; everyone else a 404, as the review is restricted); progress is recorded by the
business team and the owning agency's contributor; an item a user may not see is a
404, one they see but may not update a 403."""

from datetime import date

import pytest

from reviews.models import ActionItem, ActionItemUpdate, AssuranceResponse, Lesson
from tests.matrix import CAST, NOT_OURS, READ, allow, permission_matrix
from tests.reviews.factories import (
    REVIEWS,
    ActionItemFactory,
    CaseReviewFactory,
    LearningThemeFactory,
    LessonFactory,
    PublishedReviewFactory,
)

pytestmark = pytest.mark.django_db

# A restricted review's page that only the business team may change.
TEAM_ONLY = allow(200, "business_team", others=404) | {"chair": 403}
TEAM_POST = allow(302, "business_team", others=404) | {"chair": 403}
TEAM_PAGE = allow(200, "business_team")  # not restricted: the rest get 403
# Progress on agency X's item of a published review: the board table sees it.
PROGRESS_PUBLISHED = allow(200, "business_team", "contributor_x") | {
    "contributor_y": 404
}
# ... and of an unpublished one: only the restricted roles and agency X see it.
PROGRESS_UNPUBLISHED = allow(200, "business_team", "contributor_x", others=404) | {
    "chair": 403
}
PROGRESS_POST = allow(302, "business_team", "contributor_x", others=404) | {
    "chair": 403
}


@pytest.fixture
def records(cast):
    published = PublishedReviewFactory(board=cast.board, child_reference="Child P")
    unpublished = CaseReviewFactory(board=cast.board, child_reference="Child U")
    theme = LearningThemeFactory(board=cast.board, name="Neglect")
    LessonFactory(review=published, number=1, themes=[theme])
    lesson = LessonFactory(review=unpublished, number=1)
    shown = ActionItemFactory(review=published, owner_agency=cast.agency_x)
    hidden = ActionItemFactory(review=unpublished, owner_agency=cast.agency_x)
    answer = AssuranceResponse.objects.create(
        review=unpublished, agency=cast.agency_x, requested_on=date(2017, 1, 1)
    )
    return {
        "P": published.pk,
        "U": unpublished.pk,
        "lesson": lesson.pk,
        "shown": shown.pk,
        "hidden": hidden.pk,
        "answer": answer.pk,
        "theme": theme.pk,
    }


def url(template, records):
    return REVIEWS + template.format(**records)


MATRIX = [
    ("actions/", "get", READ),
    ("learning/", "get", READ),
    ("learning/neglect/", "get", READ),
    ("learning/missing/", "get", NOT_OURS),
    ("{P}/lessons/", "get", READ),
    ("{U}/lessons/", "get", NOT_OURS),
    ("themes/", "get", TEAM_PAGE),
    ("themes/new/", "get", TEAM_PAGE),
    ("themes/{theme}/", "get", TEAM_PAGE),
    ("{U}/lessons/new/", "get", TEAM_ONLY),
    ("{U}/lessons/{lesson}/", "get", TEAM_ONLY),
    ("{U}/actions/new/", "get", TEAM_ONLY),
    ("{U}/actions/{hidden}/edit/", "get", TEAM_ONLY),
    ("{U}/dissemination/new/", "get", TEAM_ONLY),
    ("{U}/assurance/new/", "get", TEAM_ONLY),
    ("{U}/assurance/{answer}/", "get", TEAM_ONLY),
    ("actions/{shown}/progress/", "get", PROGRESS_PUBLISHED),
    ("actions/{hidden}/progress/", "get", PROGRESS_UNPUBLISHED),
]


@permission_matrix(MATRIX)
def test_action_plan_and_learning_pages(records, visit, who, method, url, expected):
    visit(who, method, REVIEWS + url.format(**records), expected)


@pytest.mark.parametrize("who", CAST)
def test_only_the_team_and_the_owning_agency_record_progress(records, visit, who, cast):
    item = ActionItem.objects.get(pk=records["hidden"])
    today = date.today()
    data = {
        "date_day": today.day,
        "date_month": today.month,
        "date_year": today.year,
        "status": "in_progress",
        "rag": "G",
        "narrative": "On track.",
        "version": item.version,
    }
    visit(
        who,
        "post",
        url("actions/{hidden}/progress/", records),
        PROGRESS_POST[who],
        data=data,
        snapshot=ActionItemUpdate.objects.count,
    )


@pytest.mark.parametrize("who", CAST)
def test_only_the_business_team_adds_lessons(records, visit, who):
    visit(
        who,
        "post",
        url("{U}/lessons/new/", records),
        TEAM_POST[who],
        data={"number": "2", "text": "Escalate when a plan is not working."},
        snapshot=Lesson.objects.count,
    )
