"""The trainer pool and the endorsed providers as the business team uses them:
who is in the pool, from which agency, what they attended and delivered, how
many a year's train-the-trainer sessions brought in; providers with their
decision and expiry, those due review tagged and listed on the board home."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from training import reminders
from training.models import DevelopmentDay, Endorsement, Provider, Trainer

from .factories import CourseFactory, SessionFactory, TrainerFactory

pytestmark = pytest.mark.django_db

POOL = "/boards/north/training/pool/"
PROVIDERS = "/boards/north/training/providers/"


def pool_of(board, agency, size):
    """`size` trainers, each trained at a 2016-17 train-the-trainer session,
    attending a development day and delivering a held session."""
    course = CourseFactory(board=board, title="Train the trainer", trains_trainers=True)
    trained_at = SessionFactory(course=course, date=date(2016, 9, 1))
    delivered = SessionFactory(course=CourseFactory(board=board))
    day = DevelopmentDay.objects.create(
        board=board, date=date(2016, 11, 3), title="Pool development day"
    )
    trainers = Trainer.objects.bulk_create(
        Trainer(
            board=board,
            name=f"Trainer Example {n}",
            agency=agency,
            trained_at=trained_at,
            agreement_signed_on=date(2016, 9, 2),
        )
        for n in range(size)
    )
    day.trainers.set(trainers)
    delivered.trainers.set(trainers)
    return trainers


def test_the_pool_shows_each_trainer_and_how_many_a_year_trained(cast, as_user):
    pool_of(cast.board, cast.agency_x, 3)
    TrainerFactory(board=cast.board, agency=cast.agency_y, name="Volunteer Example")
    page = as_user(cast.board_member).get(POOL).content.decode()
    assert "3 trained in 2016-17" in page
    assert "Trainer Example 0" in page and "Volunteer Example" in page
    assert cast.agency_x.name in page
    assert "2 Sep 2016" in page  # the agreement
    assert "Train the trainer, 1 September 2016" in page
    assert "Pool development day" in page
    export = as_user(cast.board_member).get(POOL + "?export=csv").content.decode()
    header, first = export.splitlines()[:2]
    assert header.lstrip("\ufeff") == (
        "Trainer,Agency,Agreement signed,Development days attended,"
        "Sessions delivered,Trained at,In the pool"
    )
    assert first.startswith("Trainer Example 0,Northshire Constabulary,2 Sep 2016,1,1,")


def test_the_trained_year_can_be_chosen(cast, as_user):
    pool_of(cast.board, cast.agency_x, 2)
    page = as_user(cast.board_member).get(POOL + "?year=2015").content.decode()
    assert "0 trained in 2015-16" in page


def test_the_business_team_adds_and_changes_a_trainer(cast, as_user):
    client = as_user(cast.business_team)
    response = client.post(
        POOL + "trainers/new/",
        {
            "name": "Pat Example",
            "agency": cast.agency_x.pk,
            "agreement_signed_on_day": "5",
            "agreement_signed_on_month": "4",
            "agreement_signed_on_year": "2016",
        },
    )
    assert response.status_code == 302
    trainer = Trainer.objects.get(name="Pat Example")
    assert trainer.agreement_signed_on == date(2016, 4, 5)
    edit = f"{POOL}trainers/{trainer.pk}/edit/"
    data = {"name": "Pat Example", "agency": cast.agency_y.pk, "version": 1}
    assert client.post(edit, data).status_code == 302
    trainer.refresh_from_db()
    assert (trainer.agency, trainer.version, trainer.active) == (
        cast.agency_y,
        2,
        False,
    )
    stale = client.post(edit, data | {"name": "Pat Changed"})
    assert stale.status_code == 409
    assert "changed by" in stale.content.decode()


def test_a_trainer_needs_a_name_and_an_agency(cast, as_user):
    response = as_user(cast.business_team).post(POOL + "trainers/new/", {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter the trainer&#x27;s name" in page
    assert not Trainer.objects.exists()


def test_a_development_day_records_who_attended(cast, as_user):
    trainer = TrainerFactory(board=cast.board, agency=cast.agency_x)
    response = as_user(cast.business_team).post(
        POOL + "development-days/new/",
        {
            "date_day": "3",
            "date_month": "11",
            "date_year": "2016",
            "title": "Pool development day",
            "trainers": [trainer.pk],
        },
    )
    assert response.status_code == 302
    assert list(DevelopmentDay.objects.get().trainers.all()) == [trainer]


@pytest.mark.parametrize("size", [5, 200])
def test_the_pool_runs_constant_queries(
    cast, as_user, size, django_assert_max_num_queries
):
    pool_of(cast.board, cast.agency_x, size)
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(POOL_QUERIES):
        assert client.get(POOL).status_code == 200


# Measured 10 at both sizes: the session, user, board and roles, the trained
# year and its count, the pool's count and page, the days' count and page.
POOL_QUERIES = 10


# Providers ----------------------------------------------------------------------


def providers(board, today):
    soon = Provider.objects.create(
        board=board,
        name="Soon Training Ltd",
        self_assessment_received_on=today - timedelta(days=400),
        decision=Endorsement.ENDORSED,
        decided_on=today - timedelta(days=300),
        expires_on=today + timedelta(days=20),
    )
    later = Provider.objects.create(
        board=board,
        name="Later Training Ltd",
        self_assessment_received_on=today - timedelta(days=40),
        decision=Endorsement.ENDORSED,
        decided_on=today - timedelta(days=30),
        expires_on=today + timedelta(days=700),
    )
    waiting = Provider.objects.create(board=board, name="Waiting Training Ltd")
    return soon, later, waiting


def test_providers_show_their_decision_and_which_are_due_review(cast, as_user):
    providers(cast.board, timezone.localdate())
    page = as_user(cast.board_member).get(PROVIDERS).content.decode()
    assert "1 endorsement is due review" in page
    assert page.count(">Review due</strong>") == 1
    assert "Awaiting decision" in page
    export = as_user(cast.board_member).get(PROVIDERS + "?export=csv").content
    lines = export.decode().splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == [
        "Later Training Ltd",
        "Soon Training Ltd",
        "Waiting Training Ltd",
    ]
    assert lines[2].endswith(",Review due")


def test_an_endorsement_needs_its_expiry(cast, as_user):
    response = as_user(cast.business_team).post(
        PROVIDERS + "new/",
        {
            "name": "Example Training Ltd",
            "decision": Endorsement.ENDORSED,
            "self_assessment_received_on_day": "1",
            "self_assessment_received_on_month": "5",
            "self_assessment_received_on_year": "2016",
            "decided_on_day": "1",
            "decided_on_month": "6",
            "decided_on_year": "2016",
        },
    )
    assert response.status_code == 200
    assert "An endorsement needs an expiry date." in response.content.decode()
    assert not Provider.objects.exists()


def test_the_business_team_records_a_decision(cast, as_user):
    client = as_user(cast.business_team)
    assert (
        client.post(
            PROVIDERS + "new/",
            {"name": "Example Training Ltd", "decision": Endorsement.PENDING},
        ).status_code
        == 302
    )
    provider = Provider.objects.get()
    response = client.post(
        f"{PROVIDERS}{provider.pk}/edit/",
        {
            "name": "Example Training Ltd",
            "decision": Endorsement.ENDORSED,
            "self_assessment_received_on": "2016-05-01",
            "decided_on": "2016-06-01",
            "expires_on": "2018-05-31",
            "version": provider.version,
        },
    )
    assert response.status_code == 302
    provider.refresh_from_db()
    assert (provider.decision, provider.expires_on) == (
        Endorsement.ENDORSED,
        date(2018, 5, 31),
    )


def test_endorsements_due_review_reach_the_board_home_of_the_business_team(
    cast, as_user
):
    today = timezone.localdate()
    providers(cast.board, today)
    due = reminders.endorsement_reviews_due(cast.board, cast.business_team, today)
    assert [p.name for p in due["providers"]] == ["Soon Training Ltd"]
    assert (
        reminders.endorsement_reviews_due(cast.board, cast.board_member, today) is None
    )
    assert reminders.endorsements_due_text(cast.board, today) == (
        "1 endorsement due review"
    )
    home = as_user(cast.business_team).get("/boards/north/").content.decode()
    assert "Endorsements due review" in home
    assert "Soon Training Ltd" in home
    home = as_user(cast.board_member).get("/boards/north/").content.decode()
    assert "Soon Training Ltd" not in home


@pytest.mark.parametrize("size", [5, 200])
def test_the_providers_list_runs_constant_queries(
    cast, as_user, size, django_assert_max_num_queries
):
    today = timezone.localdate()
    Provider.objects.bulk_create(
        Provider(
            board=cast.board,
            name=f"Provider Example {n}",
            decision=Endorsement.ENDORSED,
            self_assessment_received_on=today - timedelta(days=100),
            decided_on=today - timedelta(days=90),
            expires_on=today + timedelta(days=n),
        )
        for n in range(size)
    )
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(PROVIDERS_QUERIES):
        assert client.get(PROVIDERS).status_code == 200


# Measured 7 at both sizes: the session, user, board and roles, the count, the
# page and those due review.
PROVIDERS_QUERIES = 7
