"""The good practice pages: the list filters, pages and stays within a fixed
number of queries; the add form shows a GOV.UK error summary; the board home and
the agency page link to the catalogue."""

from datetime import date

import pytest

from good_practice.models import GoodPracticeExample
from tests.reviews.factories import LearningThemeFactory

from .factories import GOOD_PRACTICE, GoodPracticeExampleFactory, example_form

pytestmark = pytest.mark.django_db


def fill(cast, count, theme):
    for n in range(count):
        example = GoodPracticeExampleFactory(
            board=cast.board,
            agency=cast.agency_x if n % 2 else cast.agency_y,
            date=date(2016, 4 + n % 9, 1),
        )
        example.themes.set([theme])


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_runs_a_fixed_number_of_queries(
    cast, as_user, django_assert_max_num_queries, size
):
    fill(cast, size, LearningThemeFactory(board=cast.board, name="Neglect"))
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(14):
        response = client.get(GOOD_PRACTICE)
    assert response.status_code == 200
    assert f"{size} examples found" in response.content.decode()


def test_the_list_filters_by_year_agency_and_theme(cast, as_user):
    neglect = LearningThemeFactory(board=cast.board, name="Neglect")
    kept = GoodPracticeExampleFactory(
        board=cast.board, agency=cast.agency_x, date=date(2017, 3, 31), title="Kept"
    )
    kept.themes.set([neglect])
    GoodPracticeExampleFactory(
        board=cast.board, agency=cast.agency_x, date=date(2017, 4, 1), title="Later"
    )
    GoodPracticeExampleFactory(
        board=cast.board, agency=cast.agency_y, date=date(2016, 5, 1), title="Other"
    )
    client = as_user(cast.board_member)
    page = client.get(
        GOOD_PRACTICE,
        {"year": "2016-17", "agency": cast.agency_x.pk, "theme": neglect.pk},
    ).content.decode()
    assert "1 example found" in page
    assert ">Kept<" in page and ">Later<" not in page and ">Other<" not in page


def test_an_empty_catalogue_says_so(cast, as_user):
    page = as_user(cast.lay_member).get(GOOD_PRACTICE).content.decode()
    assert "No good practice examples have been recorded yet." in page


def test_a_bad_filter_is_an_error_not_a_500(cast, as_user):
    response = as_user(cast.chair).get(GOOD_PRACTICE, {"agency": "nonsense"})
    assert response.status_code == 200
    assert "Choose an agency from the list" in response.content.decode()


def test_another_boards_examples_are_never_listed(cast, as_user):
    GoodPracticeExampleFactory(board=cast.other_board, title="Southern practice")
    page = as_user(cast.chair).get(GOOD_PRACTICE).content.decode()
    assert "Southern practice" not in page


def test_the_add_form_shows_an_error_summary_then_adds(cast, as_user):
    client = as_user(cast.contributor_x)
    response = client.post(
        f"{GOOD_PRACTICE}new/", example_form(cast.agency_x, outcome="", date_year="")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Enter the outcome for the child" in page
    assert not GoodPracticeExample.objects.exists()
    response = client.post(f"{GOOD_PRACTICE}new/", example_form(cast.agency_x))
    example = GoodPracticeExample.objects.get()
    assert response["Location"] == f"{GOOD_PRACTICE}{example.pk}/"
    assert example.entered_by == cast.contributor_x


def test_the_edit_form_refuses_a_stale_version(cast, as_user):
    example = GoodPracticeExampleFactory(board=cast.board, agency=cast.agency_x)
    example.version = 2
    example.save()
    response = as_user(cast.business_team).post(
        f"{GOOD_PRACTICE}{example.pk}/edit/", example_form(cast.agency_x, version=1)
    )
    assert response.status_code == 409


def test_the_detail_page_and_history_show_the_example(cast, as_user):
    example = GoodPracticeExampleFactory(
        board=cast.board, agency=cast.agency_x, title="Early transition planning"
    )
    client = as_user(cast.board_member)
    page = client.get(f"{GOOD_PRACTICE}{example.pk}/").content.decode()
    assert "Early transition planning" in page and "Outcome for the child" in page
    assert "Change the example" not in page
    history = client.get(f"{GOOD_PRACTICE}{example.pk}/history/").content.decode()
    assert "Created" in history


def test_the_board_home_and_agency_page_link_to_good_practice(cast, as_user):
    example = GoodPracticeExampleFactory(
        board=cast.board, agency=cast.agency_x, title="Duty rota"
    )
    client = as_user(cast.board_member)
    home = client.get("/boards/north/").content.decode()
    assert f'href="{GOOD_PRACTICE}"' in home
    assert "1 good practice example recorded." in home
    agency = client.get(f"/boards/north/agencies/{cast.agency_x.pk}/").content.decode()
    assert f'href="{GOOD_PRACTICE}{example.pk}/"' in agency
