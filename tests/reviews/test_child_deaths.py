"""Child death pages: who may see and change them, the refusals of bad input with
nothing saved, the view log, and query budgets."""

from datetime import date
from decimal import Decimal

import pytest

from boards.models import Membership, RecordView, Role
from reviews.forms.child_deaths import ChildDeathForm
from reviews.models import (
    CdopRecommendation,
    ChildDeathReview,
    ModifiableFactor,
    NationalComparison,
)
from reviews.services import looks_identifying
from tests.boards.factories import MembershipFactory
from tests.matrix import MANAGERS, allow, cast_with, permission_matrix

from .factories import CHILD_DEATHS, ChildDeathFactory, review_groups

CAST = cast_with("cdop_member")


@pytest.fixture
def panel(cast):
    return review_groups(cast.board)


@pytest.fixture
def cdop_member(cast, panel):
    """A board member of agency X who sits on the Child Death Overview Panel."""
    membership = MembershipFactory(
        board=cast.board, role=Role.BOARD_MEMBER, agency=cast.agency_x
    )
    panel.child_death_panel.members.add(membership)
    return membership.user


@pytest.fixture
def death(cast, panel):
    return ChildDeathFactory(board=cast.board, reference="CDOP-1516-01")


@pytest.fixture
def smoking(cast):
    return ModifiableFactor.objects.create(board=cast.board, name="Parental smoking")


@pytest.fixture
def recommendation(cast):
    return CdopRecommendation.objects.create(
        board=cast.board, year=2015, number=1, text="Improve Form B's."
    )


def _row(status_for_viewers, *, manager=None):
    """Viewers (chair, business team, the panel's member) get one status, the rest
    of the board 404; `manager` overrides the business team's."""
    row = allow(status_for_viewers, *MANAGERS, others=404)
    row["cdop_member"] = status_for_viewers
    if manager is not None:
        row = row | {"chair": 403, "cdop_member": 403, "business_team": manager}
    return row


VIEW = _row(200)
WRITE = _row(200, manager=200)
WRITE_POST = _row(200, manager=302)

MATRIX = [
    (CHILD_DEATHS, "get", VIEW),
    (CHILD_DEATHS + "{death}/", "get", VIEW),
    (CHILD_DEATHS + "{death}/history/", "get", VIEW),
    (CHILD_DEATHS + "statistics/", "get", VIEW),
    (CHILD_DEATHS + "recommendations/", "get", VIEW),
    (CHILD_DEATHS + "new/", "get", WRITE),
    (CHILD_DEATHS + "{death}/edit/", "get", WRITE),
    (CHILD_DEATHS + "england/", "get", WRITE),
    (CHILD_DEATHS + "recommendations/new/", "get", WRITE),
    (CHILD_DEATHS + "recommendations/{recommendation}/", "get", WRITE),
]


@permission_matrix(MATRIX, cast=CAST)
def test_child_death_pages_permissions(
    visit, who, method, url, expected, death, recommendation, cdop_member
):
    visit(
        who,
        method,
        url.format(death=death.pk, recommendation=recommendation.pk),
        expected,
    )


