"""The view log: every view of a confidential agenda item is recorded (who, which,
when, through which page or API call), and the business team reads and filters it."""

from datetime import datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIRequestFactory, force_authenticate

from boards.api.viewlog import LogsRecordViewApiMixin
from boards.api.views import ChallengeViewSet
from boards.models import AgendaItem, ChallengeLogEntry, RecordView
from boards.services.viewlog import record_views_log
from tests import lists

from .factories import MembershipFactory
from .test_meetings_data import (  # noqa: F401 - fixtures
    PDF,
    AgendaItemFactory,
    DeclarationFactory,
    MeetingActionFactory,
    MeetingFactory,
    media_fixture,
    url,
)

pytestmark = pytest.mark.usefixtures("media_in_tmp")

LOG = "/boards/north/view-log/"


@pytest.fixture
def meeting(cast):
    return MeetingFactory(board=cast.board, date=datetime(2016, 11, 10).date())


@pytest.fixture
def secret(meeting):
    return AgendaItemFactory(
        meeting=meeting,
        order=5,
        title="Allegation against a professional",
        confidential=True,
        minutes="Discussed the referral.",
        paper_file=SimpleUploadedFile("referral.pdf", PDF),
    )


@pytest.fixture
def open_item(meeting):
    return AgendaItemFactory(meeting=meeting, order=1, title="Welcome")


# Views are logged ----------------------------------------------------------------


def test_viewing_a_meeting_logs_each_confidential_item_shown(
    cast, as_user, meeting, secret, open_item
):
    response = as_user(cast.board_member).get(url(meeting))
    assert response.status_code == 200
    view = RecordView.objects.get()
    assert view.user == cast.board_member
    assert view.board == cast.board
    assert view.record == secret
    assert view.record_label == f"{meeting}: item 5. Allegation against a professional"
    assert view.via == f"boards:meeting {url(meeting)}"
    assert timezone.now() - view.viewed_at < timedelta(minutes=1)
    # Each view is a new row.
    as_user(cast.board_member).get(url(meeting))
    assert RecordView.objects.count() == 2


@pytest.mark.parametrize(
    "page, name", [("minutes/", "minutes"), ("paper/", "paper"), ("edit/", "edit")]
)
def test_each_page_of_a_confidential_item_logs_a_view(
    cast, as_user, meeting, secret, page, name
):
    address = url(meeting, f"items/{secret.pk}/{page}")
    assert as_user(cast.business_team).get(address).status_code == 200
    view = RecordView.objects.get()
    assert (view.user, view.record) == (cast.business_team, secret)
    assert view.via.endswith(f" {address}") and name in view.via


def test_updating_an_action_on_a_confidential_item_logs_a_view_of_it(
    cast, as_user, meeting, secret, open_item
):
    action = MeetingActionFactory(meeting=meeting, agenda_item=secret)
    address = url(meeting, f"actions/{action.pk}/")
    assert as_user(cast.business_team).get(address).status_code == 200
    view = RecordView.objects.get()
    assert (view.user, view.record) == (cast.business_team, secret)
    assert view.via == f"boards:meeting-action-update {address}"
    # An action on an open item is not a restricted record.
    other = MeetingActionFactory(meeting=meeting, agenda_item=open_item)
    as_user(cast.business_team).get(url(meeting, f"actions/{other.pk}/"))
    assert RecordView.objects.count() == 1


def test_a_member_page_naming_a_confidential_item_logs_a_view(
    cast, as_user, meeting, secret, open_item
):
    membership = cast.board_member.memberships.get()
    for item in (secret, open_item):
        DeclarationFactory(membership=membership, year=None, agenda_item=item)
    address = f"/boards/north/members/{membership.pk}/"
    assert as_user(cast.contributor_x).get(address).status_code == 200
    assert not RecordView.objects.exists()  # the item is masked for them
    assert as_user(cast.chair).get(address).status_code == 200
    view = RecordView.objects.get()
    assert (view.user, view.record) == (cast.chair, secret)
    assert view.via == f"boards:member {address}"


def test_open_items_are_not_logged(cast, as_user, meeting, open_item):
    as_user(cast.board_member).get(url(meeting))
    as_user(cast.business_team).get(url(meeting, f"items/{open_item.pk}/minutes/"))
    assert not RecordView.objects.exists()


