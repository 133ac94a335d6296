"""The priority themes in the portal: the board's themes, and a theme's year with
each action, indicator, audit, lesson and course linked to its own page, where
the reader may open it; another board's theme is never shown."""

import re
from datetime import date

import pytest
from django.utils import timezone

from lscb_portal.periods import reporting_year_start, year_label
from tests.good_practice.factories import GoodPracticeExampleFactory
from tests.reviews.factories import (
    LearningThemeFactory,
    LessonFactory,
    PublishedReviewFactory,
)

from .test_themes import _theme_with_a_year

pytestmark = pytest.mark.django_db

BASE = "/boards/north/themes/"


def test_the_list_names_the_boards_themes_only(cast, as_user):
    theme, _ = _theme_with_a_year(cast)
    _theme_with_a_year(cast, cast.other_board)
    page = as_user(cast.board_member).get(BASE).content.decode()
    assert page.count("Domestic abuse") == 1
    assert f'href="{BASE}{theme.slug}/"' in page


def test_a_theme_opens_on_its_latest_year_with_links_to_each_record(cast, as_user):
    theme, _ = _theme_with_a_year(cast)
    # 2017-18 has an audit and a value: the page opens on it, not on today's year.
    page = as_user(cast.board_member).get(f"{BASE}{theme.slug}/").content.decode()
    assert "Domestic abuse, 2017-18" in page
    assert f'href="{BASE}{theme.slug}/2016-17/"' in page  # the year before

    example = GoodPracticeExampleFactory(board=cast.board, date=date(2016, 10, 13))
    example.themes.add(theme)
    GoodPracticeExampleFactory(board=cast.board).themes.add(
        LearningThemeFactory(board=cast.board, name="Neglect")
    )
    page = as_user(cast.board_member).get(f"{BASE}{theme.slug}/2016-17/")
    text = page.content.decode()
    assert f"/boards/north/good-practice/{example.pk}/" in text
    # the other theme's example is not listed
    assert len(re.findall(r"/boards/north/good-practice/\d+/", text)) == 1
    action = theme.actions.get()
    indicator = theme.indicators.get()
    assert f"/plans/{action.plan.slug}/actions/{action.ref}/" in text
    assert f"/indicators/{indicator.code}/" in text
    assert "/boards/north/audits/case-audits/" in text


def test_a_theme_with_nothing_on_it_opens_on_the_year_under_way(cast, as_user):
    theme = LearningThemeFactory(board=cast.board, name="Radicalisation")
    page = as_user(cast.board_member).get(f"{BASE}{theme.slug}/").content.decode()
    this_year = year_label(reporting_year_start(timezone.localdate()))
    assert f"Radicalisation, {this_year}" in page


def test_a_lesson_links_its_review_only_for_those_who_may_open_it(cast, as_user):
    theme, _ = _theme_with_a_year(cast)
    review = PublishedReviewFactory(board=cast.board, published_on=date(2016, 7, 1))
    LessonFactory(review=review, text="See the whole family.", themes=[theme])
    url = f"{BASE}{theme.slug}/2016-17/"
    link = f"/boards/north/reviews/{review.pk}/"

    member_page = as_user(cast.board_member).get(url).content.decode()
    assert "See the whole family." in member_page and link not in member_page
    team_page = as_user(cast.business_team).get(url).content.decode()
    assert link in team_page


@pytest.mark.parametrize(
    ("who", "status"), [("other_board_member", 404), ("anonymous", 302)]
)
def test_another_board_or_no_sign_in_sees_nothing(cast, as_user, who, status):
    theme, _ = _theme_with_a_year(cast)
    for url in (BASE, f"{BASE}{theme.slug}/", f"{BASE}{theme.slug}/2016-17/"):
        assert as_user(cast.user(who)).get(url).status_code == status


def test_an_unknown_theme_or_year_is_not_found(cast, as_user):
    theme, _ = _theme_with_a_year(cast)
    client = as_user(cast.board_member)
    assert client.get(f"{BASE}no-such-theme/").status_code == 404
    assert client.get(f"{BASE}{theme.slug}/1066-67/").status_code == 404


def test_the_page_runs_a_constant_number_of_queries(
    cast, as_user, django_assert_max_num_queries
):
    theme, _ = _theme_with_a_year(cast)
    client = as_user(cast.business_team)
    url = f"{BASE}{theme.slug}/2016-17/"
    client.get(url)
    for n in range(4):
        review = PublishedReviewFactory(board=cast.board, published_on=date(2016, 8, 1))
        LessonFactory(review=review, text=f"Lesson {n}", themes=[theme])
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
