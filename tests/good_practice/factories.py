from datetime import date

import factory

from good_practice.models import GoodPracticeExample
from tests.boards.factories import AgencyFactory, BoardFactory

GOOD_PRACTICE = "/boards/north/good-practice/"


class GoodPracticeExampleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPracticeExample

    board = factory.SubFactory(BoardFactory, slug="north")
    agency = factory.SubFactory(AgencyFactory, board=factory.SelfAttribute("..board"))
    date = date(2016, 10, 13)
    title = factory.Sequence(lambda n: f"Example {n}")
    what_was_done = "Agencies shared information through the Hub."
    outcome = "The child's missing episodes were responded to in time."
    learning = "Timely information sharing makes the response timely."


def example_form(agency, **changes):
    """A valid add/edit form post for `agency`."""
    return {
        "agency": agency.pk,
        "date_day": "13",
        "date_month": "10",
        "date_year": "2016",
        "title": "Voice of non-verbal children",
        "what_was_done": "Practitioners recorded the child's views.",
        "outcome": "The child's wishes shaped the plan.",
        "learning": "A child who does not speak can still be heard.",
        **changes,
    }