def test_no_view_is_logged_for_those_who_see_only_that_the_item_exists(
    cast, as_user, meeting, secret
):
    client = as_user(cast.contributor_x)
    assert client.get(url(meeting)).status_code == 200
    assert client.get(url(meeting, f"items/{secret.pk}/paper/")).status_code == 404
    # Posting a form is not a view: only GETs are logged.
    as_user(cast.board_member).post(url(meeting, f"items/{secret.pk}/minutes/"), {})
    assert not RecordView.objects.exists()


def test_a_logged_view_is_never_changed(cast, meeting, secret):
    record_views_log(
        board_id=cast.board.pk, user=cast.chair, records=[secret], via="test"
    )
    view = RecordView.objects.get()
    view.via = "changed"
    with pytest.raises(ValueError):
        view.save()


class LoggedChallenges(LogsRecordViewApiMixin, ChallengeViewSet):
    """A viewset of restricted records, as the reviews app's will be."""


def test_the_api_mixin_logs_retrieve_and_list(cast):
    challenge = ChallengeLogEntry.objects.create(
        board=cast.board,
        date=datetime(2016, 11, 10).date(),
        subject="Minutes",
        agency_challenged=cast.agency_x,
        raised_by=cast.chair.memberships.get(),
    )
    factory = APIRequestFactory()
    request = factory.get(f"/api/v1/challenges/{challenge.pk}/")
    force_authenticate(request, user=cast.chair)
    view = LoggedChallenges.as_view({"get": "retrieve"})
    assert view(request, pk=challenge.pk).status_code == 200
    logged = RecordView.objects.get()
    assert (logged.user, logged.record, logged.board) == (
        cast.chair,
        challenge,
        cast.board,
    )
    assert logged.via == f"API GET /api/v1/challenges/{challenge.pk}/"

    request = factory.get("/api/v1/challenges/")
    force_authenticate(request, user=cast.board_member)
    assert LoggedChallenges.as_view({"get": "list"})(request).status_code == 200
    assert RecordView.objects.filter(
        user=cast.board_member,
        record_id=challenge.pk,
        via="API GET /api/v1/challenges/",
    ).exists()
    # Someone of another board gets a 404 and nothing is logged.
    request = factory.get(f"/api/v1/challenges/{challenge.pk}/")
    force_authenticate(request, user=cast.other_board_member)
    assert view(request, pk=challenge.pk).status_code == 404
    assert RecordView.objects.count() == 2


# The log page --------------------------------------------------------------------


def log_view(cast, user, record, when, via="boards:meeting /x/"):
    record_views_log(board_id=cast.board.pk, user=user, records=[record], via=via)
    view = RecordView.objects.latest("id")
    RecordView.objects.filter(pk=view.pk).update(viewed_at=when)
    return view


def rows(response) -> list[str]:
    return [view.record_label for view in response.context["page"].object_list]


def test_business_team_reads_the_log_newest_first_and_filters_it(
    cast, as_user, meeting, secret, open_item
):
    when = timezone.make_aware(datetime(2017, 1, 10, 9, 30))
    log_view(cast, cast.chair, secret, when)
    log_view(cast, cast.board_member, secret, when + timedelta(days=2))
    log_view(cast, cast.chair, meeting, when + timedelta(days=5))
    client = as_user(cast.business_team)
    home = client.get("/boards/north/").content.decode()
    assert f'href="{LOG}"' in home

    response = client.get(LOG)
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 views found" in page
    assert rows(response) == [str(meeting), str(secret), str(secret)]
    assert str(cast.board_member) in page
    assert "Agenda item" in page  # the kind of record
    assert "boards:meeting /x/" in page

    item_kind = ContentType.objects.get_for_model(AgendaItem).pk
    response = client.get(LOG, {"record_type": item_kind})
    assert rows(response) == [str(secret), str(secret)]
    response = client.get(LOG, {"user": cast.chair.pk})
    assert [v.user for v in response.context["page"].object_list] == [cast.chair] * 2
    response = client.get(LOG, {"viewed_from": "2017-01-11", "viewed_to": "2017-01-13"})
    assert [v.user for v in response.context["page"].object_list] == [cast.board_member]


