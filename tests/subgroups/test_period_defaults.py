"""The planner and a new return open on the latest period with data: a board
whose meetings stop in 2016-17 (as the demo's do) opens on 2016-17, and says so."""

from datetime import date

from django.utils import timezone

from boards.models import MeetingKind
from lscb_portal.periods import quarter_of, reporting_year_start, year_label

from .factories import MeetingFactory, ReturnFactory

PLANNER = "/boards/north/planner/"


def meetings_of_2016(board):
    for day in (date(2016, 5, 12), date(2017, 3, 9)):
        MeetingFactory(board=board, kind=MeetingKind.BOARD, date=day)
    MeetingFactory(board=board, kind=MeetingKind.BUSINESS_GROUP, date=date(2017, 3, 16))


def start_url(subgroup):
    return f"/boards/north/subgroups/{subgroup.pk}/returns/new/"


def test_planner_opens_on_the_latest_year_with_meetings_and_names_it(cast, as_user):
    meetings_of_2016(cast.board)
    response = as_user(cast.board_member).get(PLANNER)
    assert response.context["year"] == 2016
    assert [m.date for m in response.context["meetings"]] == [
        date(2016, 5, 12),
        date(2017, 3, 9),
        date(2017, 3, 16),
    ]
    page = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Reporting planner 2016-17</h1>' in page
    assert "the planner opens on 2016-17, the latest year with meetings" in page
    assert '<option value="2016" selected>2016-17</option>' in page


def test_planner_opens_on_this_year_when_the_board_meets_this_year(cast, as_user):
    meetings_of_2016(cast.board)
    today = timezone.localdate()
    MeetingFactory(board=cast.board, kind=MeetingKind.BOARD, date=today)
    response = as_user(cast.board_member).get(PLANNER)
    assert response.context["year"] == reporting_year_start(today)
    assert "the latest year with meetings" not in response.content.decode()


def test_planner_shows_the_year_asked_for_without_the_note(cast, as_user):
    meetings_of_2016(cast.board)
    this_year = reporting_year_start(timezone.localdate())
    response = as_user(cast.board_member).get(PLANNER, {"year": this_year})
    assert response.context["year"] == this_year
    page = response.content.decode()
    assert (
        f"No board or Business Group meetings are recorded for {year_label(this_year)}"
        in page
    )
    assert "the latest year with meetings" not in page


def test_planner_ignores_meetings_after_this_year_and_development_days(cast, as_user):
    meetings_of_2016(cast.board)
    later = reporting_year_start(timezone.localdate()) + 2
    MeetingFactory(board=cast.board, kind=MeetingKind.BOARD, date=date(later, 5, 1))
    MeetingFactory(
        board=cast.board, kind=MeetingKind.DEVELOPMENT_DAY, date=date(2019, 6, 1)
    )
    assert as_user(cast.board_member).get(PLANNER).context["year"] == 2016


def test_planner_without_meetings_opens_on_this_year(cast, as_user):
    response = as_user(cast.board_member).get(PLANNER)
    assert response.context["year"] == reporting_year_start(timezone.localdate())


def test_new_return_offers_the_last_quarter_of_the_latest_year_with_meetings(
    cast, as_user, subgroup, subgroup_chair
):
    meetings_of_2016(cast.board)
    response = as_user(subgroup_chair).get(start_url(subgroup))
    assert response.context["form"]["period"].value() == "2016-17 Q4"
    page = response.content.decode()
    assert '<option value="2016-17 Q4" selected>' in page
    assert (
        "The quarter offered is 2016-17 Q4, the last quarter of 2016-17, the latest "
        "year with meetings." in page
    )


def test_new_return_offers_the_quarter_after_the_subgroups_latest(
    cast, as_user, subgroup, subgroup_chair
):
    meetings_of_2016(cast.board)
    ReturnFactory(subgroup=subgroup, period="2016-17 Q4")
    response = as_user(subgroup_chair).get(start_url(subgroup))
    assert response.context["form"]["period"].value() == "2017-18 Q1"
    assert "the quarter after its return for 2016-17 Q4" in response.content.decode()


def test_new_return_offers_the_quarter_after_a_return_later_than_the_meetings(
    cast, as_user, subgroup, subgroup_chair
):
    meetings_of_2016(cast.board)
    for period in ("2016-17 Q3", "2017-18 Q2", "2016-17 Q4"):
        ReturnFactory(subgroup=subgroup, period=period)
    response = as_user(subgroup_chair).get(start_url(subgroup))
    assert response.context["form"]["period"].value() == "2017-18 Q3"
    assert "the quarter after its return for 2017-18 Q2" in response.content.decode()


def test_new_return_offers_this_quarter_when_the_board_meets_this_year(
    cast, as_user, subgroup, subgroup_chair
):
    today = timezone.localdate()
    MeetingFactory(board=cast.board, kind=MeetingKind.BOARD, date=today)
    response = as_user(subgroup_chair).get(start_url(subgroup))
    assert response.context["form"]["period"].value() == quarter_of(today)
    assert f"The quarter offered is {quarter_of(today)}, this quarter." in (
        response.content.decode()
    )


def test_new_return_never_offers_a_quarter_still_to_begin(
    cast, as_user, subgroup, subgroup_chair
):
    today = timezone.localdate()
    MeetingFactory(board=cast.board, kind=MeetingKind.BOARD, date=today)
    ReturnFactory(subgroup=subgroup, period=quarter_of(today))
    response = as_user(subgroup_chair).get(start_url(subgroup))
    assert response.context["form"]["period"].value() == quarter_of(today)
