"""Good practice examples: the model's and the services' rules, in GOV.UK words,
and every change kept in history."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from good_practice import services
from lscb_portal.errors import DomainError
from lscb_portal.versioning import StaleVersion
from tests.boards.factories import AgencyFactory
from tests.reviews.factories import LearningThemeFactory

from .factories import GoodPracticeExampleFactory

pytestmark = pytest.mark.django_db


def create(cast, **changes):
    data = {
        "board": cast.board,
        "agency": cast.agency_x,
        "date": date(2016, 10, 13),
        "title": "Timely information sharing",
        "what_was_done": "Agencies shared information through the Hub.",
        "outcome": "Missing episodes were responded to in time.",
        "learning": "Sharing in time makes the response timely.",
        "user": cast.business_team,
        **changes,
    }
    return services.example_create(**data)


def test_an_example_is_recorded_with_its_themes_and_who_entered_it(cast):
    theme = LearningThemeFactory(board=cast.board, name="Information sharing")
    example = create(cast, themes=[theme], title="  Timely sharing  ")
    assert example.title == "Timely sharing"
    assert list(example.themes.all()) == [theme]
    assert example.entered_by == cast.business_team
    assert example.history.first().history_user == cast.business_team


def test_a_date_in_the_future_is_refused(cast):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(DomainError) as refused:
        create(cast, date=tomorrow)
    assert refused.value.message_dict == {
        "date": ["The date of the practice must be today or in the past"]
    }


def test_another_boards_agency_is_refused(cast):
    with pytest.raises(DomainError) as refused:
        create(cast, agency=AgencyFactory(board=cast.other_board))
    assert refused.value.message_dict["agency"] == [
        "Choose one of this board's agencies"
    ]


def test_another_boards_learning_theme_is_refused(cast):
    theirs = LearningThemeFactory(board=cast.other_board, name="Neglect")
    with pytest.raises(DomainError) as refused:
        create(cast, themes=[theirs])
    assert refused.value.message_dict == {
        "themes": ["Choose learning themes of this board"]
    }


def test_a_missing_outcome_is_refused(cast):
    with pytest.raises(DomainError) as refused:
        create(cast, outcome="  ")
    assert "outcome" in refused.value.message_dict


def test_a_change_keeps_history_and_a_stale_version_is_refused(cast):
    example = GoodPracticeExampleFactory(board=cast.board, agency=cast.agency_x)
    services.example_update(
        example=example,
        version=1,
        changes={"title": "Renamed"},
        user=cast.chair,
    )
    example.refresh_from_db()
    assert (example.title, example.version) == ("Renamed", 2)
    assert example.history.first().history_user == cast.chair
    with pytest.raises(StaleVersion):
        services.example_update(
            example=example, version=1, changes={"title": "Again"}, user=cast.chair
        )