def test_bad_filters_are_explained_not_a_500(cast, as_user, secret):
    response = as_user(cast.business_team).get(
        LOG, {"record_type": "nonsense", "user": "99999", "viewed_from": "31/31/x"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose a kind of record from the list" in page
    assert "Choose a person from the list" in page
    assert "Enter a real date" in page


@pytest.mark.parametrize(
    "who, status",
    [
        ("chair", 403),
        ("board_member", 403),
        ("lay_member", 403),
        ("contributor_x", 403),
        ("other_board_member", 404),
    ],
)
def test_only_the_business_team_reads_the_log(cast, as_user, who, status):
    client = as_user(cast.user(who))
    assert client.get(LOG).status_code == status
    if status == 403:
        # No link is shown that would lead to a 403.
        assert LOG not in client.get("/boards/north/").content.decode()


def test_anonymous_is_sent_to_sign_in(cast, as_user):
    response = as_user(None).get(LOG)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_another_boards_log_is_a_404_and_shows_none_of_ours(
    cast, as_user, meeting, secret
):
    log_view(cast, cast.chair, secret, timezone.now())
    south_team = MembershipFactory(board=cast.other_board, role="business_team").user
    client = as_user(south_team)
    assert client.get(LOG).status_code == 404
    response = client.get("/boards/south/view-log/")
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []


@pytest.mark.parametrize("size", [3, 30])
def test_log_page_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, meeting, size
):
    people = [cast.chair, cast.board_member, cast.lay_member]
    for n in range(size):
        item = AgendaItemFactory(
            meeting=meeting, order=n + 1, title=f"Item {n}", confidential=True
        )
        log_view(cast, people[n % 3], item, timezone.now() - timedelta(hours=n))
    client = as_user(cast.business_team)
    with django_assert_max_num_queries(9):
        response = client.get(LOG, {"viewed_from": "2000-01-01"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == size


# The list component ----------------------------------------------------------------


@pytest.fixture
def logged(cast, meeting, secret):
    when = timezone.make_aware(datetime(2017, 1, 10, 9, 30))
    log_view(cast, cast.chair, secret, when)
    log_view(cast, cast.board_member, secret, when + timedelta(days=2), via="API GET")
    log_view(cast, cast.chair, meeting, when + timedelta(days=5))


def test_the_log_sorts_and_ignores_unknown_keys(cast, as_user, logged):
    client = as_user(cast.business_team)
    ascending = lists.assert_sorts(client, LOG, "when")
    assert ascending[0][0] == "10 Jan 2017, 09:30"
    lists.assert_sorts(client, LOG, "through")


def test_the_business_team_exports_exactly_the_filtered_log(
    cast, as_user, logged, monkeypatch
):
    from boards.views.viewlog import ViewLogView

    monkeypatch.setattr(ViewLogView, "page_size", 2)
    client = as_user(cast.business_team)
    rows = lists.assert_exports(client, LOG, {"user": cast.chair.pk, "sort": "when"})
    assert [row[0] for row in rows] == ["10 Jan 2017, 09:30", "15 Jan 2017, 09:30"]
    assert rows[0][2].startswith("Agenda item: ")
    assert len(lists.assert_exports(client, LOG)) == 3


def test_exported_names_are_neutralised(cast, as_user, meeting, secret):
    # The record's cell starts with its kind; a person's name is typed by people.
    cast.chair.full_name = "=HYPERLINK(x)"
    cast.chair.save()
    log_view(cast, cast.chair, secret, timezone.now(), via="+cmd")
    rows = lists.export(as_user(cast.business_team), LOG, "csv")
    assert rows[1][1] == "'=HYPERLINK(x)"
    assert rows[1][3] == "'+cmd"


@pytest.mark.parametrize("who", ["chair", "board_member", "contributor_x"])
def test_only_the_business_team_exports_the_log(cast, as_user, logged, who):
    client = as_user(cast.user(who))
    for kind in ("csv", "xlsx"):
        assert client.get(LOG, {"export": kind}).status_code == 403


@pytest.mark.parametrize("size", [3, 30])
def test_log_export_runs_constant_queries(
    cast, as_user, django_assert_max_num_queries, meeting, size
):
    people = [cast.chair, cast.board_member, cast.lay_member]
    for n in range(size):
        item = AgendaItemFactory(
            meeting=meeting, order=n + 1, title=f"Item {n}", confidential=True
        )
        log_view(cast, people[n % 3], item, timezone.now() - timedelta(hours=n))
    client = as_user(cast.business_team)
    for kind in ("csv", "xlsx"):
        with django_assert_max_num_queries(7):
            response = client.get(LOG, {"export": kind, "sort": "who"})
        assert response.status_code == 200
