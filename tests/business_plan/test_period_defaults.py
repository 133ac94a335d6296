"""'Since the last meeting' and the monitoring report open on the plan's data: with
updates that stop on 31 March 2017 (as the demo's do) and today years later, they
open on the last board meeting before that update and on 2016-17 Q4, and say so.
'Since the last meeting' offers the board's own past meetings to choose from."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from boards.models import MeetingKind
from tests.subgroups.factories import MeetingFactory

from .factories import PLAN, UpdateFactory, get_action
from .test_query_budgets import add_actions

SINCE = PLAN + "since/"
MONITORING = PLAN + "monitoring/"


def rate(plan, ref, day, rag, narrative="On track."):
    UpdateFactory(action=get_action(plan, ref), date=day, rag=rag, narrative=narrative)


@pytest.fixture
def meetings(cast):
    """Board meetings of 2016-17 (a Business Group and a development day between
    them), one of the board ahead, and one of another board."""
    board = {
        day: MeetingFactory(board=cast.board, kind=MeetingKind.BOARD, date=day)
        for day in (date(2016, 11, 10), date(2017, 1, 12), date(2017, 3, 9))
    }
    MeetingFactory(
        board=cast.board, kind=MeetingKind.BUSINESS_GROUP, date=date(2017, 3, 16)
    )
    MeetingFactory(
        board=cast.board, kind=MeetingKind.DEVELOPMENT_DAY, date=date(2017, 2, 2)
    )
    ahead = MeetingFactory(
        board=cast.board,
        kind=MeetingKind.BOARD,
        date=timezone.localdate() + timedelta(days=30),
    )
    other = MeetingFactory(
        board=cast.other_board, kind=MeetingKind.BOARD, date=date(2017, 3, 2)
    )
    return {"board": board, "ahead": ahead, "other": other}


@pytest.fixture
def demo_like(plan, meetings):
    """Rated at Q3; 1.1 went amber in February; the Q4 updates (31 March 2017):
    1.2 complete, 1.10 rated green for the first time."""
    rate(plan, "1.1", date(2016, 12, 31), "G")
    rate(plan, "1.2", date(2016, 12, 31), "G")
    rate(plan, "1.1", date(2017, 2, 10), "A", "Recruitment is delayed.")
    rate(plan, "1.2", date(2017, 3, 31), "C", "Published.")
    rate(plan, "1.10", date(2017, 3, 31), "G", "Two lay members recruited.")
    return plan


def changed(response):
    context = response.context
    return [
        (c.action.ref, c.before, c.after)
        for c in [*context["changes"], *context["completions"]]
    ]


def test_since_opens_on_the_last_board_meeting_before_the_latest_update(
    demo_like, meetings, cast, as_user
):
    response = as_user(cast.board_member).get(SINCE)
    march = meetings["board"][date(2017, 3, 9)]
    assert response.context["meeting"] == march
    assert response.context["until"] == date(2017, 3, 31)
    # Since 9 March: 1.10 rated and 1.2 completed; 1.1's February change is older.
    assert changed(response) == [("1.10", "", "G"), ("1.2", "G", "C")]
    page = response.content.decode()
    assert (
        f'Changes since the <a class="govuk-link" href="/boards/north/meetings/'
        f'{march.pk}/">board meeting of 9 March 2017</a> up to 31 March 2017 '
        "(the plan's latest update)." in page
    )
    assert f'<option value="{march.pk}" selected>Board meeting, 9 March 2017' in page


def test_since_offers_the_boards_past_board_meetings_newest_first(
    demo_like, meetings, cast, as_user
):
    form = as_user(cast.board_member).get(SINCE).context["form"]
    assert [label for _, label in form.fields["meeting"].choices] == [
        "Choose a meeting",
        "Board meeting, 9 March 2017",
        "Board meeting, 12 January 2017",
        "Board meeting, 10 November 2016",
    ]


def test_choosing_a_meeting_shows_changes_since_it(demo_like, meetings, cast, as_user):
    january = meetings["board"][date(2017, 1, 12)]
    response = as_user(cast.board_member).get(SINCE, {"meeting": january.pk})
    assert response.context["since"] == date(2017, 1, 13)
    assert response.context["until"] == timezone.localdate()
    assert changed(response) == [
        ("1.1", "G", "A"),
        ("1.10", "", "G"),
        ("1.2", "G", "C"),
    ]
    page = response.content.decode()
    assert "board meeting of 12 January 2017</a> up to" in page
    assert "Recruitment is delayed." in page
    assert "The page opens on" not in page


def test_a_start_date_is_used_instead_of_the_meeting(
    demo_like, meetings, cast, as_user
):
    january = meetings["board"][date(2017, 1, 12)]
    response = as_user(cast.board_member).get(
        SINCE,
        {"meeting": january.pk, "since": "2017-03-01", "until": "2017-03-31"},
    )
    assert response.context["meeting"] is None
    assert changed(response) == [("1.10", "", "G"), ("1.2", "G", "C")]
    assert "Changes from 1 March 2017 up to 31 March 2017" in response.content.decode()


@pytest.mark.parametrize("asked", ["abc", "-1", "99999999999999999999", "other"])
def test_a_meeting_not_of_this_board_is_a_form_error(
    demo_like, meetings, cast, as_user, asked
):
    value = meetings["other"].pk if asked == "other" else asked
    response = as_user(cast.board_member).get(SINCE, {"meeting": value})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "meeting": ["Choose one of this board's meetings from the list"]
    }
    assert not response.context["searched"]
    page = response.content.decode()
    assert "There is a problem" in page
    assert "2 March 2017" not in page  # the other board's meeting is not shown


def test_a_meeting_still_to_come_is_not_offered(demo_like, meetings, cast, as_user):
    response = as_user(cast.board_member).get(SINCE, {"meeting": meetings["ahead"].pk})
    assert "meeting" in response.context["form"].errors


def test_no_meeting_and_no_start_date_is_a_form_error(demo_like, cast, as_user):
    response = as_user(cast.board_member).get(SINCE, {"meeting": ""})
    assert response.context["form"].errors == {
        "meeting": ["Choose a meeting or enter a start date"]
    }


def test_an_end_date_before_the_meeting_is_a_form_error(
    demo_like, meetings, cast, as_user
):
    january = meetings["board"][date(2017, 1, 12)]
    response = as_user(cast.board_member).get(
        SINCE,
        {"meeting": january.pk, "until_day": "1", "until_month": "1"}
        | {"until_year": "2017"},
    )
    assert response.context["form"].errors == {
        "until": ["End date must be after the meeting"]
    }


def test_a_date_that_is_not_real_is_a_form_error(demo_like, cast, as_user):
    response = as_user(cast.board_member).get(
        SINCE, {"since_day": "31", "since_month": "2", "since_year": "2017"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "since": ["Enter a real date for start date"]
    }


def test_since_without_updates_opens_on_the_last_meeting_before_today(
    plan, meetings, cast, as_user
):
    response = as_user(cast.board_member).get(SINCE)
    assert response.context["meeting"] == meetings["board"][date(2017, 3, 9)]
    assert response.context["until"] == timezone.localdate()
    assert changed(response) == []


def test_since_without_meetings_asks_for_a_start_date(plan, cast, as_user):
    response = as_user(cast.board_member).get(SINCE)
    assert not response.context["searched"]
    assert response.context["form"].fields["meeting"].choices == [
        ("", "Choose a meeting")
    ]
    assert "or enter a start date, to see which actions" in response.content.decode()


def test_monitoring_opens_on_the_quarter_of_the_latest_update_and_names_it(
    demo_like, cast, as_user
):
    response = as_user(cast.board_member).get(MONITORING)
    report = response.context["report"]
    assert report["quarter"] == "2016-17 Q4"
    assert [a.ref for a in report["amber"]] == ["1.1"]
    page = response.content.decode()
    assert (
        "Exceptions and highlights for 2016-17 Q4, 1 January 2017 to 31 March "
        "2017, as the RAG stood at the end of the quarter. The report opens on the "
        "latest quarter with updates" in page
    )
    assert '<option value="2016-17 Q4" selected>' in page


def test_monitoring_shows_the_quarter_asked_for_without_the_note(
    demo_like, cast, as_user
):
    response = as_user(cast.board_member).get(MONITORING, {"quarter": "2016-17 Q3"})
    assert response.context["report"]["quarter"] == "2016-17 Q3"
    assert "The report opens on" not in response.content.decode()


@pytest.mark.parametrize("size", [10, 500])
# Measured at 10 actions; each must hold at 500.
@pytest.mark.parametrize(("url", "budget"), [(SINCE, 8), (MONITORING, 10)])
def test_period_pages_opened_on_their_default_run_bounded_queries(
    plan,
    subgroup,
    meetings,
    cast,
    as_user,
    django_assert_max_num_queries,
    size,
    url,
    budget,
):
    add_actions(plan, subgroup, size)
    client = as_user(cast.board_member)
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    if url == SINCE:
        assert response.context["meeting"] == meetings["board"][date(2017, 1, 12)]
        assert len(response.context["changes"]) >= size // 4
    else:
        assert response.context["report"]["quarter"] == "2016-17 Q4"
