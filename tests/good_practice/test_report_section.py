"""Section 14 of the annual report, good practice: the reporting year's examples
(1 April to 31 March), in the printed order right after the multi-agency audits,
printed and on screen."""

from datetime import date

import pytest
from django.template.loader import render_to_string

from good_practice.pdf import good_practice
from reports.sections import SECTIONS

from .factories import GoodPracticeExampleFactory

pytestmark = pytest.mark.django_db


def test_the_section_follows_the_multi_agency_audits():
    keys = [section.key for section in SECTIONS]
    assert keys[keys.index("case_audits") + 1] == "good_practice"


def test_the_section_holds_the_years_examples_only(cast, django_assert_max_num_queries):
    first = GoodPracticeExampleFactory(board=cast.board, date=date(2016, 4, 1))
    last = GoodPracticeExampleFactory(board=cast.board, date=date(2017, 3, 31))
    GoodPracticeExampleFactory(board=cast.board, date=date(2016, 3, 31))
    GoodPracticeExampleFactory(board=cast.board, date=date(2017, 4, 1))
    GoodPracticeExampleFactory(board=cast.other_board, date=date(2016, 9, 1))
    with django_assert_max_num_queries(2):
        data = good_practice(cast.board, 2016)
    assert data["year_label"] == "2016-17"
    assert data["examples"] == [first, last]


def test_a_year_without_examples_leaves_the_section_out(cast):
    GoodPracticeExampleFactory(board=cast.board, date=date(2015, 6, 1))
    assert good_practice(cast.board, 2016) is None


@pytest.mark.parametrize(("screen", "sub"), [(False, "h2"), (True, "h3")])
def test_the_template_prints_agency_date_and_what_it_shows(cast, screen, sub):
    GoodPracticeExampleFactory(
        board=cast.board,
        agency=cast.agency_x,
        date=date(2017, 2, 9),
        title="Hearing non-verbal children",
        outcome="Their wishes shaped their plans.",
    )
    html = render_to_string(
        "reports/pdf/_good_practice.html",
        {"data": good_practice(cast.board, 2016), "screen": screen, "sub": sub},
    )
    assert f"<{sub} " in html and "Hearing non-verbal children" in html
    assert "Northshire Constabulary, 9 February 2017" in html
    assert "Their wishes shaped their plans." in html
    assert "In 2016-17 1 example was received." in html