def record_data(**changes):
    data = {
        "reference": "CDOP-1516-09",
        "sex": "female",
        "age_band": "0-27d",
        "category": "8",
        "modifiable": "no",
        "month_of_death_month": "5",
        "month_of_death_year": "2015",
        "signed_off_on_day": "10",
        "signed_off_on_month": "2",
        "signed_off_on_year": "2016",
        "ethnicity": "white_british",
        "notes": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@permission_matrix([(CHILD_DEATHS + "new/", "post", WRITE_POST)], cast=CAST)
def test_only_the_business_team_adds_a_record(
    visit, who, method, url, expected, panel, cdop_member
):
    visit(
        who,
        method,
        url,
        expected,
        data=record_data(),
        snapshot=lambda: ChildDeathReview.objects.count(),
    )


@permission_matrix([(CHILD_DEATHS + "{death}/edit/", "post", WRITE_POST)], cast=CAST)
def test_only_the_business_team_changes_a_record(
    visit, who, method, url, expected, death, cdop_member
):
    visit(
        who,
        method,
        url.format(death=death.pk),
        expected,
        data=record_data(reference=death.reference, version=death.version),
        snapshot=lambda: ChildDeathReview.objects.get(pk=death.pk).version,
    )


def test_another_boards_record_is_not_found(cast, as_user, death, panel):
    theirs = ChildDeathFactory(board=cast.other_board, reference="CDOP-X")
    client = as_user(cast.business_team)
    for suffix in ("", "edit/", "history/"):
        response = client.get(f"{CHILD_DEATHS}{theirs.pk}/{suffix}")
        assert response.status_code == 404


def test_the_panels_member_sees_no_change_links(cdop_member, death, as_user):
    client = as_user(cdop_member)
    html = client.get(f"{CHILD_DEATHS}{death.pk}/").content.decode()
    assert "/edit/" not in html
    html = client.get(CHILD_DEATHS).content.decode()
    assert "/new/" not in html


# Adding and changing --------------------------------------------------------------


def test_the_business_team_adds_a_record(cast, as_user, panel, smoking):
    client = as_user(cast.business_team)
    response = client.post(
        CHILD_DEATHS + "new/",
        record_data(modifiable="yes", modifiable_factors=[smoking.pk]),
    )
    assert response.status_code == 302
    death = ChildDeathReview.objects.get(reference="CDOP-1516-09")
    assert death.month_of_death == date(2015, 5, 1)
    assert death.signed_off_on == date(2016, 2, 10)
    assert death.year_of_review == 2015
    assert death.modifiable is True
    assert list(death.modifiable_factors.all()) == [smoking]
    assert death.history.first().history_user == cast.business_team


def refused(response, message):
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html.replace("&#x27;", "'")
    assert ChildDeathReview.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"month_of_death_month": "12", "month_of_death_year": "2016"},
            "cannot be signed off before the month of death",
        ),
        (
            {"signed_off_on_year": "2015", "signed_off_on_month": "4"},
            "cannot be signed off before the month of death",
        ),
        ({"age_band": "18-20"}, "Select an age band from the list"),
        ({"category": "11"}, "Select a category of death from the list"),
        ({"sex": "other"}, "Select male or female"),
        ({"month_of_death_month": "13"}, "Enter a real month for month of death"),
        ({"month_of_death_year": None}, "Month of death must include a year"),
        ({"ethnicity": "martian"}, "Select an ethnicity group from the list"),
        ({"notes": "Jane Smith born 03/04/2015"}, "looks like a name and a date"),
        ({"notes": "DOB 3 April 2015"}, "looks like a name and a date"),
        ({"notes": "date of birth 2015-04-03"}, "looks like a name and a date"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(cast, as_user, panel, changes, message):
    client = as_user(cast.business_team)
    data = record_data(**changes)
    refused(client.post(CHILD_DEATHS + "new/", data), message)


def test_factors_are_refused_unless_modifiable_is_yes(cast, as_user, panel, smoking):
    client = as_user(cast.business_team)
    for modifiable in ("no", "not_decided"):
        response = client.post(
            CHILD_DEATHS + "new/",
            record_data(modifiable=modifiable, modifiable_factors=[smoking.pk]),
        )
        refused(response, "only when modifiable factors were identified")


def test_another_boards_factor_is_refused(cast, as_user, panel):
    theirs = ModifiableFactor.objects.create(board=cast.other_board, name="Theirs")
    client = as_user(cast.business_team)
    response = client.post(
        CHILD_DEATHS + "new/",
        record_data(modifiable="yes", modifiable_factors=[theirs.pk]),
    )
    refused(response, "Select factors from the list")


def test_anonymised_notes_are_accepted(cast, as_user, panel):
    client = as_user(cast.business_team)
    notes = "Died in hospital in May 2015; parental smoking a factor"
    response = client.post(CHILD_DEATHS + "new/", record_data(notes=notes))
    assert response.status_code == 302
    assert ChildDeathReview.objects.get().notes == notes


def test_looks_identifying():
    assert looks_identifying("Jane Smith born 03/04/2015")
    assert looks_identifying("DOB 3 April 2015")
    assert looks_identifying("date of birth: 2015-04-03")
    assert not looks_identifying(
        "Died in hospital in May 2015; parental smoking a factor"
    )
    assert not looks_identifying("Signed off at the panel of 10/02/2016")


def test_there_is_no_name_birth_date_or_address_field():
    names = set(ChildDeathForm.base_fields) | {
        f.name for f in ChildDeathReview._meta.get_fields()
    }
    for word in ("name", "birth", "dob", "address", "postcode"):
        assert not any(word in n for n in names), word


def test_the_business_team_changes_a_record_and_history_shows_it(cast, as_user, death):
    client = as_user(cast.business_team)
    response = client.post(
        f"{CHILD_DEATHS}{death.pk}/edit/",
        record_data(reference=death.reference, category="7", version=death.version),
    )
    assert response.status_code == 302
    death.refresh_from_db()
    assert death.category == "7"
    assert death.version == 2
    html = client.get(f"{CHILD_DEATHS}{death.pk}/history/").content.decode()
    assert "Category of death: “8” to “7”" in html


def test_a_stale_edit_is_refused_with_409(cast, as_user, death):
    client = as_user(cast.business_team)
    data = record_data(reference=death.reference, category="7", version=death.version)
    assert client.post(f"{CHILD_DEATHS}{death.pk}/edit/", data).status_code == 302
    data["category"] = "9"
    response = client.post(f"{CHILD_DEATHS}{death.pk}/edit/", data)
    assert response.status_code == 409
    death.refresh_from_db()
    assert death.category == "7"


def test_an_edit_that_names_a_date_of_birth_is_refused(cast, as_user, death):
    client = as_user(cast.business_team)
    data = record_data(
        reference=death.reference, notes="DOB 3 April 2015", version=death.version
    )
    response = client.post(f"{CHILD_DEATHS}{death.pk}/edit/", data)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    death.refresh_from_db()
    assert death.notes == "" and death.version == 1


def test_the_edit_form_shows_the_month_of_death_as_month_and_year(cast, as_user, death):
    html = (
        as_user(cast.business_team)
        .get(f"{CHILD_DEATHS}{death.pk}/edit/")
        .content.decode()
    )
    assert 'name="month_of_death_month"' in html
    assert 'name="month_of_death_year"' in html
    assert 'name="month_of_death_day"' not in html
    assert 'name="signed_off_on_day"' in html


# England's figures and recommendations ------------------------------------------


def test_england_figures_are_saved_and_cleared(cast, as_user, death):
    client = as_user(cast.business_team)
    url = CHILD_DEATHS + "england/"
    response = client.post(
        url, {"year": "2015", "sex__male": "58", "age__0-27d": "43.1"}
    )
    assert response.status_code == 302
    figures = {
        (c.table, c.row): c.percentage
        for c in NationalComparison.objects.filter(board=cast.board, year=2015)
    }
    assert figures == {
        ("sex", "male"): Decimal("58"),
        ("age", "0-27d"): Decimal("43.1"),
    }
    assert client.get(url + "?year=2015").content.decode().count('value="43.1"') == 1
    saved = NationalComparison.history.filter(table="age").get()
    assert saved.history_user == cast.business_team
    client.post(url, {"year": "2015", "sex__male": "58"})
    assert not NationalComparison.objects.filter(table="age").exists()
    # The removal is kept in the history, with who removed it.
    removed = NationalComparison.history.filter(table="age").first()
    assert removed.history_type == "-"
    assert removed.history_user == cast.business_team
    html = client.get(CHILD_DEATHS + "statistics/").content.decode()
    assert "58%" in html


def test_england_figures_outside_0_to_100_are_refused(cast, as_user, death):
    client = as_user(cast.business_team)
    response = client.post(
        CHILD_DEATHS + "england/",
        {"year": "2015", "sex__male": "101", "sex__female": "42"},
    )
    assert response.status_code == 200
    assert "between 0 and 100" in response.content.decode()
    assert not NationalComparison.objects.exists()


def test_recommendations_are_added_and_changed(cast, as_user, panel):
    client = as_user(cast.business_team)
    url = CHILD_DEATHS + "recommendations/"
    response = client.post(url + "new/", {"year": "2015", "text": "Speed up Form B."})
    assert response.status_code == 302
    rec = CdopRecommendation.objects.get()
    assert rec.number == 1
    response = client.post(
        f"{url}{rec.pk}/",
        {"year": "2015", "number": "1", "text": rec.text, "progress": "Done."},
    )
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.progress == "Done."
    html = client.get(url).content.decode()
    assert "Speed up Form B." in html and "Done." in html


def test_a_duplicate_recommendation_number_is_refused(cast, as_user, recommendation):
    client = as_user(cast.business_team)
    response = client.post(
        CHILD_DEATHS + "recommendations/new/",
        {"year": "2015", "number": "1", "text": "Another."},
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert CdopRecommendation.objects.count() == 1


# The statistics page's year -------------------------------------------------------


def test_statistics_default_to_the_latest_year_and_say_so(cast, as_user, panel):
    ChildDeathFactory(board=cast.board, signed_off_on=date(2015, 2, 10))  # 2014/15
    ChildDeathFactory(board=cast.board, signed_off_on=date(2016, 2, 10))  # 2015/16
    client = as_user(cast.business_team)
    html = client.get(CHILD_DEATHS + "statistics/").content.decode()
    assert "Showing the deaths reviewed in 2015/16" in html
    assert "the latest year of review with data" in html
    html = client.get(CHILD_DEATHS + "statistics/?year=2014").content.decode()
    assert "Showing the deaths reviewed in 2014/15" in html
    assert "latest year of review with data" not in html


def test_statistics_without_data_say_so(cast, as_user, panel):
    html = as_user(cast.business_team).get(CHILD_DEATHS + "statistics/")
    assert "No child death has been signed off yet" in html.content.decode()


# The view log -------------------------------------------------------------------


def logged(user):
    return list(RecordView.objects.filter(user=user).order_by("id"))


def test_the_list_logs_every_record_it_shows(cast, as_user, panel):
    deaths = [ChildDeathFactory(board=cast.board) for _ in range(3)]
    client = as_user(cast.business_team)
    assert client.get(CHILD_DEATHS).status_code == 200
    views = logged(cast.business_team)
    assert sorted(v.record_id for v in views) == sorted(d.pk for d in deaths)
    assert all("reviews:child-deaths" in v.via for v in views)


def test_the_list_logs_only_what_the_filters_show(cast, as_user, panel):
    kept = ChildDeathFactory(board=cast.board, category="9")
    ChildDeathFactory(board=cast.board, category="8")
    client = as_user(cast.business_team)
    assert client.get(CHILD_DEATHS + "?category=9").status_code == 200
    assert [v.record_id for v in logged(cast.business_team)] == [kept.pk]


def test_a_download_logs_every_row_it_holds(cast, as_user, panel):
    deaths = [ChildDeathFactory(board=cast.board) for _ in range(3)]
    client = as_user(cast.business_team)
    response = client.get(CHILD_DEATHS + "?export=csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert all(d.reference in text for d in deaths)
    assert len(logged(cast.business_team)) == 3


def test_the_record_page_logs_the_view(cdop_member, as_user, death):
    client = as_user(cdop_member)
    assert client.get(f"{CHILD_DEATHS}{death.pk}/").status_code == 200
    (view,) = logged(cdop_member)
    assert view.record_id == death.pk
    assert view.record_label == death.reference
    assert "reviews:child-death " in view.via


def test_a_refused_view_is_not_logged(cast, as_user, death):
    client = as_user(cast.board_member)
    assert client.get(f"{CHILD_DEATHS}{death.pk}/").status_code == 404
    assert not logged(cast.board_member)


def test_the_statistics_page_logs_one_view_of_the_board(cast, as_user, death):
    client = as_user(cast.chair)
    assert client.get(CHILD_DEATHS + "statistics/").status_code == 200
    (view,) = logged(cast.chair)
    assert view.record_label == "CDOP statistics 2015/16"
    assert view.record_id == cast.board.pk


# Query budgets --------------------------------------------------------------------


@pytest.mark.parametrize("size", [3, 30])
def test_list_query_budget(cast, as_user, panel, size, django_assert_max_num_queries):
    for _ in range(size):
        ChildDeathFactory(board=cast.board)
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(10):
        assert client.get(CHILD_DEATHS + "?sort=sign_off_band").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(CHILD_DEATHS + "?year_of_review=2015").status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_statistics_query_budget(
    cast, as_user, panel, size, smoking, django_assert_max_num_queries
):
    for i in range(size):
        death = ChildDeathFactory(
            board=cast.board,
            modifiable=True,
            signed_off_on=date(2013 + i % 4, 2, 10),
            month_of_death=date(2012 + i % 4, 5, 1),
        )
        death.modifiable_factors.add(smoking)
    for number in range(1, size + 1):
        CdopRecommendation.objects.create(
            board=cast.board, year=2015, number=number, text="A"
        )
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(15):
        assert client.get(CHILD_DEATHS + "statistics/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(CHILD_DEATHS + "recommendations/").status_code == 200


def test_the_membership_of_the_panel_ends(cdop_member, cast, as_user, death):
    # An ended membership gives no access.
    Membership.objects.filter(user=cdop_member).update(member_to=date(2016, 1, 1))
    assert as_user(cdop_member).get(CHILD_DEATHS).status_code == 404


def test_the_list_sorts_age_bands_in_the_lists_order_and_exports_its_columns(
    cast, as_user, panel
):
    for reference, band in (("A", "15-17"), ("B", "0-27d"), ("C", "5-9")):
        ChildDeathFactory(board=cast.board, reference=reference, age_band=band)
    client = as_user(cast.business_team)
    response = client.get(CHILD_DEATHS + "?sort=age&export=csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "Reference,Year of review,Sex,Age at death,Category of death,"
        "Modifiable factors,Month of death,Signed off,Months to sign-off"
    )
    assert [line.split(",")[0] for line in lines[1:]] == ["B", "C", "A"]
    assert lines[1].endswith(",May 2015,10 Feb 2016,8 - 9 months")
