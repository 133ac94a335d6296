"""What our reviews teach: every board member reads published reviews' lessons,
grouped by learning theme across reviews and years, with the action items they may
see and the business-plan actions behind them; an unpublished review's lessons
appear nowhere. The business team adds lessons and themes."""

from datetime import date

import pytest

from reviews.models import LearningTheme, Lesson
from reviews.selectors.case_reviews import NOT_THEMED
from tests.business_plan.factories import ActionFactory, UpdateFactory
from tests.reviews.factories import (
    REVIEWS,
    ActionItemFactory,
    CaseReviewFactory,
    LearningThemeFactory,
    LessonFactory,
    PublishedReviewFactory,
)

pytestmark = pytest.mark.django_db

LEARNING = f"{REVIEWS}learning/"


@pytest.fixture
def themes(cast):
    return {
        "neglect": LearningThemeFactory(board=cast.board, name="Neglect"),
        "sharing": LearningThemeFactory(
            board=cast.board, name="Information sharing", slug="information-sharing"
        ),
    }


@pytest.fixture
def learning(cast, themes):
    """Child N published in 2016-17 and Child L in 2015-16; Child U unpublished."""
    n = PublishedReviewFactory(
        board=cast.board, child_reference="Child N", published_on=date(2017, 1, 16)
    )
    old = PublishedReviewFactory(
        board=cast.board, child_reference="Child L", published_on=date(2015, 9, 1)
    )
    unpublished = CaseReviewFactory(board=cast.board, child_reference="Child U")
    return {
        "n1": LessonFactory(
            review=n,
            number=1,
            text="Neglect was seen but not named.",
            themes=[themes["neglect"], themes["sharing"]],
        ),
        "n2": LessonFactory(review=n, number=2, text="Nobody asked the child."),
        "l1": LessonFactory(
            review=old,
            number=1,
            text="The school knew and did not tell.",
            themes=[themes["sharing"]],
        ),
        "secret": LessonFactory(
            review=unpublished,
            number=1,
            text="A lesson still in draft.",
            themes=[themes["neglect"]],
        ),
        "n": n,
        "old": old,
        "unpublished": unpublished,
    }


def grouped(response):
    return {
        group.name: [entry.lesson for entry in group.entries]
        for group in response.context["groups"]
    }


def test_a_board_member_reads_published_lessons_by_theme(cast, as_user, learning):
    response = as_user(cast.board_member).get(LEARNING)
    assert response.status_code == 200
    assert grouped(response) == {
        "Information sharing": [learning["n1"], learning["l1"]],
        "Neglect": [learning["n1"]],
        NOT_THEMED: [learning["n2"]],
    }
    page = response.content.decode()
    assert "Neglect was seen but not named." in page
    assert "Child N (Serious case review, published 2016-17), lesson 1" in page
    assert "Child L (Serious case review, published 2015-16)" in page
    assert "A lesson still in draft." not in page


def test_an_unpublished_reviews_lessons_appear_nowhere(cast, as_user, learning):
    client = as_user(cast.lay_member)
    for url in (LEARNING, f"{LEARNING}neglect/"):
        assert "A lesson still in draft." not in client.get(url).content.decode()
    unpublished = learning["unpublished"].pk
    for who in ("lay_member", "business_team", "chair"):
        response = as_user(getattr(cast, who)).get(f"{REVIEWS}{unpublished}/lessons/")
        assert response.status_code == 404, who


def test_the_year_filter_keeps_one_reporting_year(cast, as_user, learning):
    client = as_user(cast.board_member)
    response = client.get(LEARNING, {"year": "2015"})
    assert grouped(response) == {"Information sharing": [learning["l1"]]}
    assert "reviews published in 2015-16" in response.content.decode()
    assert response.context["years"] == [(2016, "2016-17"), (2015, "2015-16")]
    everything = client.get(LEARNING, {"year": "1999"})
    assert everything.context["year"] is None
    assert "all years" in everything.content.decode()


def test_a_themes_page_shows_its_lessons_across_reviews(cast, as_user, learning):
    response = as_user(cast.contributor_x).get(f"{LEARNING}information-sharing/")
    assert response.status_code == 200
    assert grouped(response) == {
        "Information sharing": [learning["n1"], learning["l1"]]
    }
    assert as_user(cast.board_member).get(f"{LEARNING}nope/").status_code == 404


