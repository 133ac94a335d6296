"""The good practice API: board scoping, who may add and change examples, 400s
with field messages, safe updates, history naming the token, bounded queries."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from boards.models import ApiToken
from good_practice.models import GoodPracticeExample
from tests.reviews.factories import LearningThemeFactory

from .factories import GoodPracticeExampleFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/good-practice/"


@pytest.fixture
def api(client):
    def with_token(user, board, *, scope="write"):
        _, key = ApiToken.issue(
            user=user,
            board=board,
            name="Practice feed",
            scope=scope,
            expires_at=timezone.now() + timedelta(days=1),
            created_by=user,
        )
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {key}"
        return client

    return with_token


def body(agency, **changes):
    return {
        "agency": agency.pk,
        "date": "2016-10-13",
        "title": "Multi-agency working on substance misuse",
        "what_was_done": "Agencies worked together around the family.",
        "outcome": "Improvements for the child were seen.",
        "learning": "SMART plans avoid drift.",
        **changes,
    }


def post(client, data):
    return client.post(URL, data, content_type="application/json")


def patch(client, url, data):
    return client.patch(url, data, content_type="application/json")


def test_a_contributor_adds_an_example_for_its_agency_with_themes(cast, api):
    LearningThemeFactory(board=cast.board, name="Neglect")
    client = api(cast.contributor_x, cast.board)
    response = post(client, body(cast.agency_x, themes=["neglect"]))
    assert response.status_code == 201, response.json()
    assert response.json()["themes"] == ["neglect"]
    example = GoodPracticeExample.objects.get()
    assert example.entered_by == cast.contributor_x
    assert "Practice feed" in example.history.first().history_change_reason


def test_a_contributor_cannot_add_for_another_agency(cast, api):
    response = post(api(cast.contributor_x, cast.board), body(cast.agency_y))
    assert response.status_code == 403
    assert not GoodPracticeExample.objects.exists()


def test_a_board_member_cannot_add(cast, api):
    response = post(api(cast.board_member, cast.board), body(cast.agency_x))
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": (date.today() + timedelta(days=2)).isoformat()}, "date"),
        ({"date": "2016-02-30"}, "date"),
        ({"outcome": ""}, "outcome"),
        ({"title": "x" * 201}, "title"),
        ({"themes": ["not-a-theme"]}, "themes"),
        ({"agency": 10**30}, "agency"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(cast, api, changes, field):
    data = {**body(cast.agency_x), **changes}
    response = post(api(cast.business_team, cast.board), data)
    assert response.status_code == 400
    assert field in response.json()
    assert not GoodPracticeExample.objects.exists()


def test_another_boards_agency_is_a_400(cast, api):
    theirs = GoodPracticeExampleFactory(board=cast.other_board).agency
    response = post(api(cast.business_team, cast.board), body(theirs))
    assert response.status_code == 400
    assert response.json()["agency"] == ["No agency has this id on this board."]


def test_the_list_is_the_tokens_board_only_and_filters(cast, api):
    mine = GoodPracticeExampleFactory(
        board=cast.board, agency=cast.agency_x, date=date(2016, 6, 1)
    )
    GoodPracticeExampleFactory(
        board=cast.board, agency=cast.agency_y, date=date(2017, 6, 1)
    )
    theirs = GoodPracticeExampleFactory(board=cast.other_board)
    client = api(cast.board_member, cast.board)
    ids = [row["id"] for row in client.get(URL).json()["results"]]
    assert theirs.pk not in ids and len(ids) == 2
    found = client.get(URL, {"year": "2016-17", "agency": cast.agency_x.pk}).json()
    assert [row["id"] for row in found["results"]] == [mine.pk]
    assert client.get(f"{URL}{theirs.pk}/").status_code == 404
    assert client.get(URL, {"year": "2016"}).status_code == 400
    assert client.get(URL, {"colour": "red"}).status_code == 400


@pytest.mark.parametrize("size", [2, 25])
def test_the_list_runs_a_fixed_number_of_queries(
    cast, api, django_assert_max_num_queries, size
):
    theme = LearningThemeFactory(board=cast.board, name="Neglect")
    for _ in range(size):
        GoodPracticeExampleFactory(board=cast.board, agency=cast.agency_x).themes.set(
            [theme]
        )
    client = api(cast.board_member, cast.board)
    with django_assert_max_num_queries(10):
        response = client.get(URL)
    assert response.json()["count"] == size


def test_an_update_names_its_version_and_only_own_agency(cast, api):
    example = GoodPracticeExampleFactory(board=cast.board, agency=cast.agency_x)
    url = f"{URL}{example.pk}/"
    client = api(cast.contributor_x, cast.board)
    response = patch(client, url, {"title": "Renamed", "version": 1})
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2
    assert patch(client, url, {"title": "Stale", "version": 1}).status_code == 409
    moved = patch(client, url, {"agency": cast.agency_y.pk, "version": 2})
    assert moved.status_code == 403
    other = api(cast.contributor_y, cast.board)
    assert patch(other, url, {"title": "Not mine", "version": 2}).status_code == 403
    example.refresh_from_db()
    assert (example.title, example.agency) == ("Renamed", cast.agency_x)


def test_a_read_only_token_cannot_add(cast, api):
    client = api(cast.business_team, cast.board, scope="read")
    assert post(client, body(cast.agency_x)).status_code == 403
