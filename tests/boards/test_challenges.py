"""The challenge log: raising, responding, closing (only with an outcome), filters,
counts per agency and reporting year, and versioned edits."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from boards.filters.challenges import ChallengeFilter
from boards.forms.challenges import ChallengeRaiseForm, ChallengeRespondForm
from boards.models import ChallengeLogEntry, Meeting, Membership
from boards.selectors.challenges import (
    challenge_counts,
    challenge_years,
    challenges_for_list,
    describe_challenge_log,
)
from boards.services.challenges import (
    CLOSE_NEEDS_OUTCOME,
    challenge_raise,
    challenge_respond,
    challenge_update_details,
)
from boards.views.challenges import ChallengeListView
from lscb_portal.periods import label_bounds
from lscb_portal.versioning import StaleVersion
from subgroups.models import CalendarFeed
from tests import lists
from tests.boards.factories import AgencyFactory

LOG = "/boards/north/challenges/"


def seat(cast, user):
    return Membership.objects.get(board=cast.board, user=user)


def raise_one(cast, *, on=date(2016, 10, 5), agency=None, by=None, subject="Why?"):
    return challenge_raise(
        board=cast.board,
        raised_by=seat(cast, by or cast.board_member),
        agency_challenged=agency or cast.agency_y,
        subject=subject,
        date=on,
        user=cast.business_team,
    )


# Raising -----------------------------------------------------------------------------


def test_raising_records_the_members_agency_and_opens_the_challenge(cast):
    challenge = raise_one(cast)
    assert challenge.status == "open"
    assert challenge.raised_by_agency == cast.agency_x
    assert challenge.closed_on is None
    assert challenge.history.first().history_user == cast.business_team


def test_a_lay_member_raises_a_challenge_with_no_agency(cast):
    challenge = raise_one(cast, by=cast.lay_member)
    assert challenge.raised_by_agency is None


def test_another_boards_agency_cannot_be_challenged(cast):
    foreign = AgencyFactory(board=cast.other_board)
    with pytest.raises(ValidationError) as error:
        raise_one(cast, agency=foreign)
    assert "agency_challenged" in error.value.message_dict
    assert not ChallengeLogEntry.objects.exists()


def test_raise_page_defaults_to_the_users_own_seat(cast, as_user):
    page = as_user(cast.board_member).get(LOG + "new/")
    form = page.context["form"]
    assert form.fields["raised_by"].initial == seat(cast, cast.board_member).pk
    # A member raises challenges in their own name only.
    assert list(form.fields["raised_by"].queryset) == [seat(cast, cast.board_member)]
    assert set(form.fields["agency_challenged"].queryset) == {
        cast.agency_x,
        cast.agency_y,
    }


def test_business_team_may_log_a_challenge_for_any_member(cast, as_user):
    client = as_user(cast.business_team)
    form = client.get(LOG + "new/").context["form"]
    assert seat(cast, cast.lay_member) in form.fields["raised_by"].queryset
    response = client.post(
        LOG + "new/",
        {
            "date": "2017-01-12",
            "raised_by": seat(cast, cast.lay_member).pk,
            "agency_challenged": cast.agency_x.pk,
            "subject": "Return home interviews",
        },
    )
    challenge = ChallengeLogEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{LOG}{challenge.pk}/"
    assert challenge.raised_by.user == cast.lay_member


def test_a_member_cannot_raise_in_someone_elses_name(cast, as_user):
    response = as_user(cast.board_member).post(
        LOG + "new/",
        {
            "date": "2017-01-12",
            "raised_by": seat(cast, cast.lay_member).pk,
            "agency_challenged": cast.agency_y.pk,
            "subject": "Data",
        },
    )
    assert response.status_code == 200
    assert "Choose the member who raised the challenge" in response.content.decode()
    assert not ChallengeLogEntry.objects.exists()


def test_raise_form_errors_are_written_for_people(cast, as_user):
    future = timezone.localdate() + timedelta(days=3)
    response = as_user(cast.chair).post(
        LOG + "new/", {"date": future.isoformat(), "subject": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The date raised must be today or in the past" in page
    assert "Enter what the challenge is about" in page
    assert "Choose the agency that was challenged" in page


def test_a_challenge_can_name_the_record_that_prompted_it(cast, as_user):
    meeting = Meeting.objects.create(board=cast.board, date=date(2017, 1, 12))
    link = f"boards.meeting:{meeting.pk}"
    client = as_user(cast.board_member)
    assert (
        client.get(LOG + "new/?prompted_by=" + link)
        .context["form"]["prompted_by"]
        .value()
        == link
    )
    client.post(
        LOG + "new/",
        {
            "date": "2017-01-12",
            "raised_by": seat(cast, cast.board_member).pk,
            "agency_challenged": cast.agency_y.pk,
            "subject": "Minutes",
            "prompted_by": link,
        },
    )
    challenge = ChallengeLogEntry.objects.get()
    assert challenge.prompted_by == meeting
    page = client.get(f"{LOG}{challenge.pk}/").content.decode()
    assert str(meeting) in page  # no page of its own: shown by name


@pytest.mark.parametrize(
    "link",
    [
        "boards.meeting:{other}",
        "boards.user:{user}",
        "nonsense",
        "x.y:1",
        # Of this board, but not a record it keeps: a history row, a personal feed.
        "boards.historicalmeeting:{history}",
        "subgroups.calendarfeed:{feed}",
    ],
)
def test_a_prompting_record_of_another_board_or_kind_is_refused(cast, as_user, link):
    other = Meeting.objects.create(board=cast.other_board, date=date(2017, 1, 12))
    ours = Meeting.objects.create(board=cast.board, date=date(2017, 1, 12))
    feed = CalendarFeed.objects.create(board=cast.board, user=cast.chair)
    link = link.format(
        other=other.pk,
        user=cast.chair.pk,
        history=ours.history.get().history_id,
        feed=feed.pk,
    )
    response = as_user(cast.chair).post(
        LOG + "new/",
        {
            "date": "2017-01-12",
            "raised_by": seat(cast, cast.chair).pk,
            "agency_challenged": cast.agency_y.pk,
            "subject": "Minutes",
            "prompted_by": link,
        },
    )
    assert response.status_code == 200
    assert "cannot be linked" in response.content.decode()
    assert not ChallengeLogEntry.objects.exists()


# Closing only with an outcome ----------------------------------------------------


def test_service_refuses_to_close_without_an_outcome(cast):
    challenge = raise_one(cast)
    for outcome in ("", "   "):
        with pytest.raises(ValidationError) as error:
            challenge_respond(
                challenge=challenge,
                version=challenge.version,
                response="",
                outcome=outcome,
                status="closed",
                user=cast.business_team,
            )
        assert error.value.message_dict["outcome"] == [CLOSE_NEEDS_OUTCOME]
    challenge.refresh_from_db()
    assert challenge.status == "open"
    assert challenge.version == 1


def test_form_refuses_to_close_without_an_outcome(cast):
    challenge = raise_one(cast)
    form = ChallengeRespondForm(
        {"status": "closed", "outcome": "", "version": 1}, challenge=challenge
    )
    assert not form.is_valid()
    assert form.errors["outcome"] == [CLOSE_NEEDS_OUTCOME]


def test_database_refuses_a_closed_challenge_without_an_outcome(cast):
    challenge = raise_one(cast)
    with pytest.raises(IntegrityError), transaction.atomic():
        ChallengeLogEntry.objects.filter(pk=challenge.pk).update(
            status="closed", outcome=""
        )


def test_model_clean_refuses_a_closed_challenge_without_an_outcome(cast):
    challenge = raise_one(cast)
    challenge.status = "closed"
    with pytest.raises(ValidationError) as error:
        challenge.full_clean()
    assert "Record the outcome before closing the challenge" in str(error.value)


def test_closing_page_without_an_outcome_shows_the_message(cast, as_user):
    challenge = raise_one(cast)
    response = as_user(cast.business_team).post(
        f"{LOG}{challenge.pk}/respond/",
        {"response": "Audit commissioned", "status": "closed", "version": 1},
    )
    assert response.status_code == 200
    assert CLOSE_NEEDS_OUTCOME in response.content.decode()
    challenge.refresh_from_db()
    assert (challenge.status, challenge.response) == ("open", "")


def test_closing_with_an_outcome_sets_the_date_closed(cast, as_user):
    challenge = raise_one(cast)
    response = as_user(cast.business_team).post(
        f"{LOG}{challenge.pk}/respond/",
        {
            "response": "Audit commissioned",
            "outcome": "Action plan agreed",
            "impact": "Plans reviewed sooner",
            "status": "closed",
            "version": 1,
        },
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.status == "closed"
    assert challenge.closed_on == timezone.localdate()
    assert challenge.outcome == "Action plan agreed"
    assert challenge.version == 2
    page = as_user(cast.lay_member).get(f"{LOG}{challenge.pk}/").content.decode()
    for text in ("Audit commissioned", "Action plan agreed", "Plans reviewed sooner"):
        assert text in page


def test_closing_on_a_given_date_and_reopening_clears_it(cast):
    challenge = raise_one(cast)
    closed = challenge_respond(
        challenge=challenge,
        version=1,
        outcome="Agreed",
        status="closed",
        closed_on=date(2016, 12, 1),
        user=cast.chair,
    )
    assert closed.closed_on == date(2016, 12, 1)
    reopened = challenge_respond(
        challenge=closed, version=2, outcome="Agreed", status="open", user=cast.chair
    )
    assert (reopened.status, reopened.closed_on) == ("open", None)


def test_a_challenge_cannot_close_before_it_was_raised(cast):
    challenge = raise_one(cast, on=date(2016, 10, 5))
    with pytest.raises(ValidationError) as error:
        challenge_respond(
            challenge=challenge,
            version=1,
            outcome="Agreed",
            status="closed",
            closed_on=date(2016, 10, 4),
            user=cast.chair,
        )
    assert "closed_on" in error.value.message_dict


# Versioned edits -------------------------------------------------------------------


def test_a_stale_response_is_refused_with_409(cast, as_user):
    challenge = raise_one(cast)
    challenge_respond(challenge=challenge, version=1, response="First", user=cast.chair)
    response = as_user(cast.business_team).post(
        f"{LOG}{challenge.pk}/respond/",
        {"response": "Second", "status": "open", "version": 1},
    )
    assert response.status_code == 409
    assert "changed by" in response.content.decode()
    challenge.refresh_from_db()
    assert challenge.response == "First"


def test_a_stale_edit_is_refused_with_409(cast, as_user):
    challenge = raise_one(cast)
    challenge_update_details(
        challenge=challenge, version=1, changes={"subject": "Kept"}, user=cast.chair
    )
    response = as_user(cast.business_team).post(
        f"{LOG}{challenge.pk}/edit/",
        {
            "date": "2016-10-05",
            "raised_by": seat(cast, cast.board_member).pk,
            "agency_challenged": cast.agency_y.pk,
            "subject": "Lost",
            "version": 1,
        },
    )
    assert response.status_code == 409
    challenge.refresh_from_db()
    assert challenge.subject == "Kept"


@pytest.mark.parametrize("page", ["edit/", "respond/"])
def test_change_pages_start_from_the_challenge(cast, as_user, page):
    challenge = raise_one(cast, subject="Early help closures")
    challenge = challenge_respond(
        challenge=challenge, version=1, response="Data cleansing", user=cast.chair
    )
    form = as_user(cast.chair).get(f"{LOG}{challenge.pk}/{page}").context["form"]
    assert form["version"].value() == 2
    if page == "edit/":
        assert form["subject"].value() == "Early help closures"
        assert form["raised_by"].value() == seat(cast, cast.board_member).pk
    else:
        assert form["response"].value() == "Data cleansing"
        assert form["status"].value() == "open"


def test_service_raises_stale_version(cast):
    challenge = raise_one(cast)
    challenge_update_details(
        challenge=challenge, version=1, changes={"subject": "A"}, user=cast.chair
    )
    with pytest.raises(StaleVersion):
        challenge_update_details(
            challenge=challenge, version=1, changes={"subject": "B"}, user=cast.chair
        )


def test_editing_the_raiser_updates_their_agency_and_history(cast, as_user):
    challenge = raise_one(cast)
    response = as_user(cast.chair).post(
        f"{LOG}{challenge.pk}/edit/",
        {
            "date": "2016-10-05",
            "raised_by": seat(cast, cast.lay_member).pk,
            "agency_challenged": cast.agency_x.pk,
            "subject": "Why? (clarified)",
            "version": 1,
        },
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.raised_by_agency is None
    assert challenge.agency_challenged == cast.agency_x
    history = as_user(cast.contributor_y).get(f"{LOG}{challenge.pk}/history/")
    page = history.content.decode()
    assert "Why? (clarified)" in page
    assert str(cast.chair) in page


# Filters ---------------------------------------------------------------------------


@pytest.fixture
def log(cast):
    """Five challenges over three reporting years; two closed."""
    made = {
        "x-2015": raise_one(cast, on=date(2016, 3, 31), agency=cast.agency_x),
        "x-2016a": raise_one(cast, on=date(2016, 4, 1), agency=cast.agency_x),
        "y-2016": raise_one(cast, on=date(2017, 3, 31), agency=cast.agency_y),
        "x-2016b": raise_one(cast, on=date(2016, 11, 30), agency=cast.agency_x),
        "y-2017": raise_one(cast, on=date(2017, 4, 1), agency=cast.agency_y),
    }
    for key in ("x-2016a", "y-2017"):
        made[key] = challenge_respond(
            challenge=made[key],
            version=1,
            response="",
            outcome="Agreed",
            status="closed",
            user=cast.chair,
        )
    return made


def filtered(cast, data):
    challenge_filter = ChallengeFilter(
        data,
        queryset=challenges_for_list(cast.board),
        board=cast.board,
    )
    return {c.pk for c in challenge_filter.qs}, challenge_filter


def ids(log, *keys):
    return {log[key].pk for key in keys}


def test_filter_by_agency(cast, log):
    found, _ = filtered(cast, {"agency_challenged": cast.agency_y.pk})
    assert found == ids(log, "y-2016", "y-2017")


def test_filter_by_reporting_year_runs_april_to_march(cast, log):
    found, _ = filtered(cast, {"year": "2016-17"})
    assert found == ids(log, "x-2016a", "y-2016", "x-2016b")
    found, _ = filtered(cast, {"year": "2015-16"})
    assert found == ids(log, "x-2015")


def test_filter_by_status(cast, log):
    found, _ = filtered(cast, {"status": "closed"})
    assert found == ids(log, "x-2016a", "y-2017")
    found, _ = filtered(cast, {"status": "open"})
    assert found == ids(log, "x-2015", "y-2016", "x-2016b")


def test_filters_combine(cast, log):
    found, _ = filtered(
        cast,
        {"agency_challenged": cast.agency_x.pk, "year": "2016-17", "status": "open"},
    )
    assert found == ids(log, "x-2016b")


def test_year_choices_span_the_log_newest_first(cast, log):
    assert challenge_years(cast.board) == ["2017-18", "2016-17", "2015-16"]
    assert challenge_years(cast.other_board) == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"year": "2030-31"}, "year"),
        ({"year": "'; drop table"}, "year"),
        ({"status": "pending"}, "status"),
        ({"agency_challenged": "abc"}, "agency_challenged"),
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(cast, log, data, field):
    _, challenge_filter = filtered(cast, data)
    assert field in challenge_filter.form.errors


def test_another_boards_agency_is_not_a_filter_choice(cast, log):
    foreign = AgencyFactory(board=cast.other_board)
    _, challenge_filter = filtered(cast, {"agency_challenged": foreign.pk})
    assert "agency_challenged" in challenge_filter.form.errors


def test_list_page_filters_and_shows_a_message_for_bad_input(cast, log, as_user):
    client = as_user(cast.contributor_x)
    response = client.get(LOG, {"year": "2016-17", "status": "open"})
    assert response.status_code == 200
    assert {c.pk for c in response.context["page"].object_list} == ids(
        log, "y-2016", "x-2016b"
    )
    bad = client.get(LOG, {"year": "1999-00"})
    assert bad.status_code == 200
    assert "Choose a reporting year from the list" in bad.content.decode()


def test_label_bounds():
    assert label_bounds("2016-17") == (date(2016, 4, 1), date(2017, 3, 31))
    assert label_bounds("1999-00") == (date(1999, 4, 1), date(2000, 3, 31))
    for bad in ("2016-18", "2016/17", "201617", "abcd-ef"):
        with pytest.raises(ValueError):
            label_bounds(bad)


# Counts for the annual report ----------------------------------------------------


def test_counts_per_agency_and_reporting_year(cast, log):
    counts = challenge_counts(cast.board)
    assert counts.years == ["2015-16", "2016-17", "2017-18"]
    rows = {row.label: (row.counts, row.total) for row in counts.rows}
    assert rows == {
        cast.agency_x.name: ([1, 2, 0], 3),
        cast.agency_y.name: ([0, 1, 1], 2),
    }
    assert counts.year_totals == [1, 3, 1]
    assert (counts.total, counts.open_total) == (5, 3)


def test_counts_list_every_agency_and_fill_gaps_between_years(cast):
    quiet = AgencyFactory(board=cast.board, name="Aardvark Trust")
    raise_one(cast, on=date(2014, 6, 1), agency=cast.agency_x)
    raise_one(cast, on=date(2017, 6, 1), agency=cast.agency_x)
    counts = challenge_counts(cast.board)
    assert counts.years == ["2014-15", "2015-16", "2016-17", "2017-18"]
    assert counts.rows[0].label == quiet.name
    assert counts.rows[0].counts == [0, 0, 0, 0]


def test_counts_of_an_empty_log(cast):
    counts = challenge_counts(cast.board)
    assert (counts.years, counts.rows, counts.total) == ([], [], 0)


def test_counts_run_in_two_queries_and_ignore_other_boards(
    cast, log, django_assert_num_queries
):
    raise_other = AgencyFactory(board=cast.other_board)
    ChallengeLogEntry.objects.create(
        board=cast.other_board,
        date=date(2016, 5, 1),
        raised_by=Membership.objects.get(user=cast.other_board_member),
        agency_challenged=raise_other,
        subject="Elsewhere",
    )
    with django_assert_num_queries(2):
        counts = challenge_counts(cast.board)
    assert counts.total == 5


def test_counts_table_is_on_the_list_page(cast, log, as_user):
    page = as_user(cast.lay_member).get(LOG).content.decode()
    assert "Challenges by agency challenged and reporting year" in page
    assert "2017-18" in page


def test_describe_challenge_log(cast, log):
    assert describe_challenge_log(cast.board) == "5 challenges logged, 3 open."
    assert describe_challenge_log(cast.other_board) == "No challenges are logged yet."


def test_raise_form_without_board_seat_has_no_default(cast, user_factory):
    admin = user_factory(is_superuser=True)
    form = ChallengeRaiseForm(board=cast.board, user=admin, any_member=True)
    assert form.fields["raised_by"].initial is None


# The list component ----------------------------------------------------------------


def test_list_sorts_by_agency_and_ignores_unknown_keys(cast, log, as_user):
    client = as_user(cast.board_member)
    ascending = lists.assert_sorts(client, LOG, "agency")
    agencies = [row[3] for row in ascending]
    assert agencies == sorted(agencies)


def test_sorting_alone_does_not_count_as_filtering(cast, log, as_user):
    response = as_user(cast.board_member).get(LOG, {"sort": "date", "order": "asc"})
    assert not response.context["filter"].is_bound
    dates = [c.date for c in response.context["page"].object_list]
    assert dates == sorted(dates)


def test_exports_hold_the_filtered_list(cast, log, as_user):
    client = as_user(cast.board_member)
    query = {"agency_challenged": cast.agency_x.pk, "sort": "date", "order": "asc"}
    rows = lists.assert_exports(client, LOG, query)
    assert [row[0] for row in rows] == ["31 Mar 2016", "1 Apr 2016", "30 Nov 2016"]
    assert {row[3] for row in rows} == {str(cast.agency_x)}


def test_exports_hold_every_page(cast, log, as_user, monkeypatch):
    monkeypatch.setattr(ChallengeListView, "page_size", 2)
    rows = lists.assert_exports(as_user(cast.board_member), LOG)
    assert len(rows) == 5


def test_exported_formulas_are_neutralised(cast, log, as_user):
    raise_one(cast, on=date(2016, 5, 1), agency=cast.agency_y, subject="=1+2")
    rows = lists.export(as_user(cast.board_member), LOG, "csv")
    assert [row[1] for row in rows if "1+2" in row[1]] == ["'=1+2"]