def test_the_published_page_shows_lessons_not_the_restricted_record(
    cast, as_user, learning
):
    n = learning["n"]
    n.publication_url = "https://example.org/child-n.pdf"
    n.save()
    ActionItemFactory(review=n, action="An action only the plan shows.")
    response = as_user(cast.contributor_y).get(f"{REVIEWS}{n.pk}/lessons/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lessons of Child N" in page
    assert "16 January 2017" in page
    assert "https://example.org/child-n.pdf" in page
    assert "Neglect was seen but not named." in page
    assert "Nobody asked the child." in page
    assert n.story not in page
    assert "An action only the plan shows." not in page


def test_items_under_a_lesson_are_only_those_the_user_may_see(cast, as_user, learning):
    lesson = learning["n1"]
    plan_action = ActionFactory(plan__board=cast.board, ref="3.1", text="Neglect audit")
    UpdateFactory(action=plan_action, rag="A", narrative="Slipping.")
    x = ActionItemFactory(
        review=learning["n"],
        action="Police refresh neglect training.",
        owner_agency=cast.agency_x,
        business_plan_action=plan_action,
        current_rag="G",
    )
    y = ActionItemFactory(
        review=learning["n"],
        action="Voluntary sector adopts the toolkit.",
        owner_agency=cast.agency_y,
    )
    x.lessons.set([lesson])
    y.lessons.set([lesson])

    def items_seen(who):
        response = as_user(getattr(cast, who)).get(LEARNING)
        entry = next(
            e
            for g in response.context["groups"]
            for e in g.entries
            if e.lesson == lesson
        )
        return entry, response.content.decode()

    entry, page = items_seen("board_member")
    assert entry.items == [x, y]
    assert entry.actions == [plan_action]
    assert "Green" in page and "Amber" in page  # RAG in words
    assert "action 3.1" in page
    entry, page = items_seen("contributor_y")
    assert entry.items == [y]
    assert entry.actions == []
    assert "Police refresh neglect training." not in page


# Lessons and themes, by the business team -------------------------------------


def test_business_team_adds_and_changes_a_lesson_with_themes(cast, as_user, themes):
    review = CaseReviewFactory(board=cast.board)
    LessonFactory(review=review, number=1)
    client = as_user(cast.business_team)
    url = f"{REVIEWS}{review.pk}/lessons/new/"
    assert client.get(url).context["form"].initial["number"] == 2
    response = client.post(
        url,
        {
            "number": "2",
            "title": "Professional challenge",
            "text": "Escalate when a plan is not working.",
            "themes": [themes["neglect"].pk],
        },
    )
    assert response.status_code == 302
    lesson = review.lessons.get(number=2)
    assert list(lesson.themes.all()) == [themes["neglect"]]
    clash = client.post(url, {"number": "2", "text": "Another."})
    assert clash.status_code == 200
    assert "already has a lesson with this number" in clash.content.decode()

    edit = f"{REVIEWS}{review.pk}/lessons/{lesson.pk}/"
    response = client.post(
        edit,
        {"number": "2", "text": "Escalate sooner.", "themes": [themes["sharing"].pk]},
    )
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.text == "Escalate sooner."
    assert list(lesson.themes.all()) == [themes["sharing"]]
    assert Lesson.objects.filter(review=review).count() == 2


def test_a_lesson_without_text_is_refused(cast, as_user):
    review = CaseReviewFactory(board=cast.board)
    response = as_user(cast.business_team).post(
        f"{REVIEWS}{review.pk}/lessons/new/", {"number": "1", "text": ""}
    )
    assert response.status_code == 200
    assert "Enter the lesson" in response.content.decode()
    assert not review.lessons.exists()


def test_business_team_adds_and_renames_themes(cast, as_user, themes):
    client = as_user(cast.business_team)
    listing = client.get(f"{REVIEWS}themes/")
    assert listing.status_code == 200
    names = [row["obj"].name for row in listing.context["table"]["rows"]]
    assert names == ["Information sharing", "Neglect"]
    response = client.post(f"{REVIEWS}themes/new/", {"name": "Voice of the child"})
    assert response.status_code == 302
    theme = LearningTheme.objects.get(name="Voice of the child")
    assert theme.slug == "voice-of-the-child"
    duplicate = client.post(f"{REVIEWS}themes/new/", {"name": "Neglect"})
    assert duplicate.status_code == 200
    assert "already has a theme with this name" in duplicate.content.decode()

    response = client.post(
        f"{REVIEWS}themes/{theme.pk}/", {"name": "The voice of the child"}
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert (theme.name, theme.slug) == (
        "The voice of the child",
        "the-voice-of-the-child",
    )
